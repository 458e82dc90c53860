import type { NotFilledReason, ScreenSummary, TabStatus } from '@/lib/messages';
import { offersScreenReport } from '@/lib/popup/screen-report-offer';
import { t } from '@/utils/i18n';
import { ScreenReportButton } from './ScreenReportButton';

/** Reasons arrive as codes (lib/messages.ts); the words are the popup's, in the user's language. */
function notFilledText(status: Extract<TabStatus, { state: 'not-totp' }>): string {
  const reason: NotFilledReason = status.reason;
  switch (reason) {
    case 'sms':
      return t('tabNotFilledSms');
    case 'email':
      return t('tabNotFilledEmail');
    case 'disagree':
      return t('tabNotFilledDisagree');
    case 'digits':
      return t('tabNotFilledDigits', [status.pageDigits ?? '?', status.accountDigits ?? '?']);
    case 'several-fields':
      return t('tabNotFilledSeveralFields');
    case 'no-visible-field':
      return t('tabNotFilledNoVisibleField');
    case 'no-code-method':
      return t('tabNotFilledNoCodeMethod');
    case 'switch-off':
      return t('tabNotFilledSwitchOff');
    default:
      return t('tabNotFilledUnknownMethod');
  }
}

/**
 * The time the next period starts, not a countdown: a `role="status"` line that changed every
 * second would be read out every second.
 */
function nextPeriodText(status: Extract<TabStatus, { state: 'waiting-next-period' }>): string {
  const time = new Date(status.until).toLocaleTimeString(undefined, { timeStyle: 'medium' });
  return status.reason === 'code-used'
    ? t('tabWaitingNextPeriodCodeUsed', [status.account, time])
    : t('tabWaitingNextPeriodTooLate', [status.account, time]);
}

/** "Sign in to your account (page ConvergedError, error AADSTS50196)". */
export function screenName(screen: ScreenSummary): string {
  const details = [
    screen.pgid ? t('tabStoppedPageId', screen.pgid) : null,
    screen.aadsts ? t('tabStoppedAadsts', screen.aadsts) : null,
  ].filter((detail) => detail !== null);
  const title = screen.title ?? t('tabStoppedUntitled');
  return details.length > 0 ? `${title} (${details.join(', ')})` : title;
}

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
      return notFilledText(status);
    case 'wrong-code':
      return status.retrying ? t('tabWrongCodeRetrying', status.account) : t('tabWrongCodeStopped', status.account);
    case 'disabled':
      return t('tabAutofillOff');
    case 'stopped':
      return status.blocked ? t('tabStoppedBlocked', screenName(status)) : t('tabStoppedUnknown', screenName(status));
    case 'lease-unavailable':
      return t('tabLeaseUnavailable', status.account);
    case 'waiting-next-period':
      return nextPeriodText(status);
  }
}

export function TabStatusLine({ status }: { status: TabStatus | null }) {
  if (!status) return null;
  return (
    <>
      <p class={`tab-status ${status.state}`} role="status">
        {describeTabStatus(status)}
      </p>
      {offersScreenReport(status) ? <ScreenReportButton /> : null}
    </>
  );
}
