import { VAULT_WRITTEN, type VaultWrittenNotice } from '../protocol/notices';

/**
 * Tells the extension's pages each time the vault record is written, whoever asked for the
 * write: the options page's table, another window's options page and an open popup then show the
 * same accounts without a reload (docs/ARCHITECTURE.md, 'Extension pages'). The background is
 * the vault's single writer, so storage's own change event for the record is the one place every
 * write passes.
 *
 * `announce` is runtime.sendMessage: with no page open it rejects ("Receiving end does not
 * exist"), which is no failure here.
 */
export function announceVaultWrites(
  watchVaultRecord: (onChange: () => void) => unknown,
  announce: (notice: VaultWrittenNotice) => Promise<unknown>,
): void {
  watchVaultRecord(() => {
    announce(VAULT_WRITTEN).catch(() => undefined);
  });
}
