import type { AccountView } from '@/lib/messages';
import { copyText } from '@/utils/clipboard-copy';
import { t } from '@/utils/i18n';
import { send } from '@/utils/send';

/**
 * Copying an account's code: to the clipboard, said in the toast, and told to the background
 * (which clears the clipboard after the set delay and records the account as used).
 */
export function useCopyCode(codeToCopy: (account: AccountView) => Promise<string>, say: (message: string) => void) {
  return async function copy(account: AccountView) {
    const code = await codeToCopy(account);
    if (!code) return;
    try {
      await copyText(code);
      say(t('copiedCodeFor', account.name));
      void send({ type: 'clipboard:copied' });
      void send({ type: 'accounts:mark-used', id: account.id });
    } catch (error) {
      say(t('copyFailed', String(error)));
    }
  };
}
