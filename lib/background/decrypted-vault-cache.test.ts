import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { MIN_PBKDF2_ITERATIONS } from '../crypto';
import { createVault, emptyContents, writeContents } from '../vault';
import { DecryptedVaultCache, type Unlocked } from './decrypted-vault-cache';
import { sessionKeyItem, vaultRecordItem } from './storage';

let cache: DecryptedVaultCache;
let unlocked: Unlocked;

beforeEach(async () => {
  fakeBrowser.reset();
  cache = new DecryptedVaultCache();
  const { record, dataKey } = await createVault('a passphrase for the cache', emptyContents(), MIN_PBKDF2_ITERATIONS);
  unlocked = { record, contents: emptyContents(), dataKey };
});

describe('DecryptedVaultCache', () => {
  it('its own write, held before it is written, leaves the copy trusted', async () => {
    await cache.holdAndWrite('key', unlocked, cache.mark(), () => vaultRecordItem.setValue(unlocked.record));
    expect(cache.trusted()).toBe(unlocked);
  });

  it('a different record written by anything else makes the copy untrusted until confirmed again', async () => {
    await cache.holdAndWrite('key', unlocked, cache.mark(), () => vaultRecordItem.setValue(unlocked.record));
    const other = await writeContents(unlocked.record, unlocked.dataKey, { ...emptyContents(), accounts: [] });
    await vaultRecordItem.setValue(other);
    expect(cache.trusted()).toBeNull();
    // Storage read back holds the other record: not what was decrypted, so nothing is confirmed.
    expect(cache.confirm('key', other, cache.mark())).toBeNull();
    // The held record put back and read again: trusted from that read on.
    await vaultRecordItem.setValue(unlocked.record);
    expect(cache.confirm('key', unlocked.record, cache.mark())).toBe(unlocked);
    expect(cache.trusted()).toBe(unlocked);
  });

  it('another key in storage.session makes the copy untrusted', async () => {
    await cache.holdAndWrite('key', unlocked, cache.mark(), () => sessionKeyItem.setValue('key'));
    expect(cache.trusted()).toBe(unlocked);
    await sessionKeyItem.setValue('another key');
    expect(cache.trusted()).toBeNull();
  });

  it('a change announced after the mark was taken is not overlooked by a copy held with that mark', async () => {
    const mark = cache.mark();
    await sessionKeyItem.setValue('written by anything else');
    cache.hold('key', unlocked, mark);
    expect(cache.trusted()).toBeNull();
  });

  it('a write that fails leaves nothing held', async () => {
    const failing = cache.holdAndWrite('key', unlocked, cache.mark(), async () => {
      throw new Error('QUOTA_BYTES quota exceeded');
    });
    await expect(failing).rejects.toThrow('quota');
    expect(cache.trusted()).toBeNull();
    expect(cache.confirm('key', unlocked.record, cache.mark())).toBeNull();
  });
});
