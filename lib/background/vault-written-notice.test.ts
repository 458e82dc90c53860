import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { isVaultWrittenNotice, VAULT_WRITTEN } from '../protocol/notices';
import { vaultRecordItem } from './storage';
import { announceVaultWrites } from './vault-written-notice';

describe('the vault-written notice', () => {
  beforeEach(() => fakeBrowser.reset());

  it('is sent on each write of the vault record, and a page with nobody listening is no failure', async () => {
    const sent: unknown[] = [];
    let unanswered = 0;
    announceVaultWrites(
      (onChange) => vaultRecordItem.watch(onChange),
      async (notice) => {
        sent.push(notice);
        unanswered++;
        throw new Error('Could not establish connection. Receiving end does not exist.');
      },
    );
    await vaultRecordItem.setValue({ version: 1 });
    await vaultRecordItem.setValue({ version: 2 });
    await expect.poll(() => sent.length).toBe(2);
    expect(sent).toEqual([VAULT_WRITTEN, VAULT_WRITTEN]);
    expect(unanswered).toBe(2);
  });

  it.each([
    ['from the background', VAULT_WRITTEN, { id: 'ours' }, true],
    ['from a content script (it has a tab)', VAULT_WRITTEN, { id: 'ours', tab: { id: 3 } }, false],
    ['from another extension', VAULT_WRITTEN, { id: 'theirs' }, false],
    ['of another type', { type: 'notice:other' }, { id: 'ours' }, false],
    ['that is no object', 'notice:vault-written', { id: 'ours' }, false],
  ])('a page believes a notice %s: %s', (_, message, sender, believed) => {
    expect(isVaultWrittenNotice(message, sender, 'ours')).toBe(believed);
  });
});
