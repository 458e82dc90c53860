/**
 * What the background tells every extension page unasked. It carries nothing but its type: a page
 * that shows what changed asks for it again through the usual requests (lib/messages.ts).
 */

/**
 * The vault record was written: accounts added, edited, pinned, deleted, imported or used, or
 * settings changed, by any page in any window. Pages that show accounts ask for them again.
 */
export const VAULT_WRITTEN = { type: 'notice:vault-written' } as const;
export type VaultWrittenNotice = typeof VAULT_WRITTEN;

/** The parts of runtime.MessageSender a page checks a notice's sender by. */
export interface NoticeSender {
  id?: string;
  tab?: unknown;
}

/**
 * A vault-written notice from this extension's background: content scripts (which have a tab)
 * can message extension pages too, and are not believed.
 */
export function isVaultWrittenNotice(message: unknown, sender: NoticeSender, extensionId: string): boolean {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as { type?: unknown }).type === VAULT_WRITTEN.type &&
    sender.id === extensionId &&
    sender.tab === undefined
  );
}
