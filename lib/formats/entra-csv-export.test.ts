import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { type Account, newAccount, type ValidAccount } from '../accounts';
import { ENTRA_CSV_COLUMNS, EXPORT_MANUFACTURER, EXPORT_MODEL, exportEntraCsv, exportSerialNumber } from './entra-csv';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** A seeded generator (mulberry32): the same accounts on every run, many shapes among them. */
function seeded(seed: number) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NOTES = [
  '',
  'Serial number: 1234567 · Manufacturer: Contoso · Model: Token-X',
  'Serial number: 7654321',
  'Manufacturer: Fabrikam',
  'Model: K1',
  'a note a person wrote',
];
const NAMES = ['qa.user{i}@contoso.onmicrosoft.com', '=cmd{i}@fabrikam.com', 'jörg, "müller" {i}@contoso.com'];

function randomAccounts(count: number): Account[] {
  const random = seeded(20);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  return Array.from({ length: count }, (_, i) => {
    const length = 16 + Math.floor(random() * (128 - 16 + 1));
    const secret = Array.from({ length }, () => pick([...BASE32])).join('');
    const valid: ValidAccount = {
      name: pick(NAMES).replace('{i}', String(i)),
      secret,
      issuer: pick(['', 'Microsoft', 'Contoso']),
      notes: pick(NOTES),
      digits: 6,
      period: pick([30, 60] as const),
      algorithm: 'SHA1',
    };
    return newAccount(valid, crypto.randomUUID(), 0);
  });
}

/** The cells as a spreadsheet or Entra reads them: the formula guard's apostrophe taken off. */
function rowsOf(text: string): string[][] {
  return Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
}

describe("Entra OATH token CSV export: every row meets the upload's rules", () => {
  // Microsoft Learn, "Upload hardware OATH tokens in CSV format": the header row is required; the
  // file holds UPN, serial number, secret key, time interval, manufacturer and model; secret keys
  // are Base32 (a-z, A-Z, 2-7) of at most 128 characters; the interval is 30 or 60 seconds.
  const accounts = randomAccounts(300);
  const [header, ...rows] = rowsOf(exportEntraCsv(accounts).text);

  it('has the header Entra asks for, and a row for each account', () => {
    expect(header).toEqual([...ENTRA_CSV_COLUMNS]);
    expect(rows).toHaveLength(accounts.length);
  });

  it.each(accounts.map((account, i) => [i, account] as const))('row %i', (i, account) => {
    const row = rows[i]!;
    expect(row).toHaveLength(6);
    const [upn, serial, secret, interval, manufacturer, model] = row;
    expect(upn!.replace(/^'(?=[=+\-@\t\r])/, '')).toBe(account.name);
    expect(secret).toMatch(/^[A-Za-z2-7]{1,128}$/);
    expect(secret).toBe(account.secret);
    expect(['30', '60']).toContain(interval);
    for (const cell of [serial, manufacturer, model]) expect(cell?.trim()).not.toBe('');
  });

  it('keeps the serial number, manufacturer and model a CSV import brought; fills only what is missing', () => {
    const byNotes = (notes: string) => rows[accounts.findIndex((a) => a.notes === notes)]!;
    expect(byNotes(NOTES[1]!).slice(4)).toEqual(['Contoso', 'Token-X']);
    expect(byNotes(NOTES[1]!)[1]).toBe('1234567');
    expect(byNotes(NOTES[2]!)[1]).toBe('7654321');
    expect(byNotes(NOTES[2]!).slice(4)).toEqual([EXPORT_MANUFACTURER, EXPORT_MODEL]);
    expect(byNotes(NOTES[3]!)[4]).toBe('Fabrikam');
    expect(byNotes(NOTES[4]!)[5]).toBe('K1');
    expect(byNotes('')[1]).toBe(exportSerialNumber(accounts.find((a) => a.notes === '')!.id));
  });

  it('gives each account its own serial number, the same on every export', () => {
    const made = accounts.filter((a) => a.notes === '' || !a.notes.includes('Serial number'));
    const serials = made.map((a) => rows[accounts.indexOf(a)]![1]);
    expect(new Set(serials).size).toBe(made.length);
    expect(rowsOf(exportEntraCsv(accounts).text).slice(1)).toEqual(rows);
  });
});

describe('exportSerialNumber', () => {
  it('is "MFA" and 12 hex digits, from the id alone: never from the secret', () => {
    const serial = exportSerialNumber('3f2a9c1b-7e04-4d5e-9a1b-2c3d4e5f6a7b');
    expect(serial).toMatch(/^MFA[0-9A-F]{12}$/);
    expect(exportSerialNumber('3f2a9c1b-7e04-4d5e-9a1b-2c3d4e5f6a7b')).toBe(serial);
    expect(exportSerialNumber('3f2a9c1b-7e04-4d5e-9a1b-2c3d4e5f6a7c')).not.toBe(serial);
    const one = { name: 'a@contoso.com', digits: 6, period: 30, algorithm: 'SHA1', notes: '', id: 'same-id' } as const;
    const [, first] = rowsOf(exportEntraCsv([{ ...one, secret: 'JBSWY3DPEHPK3PXP' }]).text);
    const [, second] = rowsOf(exportEntraCsv([{ ...one, secret: 'GEZDGNBVGY3TQOJQ' }]).text);
    expect(first![1]).toBe(second![1]);
  });
});
