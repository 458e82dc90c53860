import type { TabStatus } from '@/lib/messages';
import { t } from './i18n';

/** One sentence on what happened on the current tab's sign-in page. */
export function describeTabStatus(status: TabStatus): string {
  switch (status.state) {
    case 'filled':
      return status.submitted ? t('tabFilledAndSubmitted', status.account) : t('tabFilled', status.account);
    case 'waiting-unlock':
      return t('tabWaitingForUnlock');
    case 'no-match':
      return status.pageAccount ? t('tabNoMatchingAccount', status.pageAccount) : t('tabAccountUnknown');
    case 'not-totp':
      return t('tabNotTotp', status.reason);
    case 'wrong-code':
      return status.retrying ? t('tabWrongCodeRetrying', status.account) : t('tabWrongCodeStopped', status.account);
    case 'disabled':
      return t('tabAutofillOff');
  }
}

export function TabStatusLine({ status }: { status: TabStatus | null }) {
  if (!status) return null;
  return (
    <p class={`tab-status ${status.state}`} role="status">
      {describeTabStatus(status)}
    </p>
  );
}
