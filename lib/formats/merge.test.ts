import { describe, expect, it } from 'vitest';
import { type Account, newAccount } from '../accounts';
import { describeImportErrors, describeImportProblem } from './describe';
import { english, formatImportSummary, german } from './english.testing';
import {
  type ConflictChoices,
  type ImportParse,
  type IncomingAccount,
  mergeImport,
  parseImport,
  previewImport,
} from './index';
import { renamedCopyName } from './merge';

const S1 = 'JBSWY3DPEHPK3PXP';
const S2 = 'GEZDGNBVGY3TQOJQ';
const S3 = 'MFRGGZDFMZTWQ2LK';

function vaultAccount(name: string, secret: string, extra: Partial<Account> = {}): Account {
  const base = { name, secret, issuer: 'Microsoft', notes: '', digits: 6, period: 30, algorithm: 'SHA1' } as const;
  return { ...newAccount(base, `id-${name}`, 1000), ...extra };
}

function row(name: string, secret: string, line: number, extra: Partial<IncomingAccount> = {}): IncomingAccount {
  return { name, secret, issuer: '', notes: '', digits: 6, period: 30, algorithm: 'SHA1', where: { line }, ...extra };
}

function idCounter(): () => string {
  let n = 0;
  return () => `new-${++n}`;
}

function merge(existing: Account[], valid: IncomingAccount[], choices: ConflictChoices = {}) {
  const result = mergeImport(existing, { valid, invalid: [] }, { choices, newId: idCounter(), now: 5000 });
  if (!result.ok) throw new Error(result.problem.code);
  return result;
}

describe('mergeImport', () => {
  const vault = [vaultAccount('alice@x.com', S1, { pinned: true, lastUsedAt: 42 }), vaultAccount('bob@x.com', S2)];

  it('adds new accounts with fresh ids and leaves the vault accounts as they were', () => {
    const { accounts, summary } = merge(vault, [row('carol@x.com', S3, 2, { notes: 'n', pinned: true })]);
    expect(accounts.slice(0, 2)).toEqual(vault);
    expect(accounts[2]).toEqual({
      id: 'new-1',
      name: 'carol@x.com',
      secret: S3,
      issuer: '',
      notes: 'n',
      digits: 6,
      period: 30,
      algorithm: 'SHA1',
      pinned: true,
      lastUsedAt: 0,
      submitAfterFill: 'default',
      createdAt: 5000,
    });
    expect(summary).toEqual({ added: 1, replaced: 0, skipped: 0, failed: 0 });
  });

  it('skips duplicates of the vault (name in any case) and of earlier rows, and counts them', () => {
    const rows = [row('ALICE@x.com', S1, 2), row('carol@x.com', S3, 3), row('Carol@X.com', S3, 4)];
    const { accounts, summary } = merge(vault, rows);
    expect(accounts.map((a) => a.name)).toEqual(['alice@x.com', 'bob@x.com', 'carol@x.com']);
    expect(summary).toEqual({ added: 1, replaced: 0, skipped: 2, failed: 0 });
  });

  it('keeps the vault account by default when a row has the same name and another secret', () => {
    const { accounts, summary } = merge(vault, [row('alice@x.com', S3, 2)]);
    expect(accounts).toEqual(vault);
    expect(summary).toEqual({ added: 0, replaced: 0, skipped: 1, failed: 0 });
  });

  it('replaces the secret and code settings on request, keeping id, name, pin and usage', () => {
    const incoming = row('Alice@X.com', S3, 2, { digits: 8, period: 60, algorithm: 'SHA256', notes: 'rotated' });
    const { accounts, summary } = merge(vault, [incoming], { 0: 'replace' });
    expect(accounts[0]).toEqual({
      ...vault[0],
      secret: S3,
      digits: 8,
      period: 60,
      algorithm: 'SHA256',
      notes: 'rotated',
    });
    expect(accounts).toHaveLength(2);
    expect(summary).toEqual({ added: 0, replaced: 1, skipped: 0, failed: 0 });
  });

  it('imports a renamed copy on request, with a name no one else has or will have', () => {
    const rows = [row('alice@x.com', S3, 2), row('alice@x.com (2)', S2, 3)];
    const { accounts, summary } = merge(vault, rows, { 0: 'rename' });
    expect(accounts.map((a) => [a.name, a.secret])).toEqual([
      ['alice@x.com', S1],
      ['bob@x.com', S2],
      ['alice@x.com (3)', S3],
      ['alice@x.com (2)', S2],
    ]);
    expect(summary).toEqual({ added: 2, replaced: 0, skipped: 0, failed: 0 });
  });

  it('treats two rows with one name and two secrets as a conflict within the file', () => {
    const rows = [row('dave@x.com', S1, 2), row('dave@x.com', S2, 3), row('dave@x.com', S3, 4)];
    const { accounts, summary } = merge([], rows, { 1: 'replace', 2: 'rename' });
    expect(accounts.map((a) => [a.name, a.secret])).toEqual([
      ['dave@x.com', S2],
      ['dave@x.com (2)', S3],
    ]);
    expect(summary).toEqual({ added: 2, replaced: 1, skipped: 0, failed: 0 });
  });

  it('imports nothing from a file with bad rows unless the user chose to import only the valid ones', async () => {
    const parse = await parseImport(
      'upn,serial number,secret key,time interval,manufacturer,model\na@x.com,1,JBSWY3DPEHPK3PXP,30,c,m\nb@x.com,1,JBSWY3DPEHPK3PX0,30,c,m\n',
    );
    const refused = mergeImport(vault, parse, { newId: idCounter(), now: 1 });
    expect(refused).toEqual({ ok: false, problem: { code: 'rows-have-errors', failed: 1, valid: 1 } });
    expect(!refused.ok && describeImportProblem(refused.problem, english)).toBe(
      '1 row has errors, so nothing was imported. Fix it and import the file again, or import only the valid accounts.',
    );
    expect(!refused.ok && describeImportProblem(refused.problem, german)).toBe(
      '1 Zeile ist fehlerhaft, daher wurde nichts importiert. Korrigieren Sie sie und importieren Sie die Datei erneut, oder importieren Sie nur die gültigen Konten.',
    );
    const accepted = mergeImport(vault, parse, { importValidOnly: true, newId: idCounter(), now: 1 });
    expect(accepted.ok && accepted.summary).toEqual({ added: 1, replaced: 0, skipped: 0, failed: 1 });
    expect(accepted.ok && formatImportSummary(accepted.summary)).toBe('Added 1 account, 1 skipped.');
  });

  it('merges 1,000 rows into a vault of 1,000 accounts in well under 2 s', () => {
    const existing = Array.from({ length: 1000 }, (_, i) => vaultAccount(`user${i}@x.com`, S1));
    const rows = Array.from({ length: 1000 }, (_, i) => row(`user${i + 500}@x.com`, i % 2 ? S1 : S2, i + 2));
    const choices: Record<number, 'replace' | 'rename'> = {};
    for (let i = 0; i < 500; i += 2) choices[i] = i % 4 ? 'replace' : 'rename';
    const started = performance.now();
    const { accounts, summary } = merge(existing, rows, choices);
    const elapsed = performance.now() - started;
    expect(summary).toEqual({ added: 500 + 125, replaced: 125, skipped: 250, failed: 0 });
    expect(accounts).toHaveLength(1000 + 625);
    expect(elapsed).toBeLessThan(500);
  });
});

