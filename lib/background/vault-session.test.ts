import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { newAccount } from '../accounts';
import { MAX_PBKDF2_ITERATIONS, MIN_PBKDF2_ITERATIONS, toBase64 } from '../crypto';
import { createVault, KDF_OUT_OF_RANGE, type VaultRecord } from '../vault';
import { sessionKeyItem, vaultRecordItem } from './storage';
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
      expect(await session.unlock(PASSPHRASE)).toEqual(KDF_OUT_OF_RANGE);
      expect(await session.verifyPassphrase(PASSPHRASE)).toEqual(KDF_OUT_OF_RANGE);
      expect(await session.changePassphrase(PASSPHRASE, NEXT, NEXT)).toEqual(KDF_OUT_OF_RANGE);
      expect(await stored()).toEqual(forged);
    },
  );

  it.each([0, MIN_PBKDF2_ITERATIONS - 1, MAX_PBKDF2_ITERATIONS + 1, 5_000_000_000, 150_000.5, Number.NaN])(
    'changing the passphrase with %d iterations is refused and the old passphrase still opens the vault',
    async (iterations) => {
      const before = await stored();
      expect(await session.changePassphrase(PASSPHRASE, NEXT, NEXT, iterations)).toEqual(ITERATIONS_OUT_OF_RANGE);
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

describe('one queue for unlock, open, writes and passphrase changes', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  /** Resolves once the session's first key derivation from now on has finished. */
  function firstDerivationDone(): Promise<void> {
    const derive = crypto.subtle.deriveKey.bind(crypto.subtle);
    let done!: () => void;
    const finished = new Promise<void>((resolve) => {
      done = resolve;
    });
    let calls = 0;
    vi.spyOn(crypto.subtle, 'deriveKey').mockImplementation(async (...args: Parameters<SubtleCrypto['deriveKey']>) => {
      const key = await derive(...args);
      if (++calls === 1) done();
      return key;
    });
    return finished;
  }

  it('the old passphrase unlocking while a change is in flight, then an edit: the new passphrase works, the old does not', async () => {
    // A costly KDF on the old wrapping and a cheap one on the new: without the queue, the unlock
    // started after the change unwrapped the key finishes well after the change has written.
    fakeBrowser.reset();
    const slow = new VaultSession(10 * MIN_PBKDF2_ITERATIONS);
    expect((await slow.create(PASSPHRASE, PASSPHRASE)).ok).toBe(true);

    const changeUnwrapped = firstDerivationDone();
    const change = slow.changePassphrase(PASSPHRASE, NEXT, NEXT, MIN_PBKDF2_ITERATIONS);
    await changeUnwrapped;
    const unlockWithOld = slow.unlock(PASSPHRASE);
    expect(await change).toEqual({ ok: true, value: undefined });
    await unlockWithOld;
    vi.restoreAllMocks();

    const account = newAccount(
      {
        name: 'qa@contoso.com',
        issuer: '',
        secret: 'JBSWY3DPEHPK3PXPJBSWY3DP',
        digits: 6,
        period: 30,
        algorithm: 'SHA1',
        notes: '',
      },
      'id-1',
      1,
    );
    const edit = await slow.mutate((contents) => ({
      ok: true,
      value: { contents: { ...contents, accounts: [...contents.accounts, account] }, result: undefined },
    }));
    expect(edit.ok).toBe(true);

    await slow.lock();
    expect((await slow.unlock(PASSPHRASE)).ok).toBe(false);
    expect((await slow.unlock(NEXT)).ok).toBe(true);
    expect((await slow.accounts()).ok && (await slow.accounts())).toMatchObject({
      value: [{ name: 'qa@contoso.com' }],
    });
  });

  it('a write is based on the stored record, not on what this session last saw', async () => {
    // Another session (a restarted worker, or a second background instance) changes the passphrase.
    const other = new VaultSession(MIN_PBKDF2_ITERATIONS);
    expect((await session.accounts()).ok).toBe(true); // this session has the vault cached
    expect((await other.changePassphrase(PASSPHRASE, NEXT, NEXT)).ok).toBe(true);
    expect((await session.mutate((contents) => ({ ok: true, value: { contents, result: undefined } }))).ok).toBe(true);
    await session.lock();
    expect((await session.unlock(PASSPHRASE)).ok).toBe(false);
    expect((await session.unlock(NEXT)).ok).toBe(true);
  });

  it('a lock asked for while an unlock is running wins: the vault ends locked', async () => {
    await session.lock();
    const unlocking = session.unlock(PASSPHRASE);
    const locking = session.lock();
    await Promise.all([unlocking, locking]);
    expect(await session.state()).toBe('locked');
  });
});

describe('reading without going to storage while storage holds what the session holds', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  const addOne = (name: string) =>
    session.mutate((contents) => {
      const input = { name, issuer: '', secret: 'JBSWY3DPEHPK3PXPJBSWY3DP', notes: '' };
      const account = newAccount({ ...input, digits: 6, period: 30, algorithm: 'SHA1' }, `id-${name}`, 1);
      return {
        ok: true,
        value: { contents: { ...contents, accounts: [...contents.accounts, account] }, result: undefined },
      };
    });

  it('once checked against storage, opening again reads nothing from storage', async () => {
    expect((await addOne('qa@contoso.com')).ok).toBe(true);
    expect((await session.accounts()).ok).toBe(true);
    const localReads = vi.spyOn(fakeBrowser.storage.local, 'get');
    const sessionReads = vi.spyOn(fakeBrowser.storage.session, 'get');
    for (let i = 0; i < 3; i++) {
      expect(await session.accounts()).toMatchObject({ ok: true, value: [{ name: 'qa@contoso.com' }] });
      expect(await session.state()).toBe('unlocked');
    }
    expect(localReads).not.toHaveBeenCalled();
    expect(sessionReads).not.toHaveBeenCalled();
  });

  it('after unlocking and after a write, the next opens read nothing from storage', async () => {
    await session.lock();
    expect((await session.unlock(PASSPHRASE)).ok).toBe(true);
    const localReads = vi.spyOn(fakeBrowser.storage.local, 'get');
    const sessionReads = vi.spyOn(fakeBrowser.storage.session, 'get');
    expect(await session.state()).toBe('unlocked');
    expect(await session.accounts()).toEqual({ ok: true, value: [] });
    expect(sessionReads).not.toHaveBeenCalled();
    expect((await addOne('qa@contoso.com')).ok).toBe(true);
    localReads.mockClear();
    sessionReads.mockClear();
    expect(await session.accounts()).toMatchObject({ ok: true, value: [{ name: 'qa@contoso.com' }] });
    expect(localReads).not.toHaveBeenCalled();
    expect(sessionReads).not.toHaveBeenCalled();
  });

  it('a write that fails is not remembered: the next open reads what storage holds', async () => {
    expect((await addOne('qa@contoso.com')).ok).toBe(true);
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValueOnce(new Error('QUOTA_BYTES quota exceeded'));
    await expect(addOne('second@contoso.com')).rejects.toThrow('quota');
    expect(await session.accounts()).toMatchObject({ ok: true, value: [{ name: 'qa@contoso.com' }] });
  });

  it('a record written by anything else is read at the next open, and a tampered one is not obeyed', async () => {
    expect((await addOne('qa@contoso.com')).ok).toBe(true);
    expect((await session.accounts()).ok).toBe(true);
    const record = await stored();
    const data = record.contents.data;
    const flipped = `${data.slice(0, 8)}${data[8] === 'A' ? 'B' : 'A'}${data.slice(9)}`;
    await vaultRecordItem.setValue({ ...record, contents: { ...record.contents, data: flipped } });
    expect((await session.accounts()).ok).toBe(false);
    // Put back, it is read again: nothing was kept from the tampered one.
    await vaultRecordItem.setValue(record);
    expect(await session.accounts()).toMatchObject({ ok: true, value: [{ name: 'qa@contoso.com' }] });
  });

  it('the key removed from storage.session by anything else: the next open finds the vault locked', async () => {
    expect((await session.accounts()).ok).toBe(true);
    await fakeBrowser.storage.session.remove('dataKey');
    expect(await session.state()).toBe('locked');
    expect((await session.accounts()).ok).toBe(false);
  });
});

