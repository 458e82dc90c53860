import { describe, expect, it } from 'vitest';
import { type Account, newAccount } from '../accounts';
import {
  DEFAULT_PBKDF2_ITERATIONS,
  fromBase64,
  MAX_PBKDF2_ITERATIONS,
  MIN_PBKDF2_ITERATIONS,
  toBase64,
} from '../crypto';
import { describeExportProblem } from './describe';
import { english, german, parseImportWorded } from './english.testing';
import { createEncryptedBackup, mergeImport, validateBackupPassphrase } from './index';

/** Enough to make every test's KDF fast; one test below keeps the default. */
const TEST_ITERATIONS = MIN_PBKDF2_ITERATIONS;
const PASSPHRASE = 'correct horse battery staple';

const ACCOUNTS: Account[] = [
  {
    ...newAccount(
      {
        name: 'alice@contoso.onmicrosoft.com',
        issuer: 'Microsoft',
        secret: 'JBSWY3DPEHPK3PXP',
        digits: 6,
        period: 30,
        algorithm: 'SHA1',
        notes: 'Serial number: 1234567 · Manufacturer: Contoso · Model: Token-X',
      },
      'id-a',
      1,
    ),
    pinned: true,
    submitAfterFill: 'always',
    lastUsedAt: 99,
  },
  newAccount(
    {
      name: 'dev@example.com',
      issuer: 'GitHub',
      secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ',
      digits: 8,
      period: 60,
      algorithm: 'SHA512',
      notes: '',
    },
    'id-b',
    2,
  ),
];

async function backupOf(accounts: readonly Account[], iterations = TEST_ITERATIONS): Promise<string> {
  const file = await createEncryptedBackup(accounts, PASSPHRASE, { iterations, now: Date.UTC(2026, 0, 2) });
  if (!file.ok) throw new Error(file.problem.code);
  return file.value;
}

/** What a restore in another browser should recreate: everything but id, usage and creation time. */
function portable(a: Account) {
  const { id: _id, lastUsedAt: _used, createdAt: _created, ...rest } = a;
  return rest;
}

async function restore(file: string, passphrase: string): Promise<Account[]> {
  const parse = await parseImportWorded(file, { backupPassphrase: passphrase });
  if (parse.error) throw new Error(parse.error);
  let n = 0;
  const merged = mergeImport([], parse, { newId: () => `restored-${++n}`, now: 3 });
  if (!merged.ok) throw new Error(merged.problem.code);
  return merged.accounts;
}

