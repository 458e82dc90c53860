import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { MAX_PBKDF2_ITERATIONS, MIN_PBKDF2_ITERATIONS } from '../crypto';
import { KDF_OUT_OF_RANGE, type VaultRecord } from '../vault';
import { vaultRecordItem } from './storage';
import { ITERATIONS_OUT_OF_RANGE, VaultSession } from './vault-session';

const PASSPHRASE = 'correct horse battery staple';
const NEXT = 'a brand new passphrase';

let session: VaultSession;
beforeEach(async () => {
  fakeBrowser.reset();
  session = new VaultSession(MIN_PBKDF2_ITERATIONS);
  expect(await session.create(PASSPHRASE, PASSPHRASE)).toEqual({ ok: true, value: undefined });
});

const stored = async () => (await vaultRecordItem.getValue()) as VaultRecord;

describe('KDF iteration bounds in the session', () => {
  it.each([0, MIN_PBKDF2_ITERATIONS - 1, MAX_PBKDF2_ITERATIONS + 1, 5_000_000_000, 150_000.5])(
    'unlocking a stored record that asks for %d iterations fails at once with a clear error and changes nothing',
    async (iterations) => {
      await session.lock();
      const forged = { ...(await stored()), kdf: { ...(await stored()).kdf, iterations } };
      await vaultRecordItem.setValue(forged);
      expect(await session.unlock(PASSPHRASE)).toEqual({ ok: false, error: KDF_OUT_OF_RANGE });
      expect(await session.verifyPassphrase(PASSPHRASE)).toEqual({ ok: false, error: KDF_OUT_OF_RANGE });
      expect(await session.changePassphrase(PASSPHRASE, NEXT, NEXT)).toEqual({ ok: false, error: KDF_OUT_OF_RANGE });
      expect(await stored()).toEqual(forged);
    },
  );

  it.each([0, MIN_PBKDF2_ITERATIONS - 1, MAX_PBKDF2_ITERATIONS + 1, 5_000_000_000, 150_000.5, Number.NaN])(
    'changing the passphrase with %d iterations is refused and the old passphrase still opens the vault',
    async (iterations) => {
      const before = await stored();
      expect(await session.changePassphrase(PASSPHRASE, NEXT, NEXT, iterations)).toEqual({
        ok: false,
        error: ITERATIONS_OUT_OF_RANGE,
      });
      expect(await stored()).toEqual(before);
      await session.lock();
      expect((await session.unlock(PASSPHRASE)).ok).toBe(true);
    },
  );

  it('changing the passphrase to another allowed count works', async () => {
    expect(await session.changePassphrase(PASSPHRASE, NEXT, NEXT, MIN_PBKDF2_ITERATIONS + 1)).toEqual({
      ok: true,
      value: undefined,
    });
    expect((await stored()).kdf.iterations).toBe(MIN_PBKDF2_ITERATIONS + 1);
    await session.lock();
    expect((await session.unlock(NEXT)).ok).toBe(true);
  });
});