describe('previewImport', () => {
  it('lists duplicates and conflicts with their rows and locations, and no secrets', async () => {
    const vault = [vaultAccount('Alice@x.com', S1)];
    const text = [
      'upn,serial number,secret key,time interval,manufacturer,model',
      `alice@x.com,1,${S1},30,,`,
      `alice@x.com,1,${S2},30,,`,
      `carol@x.com,1,${S3},30,,`,
      `carol@x.com,1,${S1},30,,`,
      `carol@x.com,1,${S3},30,,`,
      'bad@x.com,1,0000,30,,',
    ].join('\n');
    const parse: ImportParse = await parseImport(text);
    const preview = previewImport(vault, parse);
    expect(preview).toEqual({
      format: 'entra-csv',
      error: null,
      needsPassphrase: false,
      notices: [],
      invalidRows: [
        {
          where: { line: 7 },
          problems: [{ field: 'secret', column: 'secret key', issue: { code: 'secret-not-base32', count: 1 } }],
        },
      ],
      validCount: 5,
      invalidCount: 1,
      newCount: 1,
      newAccounts: [{ where: { line: 4 }, name: 'carol@x.com', issuer: 'Microsoft' }],
      duplicates: [
        { where: { line: 2 }, name: 'alice@x.com', of: 'vault' },
        { where: { line: 6 }, name: 'carol@x.com', of: 'file' },
      ],
      conflicts: [
        { row: 1, where: { line: 3 }, name: 'alice@x.com', with: 'vault', existingName: 'Alice@x.com' },
        { row: 3, where: { line: 5 }, name: 'carol@x.com', with: 'file', existingName: 'carol@x.com' },
      ],
    });
    expect(describeImportErrors(preview, english)).toEqual([
      'Line 7: Secret key has 1 character that is not Base32 (A–Z, 2–7).',
    ]);
    expect(describeImportErrors(preview, german)).toEqual([
      'Zeile 7: Der geheime Schlüssel enthält 1 Zeichen, das kein Base32 ist (A–Z, 2–7).',
    ]);
    expect(JSON.stringify(preview)).not.toMatch(new RegExp(`${S1}|${S2}|${S3}`));
  });
});

describe('renamedCopyName', () => {
  it('keeps within the name length limit', () => {
    const long = 'x'.repeat(256);
    const name = renamedCopyName(long, new Set([long]));
    expect(name).toHaveLength(256);
    expect(name.endsWith(' (2)')).toBe(true);
  });
});