describe('encrypted backup', () => {
  it('round-trips with the default 600,000 PBKDF2 iterations into an empty vault (another browser)', async () => {
    const file = await backupOf(ACCOUNTS, DEFAULT_PBKDF2_ITERATIONS);
    const json = JSON.parse(file);
    expect(json.kdf).toMatchObject({ name: 'PBKDF2', hash: 'SHA-256', iterations: 600_000 });
    expect(fromBase64(json.kdf.salt)).toHaveLength(16);
    expect((await restore(file, PASSPHRASE)).map(portable)).toEqual(ACCOUNTS.map(portable));
  });

  it('writes no secret, name or id in the clear, and a fresh salt and IVs each time', async () => {
    const [first, second] = [await backupOf(ACCOUNTS), await backupOf(ACCOUNTS)];
    for (const secretish of ['JBSWY3DPEHPK3PXP', 'alice@contoso', 'GitHub', 'id-a', 'Token-X']) {
      expect(first).not.toContain(secretish);
    }
    const [a, b] = [JSON.parse(first), JSON.parse(second)];
    expect(Object.keys(a)).toEqual(['format', 'version', 'kdf', 'wrappedKey', 'contents']);
    expect(a).toMatchObject({ format: 'mfa-autofill-backup', version: 1 });
    expect(a.kdf.salt).not.toBe(b.kdf.salt);
    expect(a.contents.iv).not.toBe(b.contents.iv);
  });

  it('asks for the passphrase, then says clearly when it is wrong', async () => {
    const file = await backupOf(ACCOUNTS);
    const asked = await parseImportWorded(file);
    expect(asked).toMatchObject({ format: 'mfa-autofill-backup', error: null, needsPassphrase: true, valid: [] });
    expect(asked.notices).toEqual([
      'This is an encrypted MFA Autofill backup: enter the backup passphrase chosen when it was exported.',
    ]);
    const wrong = await parseImportWorded(file, { backupPassphrase: 'Correct horse battery staple' });
    expect(wrong).toMatchObject({
      error:
        'That passphrase does not open this backup. Enter the backup passphrase chosen when it was exported (it may differ from the vault passphrase).',
      needsPassphrase: true,
      valid: [],
    });
  });

  it('detects a file changed after export', async () => {
    const json = JSON.parse(await backupOf(ACCOUNTS));
    const data = fromBase64(json.contents.data);
    data[5] = (data[5] ?? 0) ^ 0x01;
    const tampered = JSON.stringify({ ...json, contents: { ...json.contents, data: toBase64(data) } });
    const parse = await parseImportWorded(tampered, { backupPassphrase: PASSPHRASE });
    expect(parse.error).toBe(
      'This backup was changed after it was exported (its integrity check failed), so none of it can be trusted; nothing was imported.',
    );
    expect(parse.valid).toEqual([]);
  });

  it.each([
    { why: 'a missing salt', change: (j: BackupJson) => ({ ...j, kdf: { ...j.kdf, salt: undefined } }) },
    { why: 'a cut-short IV', change: (j: BackupJson) => ({ ...j, contents: { ...j.contents, iv: 'AAAA' } }) },
    { why: 'an absurd iteration count', change: (j: BackupJson) => ({ ...j, kdf: { ...j.kdf, iterations: 1e12 } }) },
    {
      why: 'an iteration count above the ceiling',
      change: (j: BackupJson) => ({ ...j, kdf: { ...j.kdf, iterations: MAX_PBKDF2_ITERATIONS + 1 } }),
    },
    {
      why: 'an iteration count below the floor',
      change: (j: BackupJson) => ({ ...j, kdf: { ...j.kdf, iterations: MIN_PBKDF2_ITERATIONS - 1 } }),
    },
    { why: 'no wrapped key', change: (j: BackupJson) => ({ ...j, wrappedKey: undefined }) },
  ])('calls a file with $why damaged, before asking for a passphrase', async ({ change }) => {
    const damaged = JSON.stringify(change(JSON.parse(await backupOf(ACCOUNTS))));
    for (const backupPassphrase of ['', PASSPHRASE]) {
      const parse = await parseImportWorded(damaged, { backupPassphrase });
      expect(parse.error).toBe(
        'This MFA Autofill backup is damaged (it was cut short or edited): it cannot be opened, and nothing was imported.',
      );
      expect(parse.needsPassphrase).toBe(false);
    }
  });

  it('asks for an update when the backup comes from a newer version', async () => {
    const json = JSON.parse(await backupOf(ACCOUNTS));
    const parse = await parseImportWorded(JSON.stringify({ ...json, version: 2 }), { backupPassphrase: PASSPHRASE });
    expect(parse.error).toBe(
      'This backup was made by a newer version of MFA Autofill (backup format 2); update the extension, then import it again.',
    );
  });

  it('refuses to export under a short or empty passphrase', async () => {
    const short = await createEncryptedBackup(ACCOUNTS, 'short');
    expect(short).toEqual({ ok: false, problem: { code: 'backup-passphrase-short', length: 5, min: 8 } });
    expect(!short.ok && describeExportProblem(short.problem, english)).toBe(
      'The backup passphrase needs at least 8 characters (it has 5).',
    );
    expect(!short.ok && describeExportProblem(short.problem, german)).toBe(
      'Die Passphrase der Sicherung braucht mindestens 8 Zeichen (sie hat 5).',
    );
    expect(validateBackupPassphrase('   ')).toEqual({ code: 'backup-passphrase-empty' });
  });
});

interface BackupJson {
  kdf: Record<string, unknown>;
  contents: Record<string, unknown>;
  wrappedKey: unknown;
}