describe('reads write nothing: a vault an earlier version wrote is stored in the current form by a write', () => {
  /** An earlier version's vault, open in this browser: contents without settings, settings beside them in plain storage. */
  async function earlierVersionVaultOpen(): Promise<void> {
    const { record, dataKey } = await createVault(PASSPHRASE, { accounts: [] }, MIN_PBKDF2_ITERATIONS);
    fakeBrowser.reset();
    await fakeBrowser.storage.local.set({ vault: record, settings: { submitAfterFill: true, staySignedIn: 'no' } });
    await sessionKeyItem.setValue(toBase64(dataKey));
    session = new VaultSession(MIN_PBKDF2_ITERATIONS);
  }

  it('open, accounts and settings read the plain settings and leave storage as it was', async () => {
    await earlierVersionVaultOpen();
    const before = await fakeBrowser.storage.local.get(null);
    const writes = vi.spyOn(fakeBrowser.storage.local, 'set');
    const removals = vi.spyOn(fakeBrowser.storage.local, 'remove');
    expect(await session.settings()).toMatchObject({ ok: true, value: { submitAfterFill: true, staySignedIn: 'no' } });
    expect(await session.accounts()).toEqual({ ok: true, value: [] });
    expect((await session.open()).ok).toBe(true);
    expect(writes).not.toHaveBeenCalled();
    expect(removals).not.toHaveBeenCalled();
    expect(await fakeBrowser.storage.local.get(null)).toEqual(before);
  });

  it('the next write stores the settings in the vault and removes the plain copy', async () => {
    await earlierVersionVaultOpen();
    expect(await session.settings()).toMatchObject({ ok: true, value: { submitAfterFill: true } });
    expect(await session.changeSettings({ staySignedIn: 'yes' })).toMatchObject({
      ok: true,
      value: { submitAfterFill: true, staySignedIn: 'yes' },
    });
    expect(Object.keys(await fakeBrowser.storage.local.get(null))).toEqual(['vault']);
    await session.lock();
    expect((await session.unlock(PASSPHRASE)).ok).toBe(true);
    expect(await session.settings()).toMatchObject({ ok: true, value: { submitAfterFill: true, staySignedIn: 'yes' } });
  });
});
