import { describe, expect, it } from 'vitest';
import { type Account, newAccount } from '../accounts';
import {
  DATA_KEY_BYTES,
  deriveKeyEncryptionKey,
  importDataKey,
  MIN_PBKDF2_ITERATIONS,
  newPbkdf2Params,
  randomBytes,
  seal,
  sealJson,
} from '../crypto';
import { backupContentsAdditionalData, backupKeyAdditionalData } from './backup';
import { parseImportWorded } from './english.testing';
import { createEncryptedBackup, mergeImport } from './index';

/**
 * The per-account override of "Use a code instead of approving on the phone" travels in our
 * encrypted backup like the "Submit after filling" override (README.md, 'Import and export'); a
 * backup written before the field existed restores with the default.
 */
const PASSPHRASE = 'correct horse battery staple';

function account(name: string, secret: string, id: string, changes: Partial<Account> = {}): Account {
  const base = newAccount(
    { name, issuer: 'Microsoft', secret, digits: 6, period: 30, algorithm: 'SHA1', notes: '' },
    id,
    1,
  );
  return { ...base, ...changes };
}

async function restore(file: string): Promise<Account[]> {
  const parse = await parseImportWorded(file, { backupPassphrase: PASSPHRASE });
  if (parse.error) throw new Error(parse.error);
  expect(parse.invalid).toEqual([]);
  let n = 0;
  const merged = mergeImport([], parse, { newId: () => `restored-${++n}`, now: 3 });
  if (!merged.ok) throw new Error(merged.problem.code);
  return merged.accounts;
}

/** A version-1 file with exactly the account fields the writer had before `codeInsteadOfPush`. */
async function backupFromBeforeThePushOverride(accounts: readonly Record<string, unknown>[]): Promise<string> {
  const kdf = newPbkdf2Params(MIN_PBKDF2_ITERATIONS);
  const dataKey = randomBytes(DATA_KEY_BYTES);
  const file = {
    format: 'mfa-autofill-backup',
    version: 1,
    kdf,
    wrappedKey: await seal(await deriveKeyEncryptionKey(PASSPHRASE, kdf), dataKey, backupKeyAdditionalData(1)),
    contents: await sealJson(
      await importDataKey(dataKey),
      { accounts, exportedAt: '2026-01-02T00:00:00.000Z' },
      backupContentsAdditionalData(1),
    ),
  };
  return JSON.stringify(file, null, 2);
}

describe('encrypted backup: the per-account push override', () => {
  it('export → import keeps "always", "never" and the default, next to the submit override', async () => {
    const accounts = [
      account('alice@contoso.onmicrosoft.com', 'JBSWY3DPEHPK3PXP', 'a', {
        codeInsteadOfPush: 'always',
        submitAfterFill: 'never',
      }),
      account('bob@fabrikam.onmicrosoft.com', 'GEZDGNBVGY3TQOJQ', 'b', { codeInsteadOfPush: 'never' }),
      account('carol@contoso.onmicrosoft.com', 'MFRGGZDFMZTWQ2LK', 'c', { codeInsteadOfPush: 'default' }),
      account('dave@fabrikam.onmicrosoft.com', 'KRUGKIDROVUWG2ZA', 'd'),
    ];
    const file = await createEncryptedBackup(accounts, PASSPHRASE, { iterations: MIN_PBKDF2_ITERATIONS, now: 0 });
    if (!file.ok) throw new Error(file.problem.code);
    const restored = await restore(file.value);
    expect(restored.map((a) => [a.name, a.codeInsteadOfPush ?? 'default', a.submitAfterFill])).toEqual([
      ['alice@contoso.onmicrosoft.com', 'always', 'never'],
      ['bob@fabrikam.onmicrosoft.com', 'never', 'default'],
      ['carol@contoso.onmicrosoft.com', 'default', 'default'],
      ['dave@fabrikam.onmicrosoft.com', 'default', 'default'],
    ]);
  });

  it('a backup written before the field existed imports with the default, its submit override kept', async () => {
    const file = await backupFromBeforeThePushOverride([
      {
        name: 'alice@contoso.onmicrosoft.com',
        issuer: 'Microsoft',
        secret: 'JBSWY3DPEHPK3PXP',
        digits: 6,
        period: 30,
        algorithm: 'SHA1',
        notes: '',
        pinned: true,
        submitAfterFill: 'always',
      },
    ]);
    const [restored] = await restore(file);
    expect(restored).toMatchObject({ name: 'alice@contoso.onmicrosoft.com', pinned: true, submitAfterFill: 'always' });
    expect(restored?.codeInsteadOfPush).toBeUndefined();
  });

  it('a value it does not know imports as the default', async () => {
    const file = await backupFromBeforeThePushOverride([
      {
        name: 'alice@contoso.onmicrosoft.com',
        secret: 'JBSWY3DPEHPK3PXP',
        submitAfterFill: 'default',
        codeInsteadOfPush: 'sometimes',
      },
    ]);
    const [restored] = await restore(file);
    expect(restored?.name).toBe('alice@contoso.onmicrosoft.com');
    expect(restored?.codeInsteadOfPush).toBeUndefined();
  });
});
