/**
 * The popup's first screenful after an unlock, asked for in the same breath as the unlock. The
 * background runs vault operations one at a time in the order they arrive (VaultSession's queue),
 * so a request sent right behind the unlock is answered as soon as the unlock is done, from the
 * contents it just decrypted: one round trip fewer between "Unlock" and the codes. README.md,
 * 'Performance'.
 */
import type { PageReplies } from '@/lib/messages';
import { failedWith } from '@/lib/problems';
import type { FirstScreenReply } from './first-screen';

type AskFirstScreen = () => Promise<FirstScreenReply>;

export interface FirstScreenAfterUnlock {
  /** Call right after the unlock request was sent (in the same task, so it arrives behind it). */
  sendBehindUnlock(): void;
  /**
   * After the unlock succeeded: the reply to the request sent behind it; asked afresh when none
   * was sent or it found the vault still locked (it overtook the unlock, or a wrong passphrase
   * was tried first).
   */
  take(): Promise<PageReplies['accounts:list']>;
}

export function firstScreenAfterUnlock(ask: AskFirstScreen): FirstScreenAfterUnlock {
  let pending: Promise<FirstScreenReply> | null = null;
  return {
    sendBehindUnlock() {
      pending = ask();
    },
    async take() {
      const early = pending;
      pending = null;
      const reply = early ? await early : null;
      if (reply && !failedWith(reply, 'problemVaultLocked')) return reply;
      return ask();
    },
  };
}
