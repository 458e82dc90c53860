import { describe, expect, it } from 'vitest';
import { readFixture } from '../../tests/fixtures/import/read-fixture';
import { formatImportErrors, parseImportWorded } from './english.testing';

function aegisExport(entries: unknown[]): string {
  return JSON.stringify({ version: 1, header: { slots: null, params: null }, db: { version: 3, entries } });
}

function totpEntry(info: Record<string, unknown>, name = 'a@x.com'): Record<string, unknown> {
  return { type: 'totp', name, issuer: 'X', note: '', info: { algo: 'SHA1', digits: 6, period: 30, ...info } };
}

describe('Aegis export (unencrypted JSON)', () => {
  it('reads its TOTP entries with issuer, notes and code settings; reports HOTP as not supported', async () => {
    const parse = await parseImportWorded(readFixture('aegis-plain.json'));
    expect(parse.format).toBe('aegis');
    expect(parse.valid).toEqual([
      {
        name: 'alice@contoso.onmicrosoft.com',
        issuer: 'Microsoft',
        secret: 'JBSWY3DPEHPK3PXP',
        digits: 6,
        period: 30,
        algorithm: 'SHA1',
        notes: 'Break-glass account',
        where: { entry: 1 },
      },
      {
        name: 'dev@example.com',
        issuer: 'GitHub',
        secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ',
        digits: 8,
        period: 60,
        algorithm: 'SHA256',
        notes: '',
        where: { entry: 2 },
      },
    ]);
    expect(formatImportErrors(parse)).toEqual([
      'Entry 3 (counter@example.com): HOTP (counter-based) accounts are not supported; only TOTP accounts can be imported.',
    ]);
  });

  it.each([
    {
      why: 'bad values, one message per field',
      entries: [
        totpEntry({ secret: 'JBSWY3DPEHPK3PX0', period: 45 }),
        totpEntry({ secret: 'A'.repeat(129), digits: 7 }, 'b@x.com'),
        totpEntry({ secret: 'JBSWY3DPEHPK3PXP', algo: 'MD5' }, ''),
      ],
      errors: [
        'Entry 1 (a@x.com): Secret key has 1 character that is not Base32 (A–Z, 2–7).',
        'Entry 1 (a@x.com): Period must be 30 or 60 seconds, not 45.',
        'Entry 2 (b@x.com): Secret key has 129 characters; Microsoft accepts at most 128.',
        'Entry 2 (b@x.com): Digits must be 6 or 8, not 7.',
        'Entry 3 (X): Account name is empty: enter the sign-in name, e.g. qa.user@contoso.onmicrosoft.com.',
        'Entry 3 (X): Algorithm must be SHA1, SHA256 or SHA512, not MD5.',
      ],
    },
    {
      why: 'other code types and non-objects',
      entries: [{ ...totpEntry({ secret: 'JBSWY3DPEHPK3PXP' }), type: 'steam' }, 42],
      errors: [
        'Entry 1 (a@x.com): Steam accounts are not supported; only TOTP accounts can be imported.',
        'Entry 2: This entry is not an account.',
      ],
    },
  ])('$why', async ({ entries, errors }) => {
    const parse = await parseImportWorded(aegisExport(entries));
    expect(parse.valid).toEqual([]);
    expect(formatImportErrors(parse)).toEqual(errors);
  });

  it('explains that an encrypted export must be exported again without encryption', async () => {
    const encrypted = JSON.stringify({
      version: 1,
      header: { slots: [{ type: 1 }], params: { nonce: 'x', tag: 'y' } },
      db: 'c2VjcmV0',
    });
    const parse = await parseImportWorded(encrypted);
    expect(parse.format).toBe('aegis');
    expect(parse.error).toMatch(/^This Aegis export is encrypted\. In Aegis, export again with encryption turned off/);
  });

  it('says when the entries are missing', async () => {
    const parse = await parseImportWorded(JSON.stringify({ version: 1, header: { slots: null }, db: { version: 3 } }));
    expect(parse.error).toBe('This Aegis export has no list of entries (db.entries); the file may be damaged.');
  });
});
