import type { TabStatus } from '@/lib/messages';

/** One sentence on what happened on the current tab's sign-in page. */
export function describeTabStatus(status: TabStatus): string {
  switch (status.state) {
    case 'filled':
      return status.submitted
        ? `Filled and submitted the code for ${status.account}.`
        : `Filled the code for ${status.account}.`;
    case 'waiting-unlock':
      return 'This page is waiting for a code: unlock the vault and it is filled.';
    case 'no-match':
      return status.pageAccount
        ? `No account in the vault matches ${status.pageAccount}, the account this page signs in.`
        : 'The page does not say which account it signs in, and the vault has several: nothing was filled.';
    case 'not-totp':
      return `Not filled: this page does not ask for an authenticator-app code (${status.reason}).`;
    case 'wrong-code':
      return status.retrying
        ? `The page rejected the code for ${status.account}; retrying with the next code.`
        : `The page rejected the code for ${status.account} twice; stopped. Check the account's secret key.`;
    case 'disabled':
      return 'Automatic filling is off (options page). Use the keyboard shortcut to fill.';
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
