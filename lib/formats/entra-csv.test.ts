import { describe, expect, it } from 'vitest';
import { readFixture } from '../../tests/fixtures/import/read-fixture';
import { formatImportErrors, parseImportWorded } from './english.testing';

const HEADER = 'upn,serial number,secret key,time interval,manufacturer,model';

describe('Entra OATH token CSV: good files', () => {
  it('reads Excel\'s "CSV UTF-8" (BOM, CRLF), quoted values, spaced lower-case secrets and blank lines', async () => {
    const parse = await parseImportWorded(readFixture('entra-oath-tokens.csv'));
    expect(parse.error).toBeNull();
    expect(parse.format).toBe('entra-csv');
    expect(parse.invalid).toEqual([]);
    expect(parse.valid).toEqual([
      {
        name: 'alice@contoso.onmicrosoft.com',
        issuer: 'Microsoft',
        secret: 'JBSWY3DPEHPK3PXP',
        digits: 6,
        period: 30,
        algorithm: 'SHA1',
        notes: 'Serial number: 1234567 · Manufacturer: Contoso · Model: Token-X',
        where: { line: 2 },
      },
      {
        name: 'bob@contoso.onmicrosoft.com',
        issuer: 'Microsoft',
        secret: 'GEZDGNBVGY3TQOJQ',
        digits: 6,
        period: 60,
        algorithm: 'SHA1',
        notes: 'Serial number: 7654321 · Manufacturer: Contoso, Ltd. · Model: Token "Y"',
        where: { line: 3 },
      },
      {
        name: 'carol@contoso.onmicrosoft.com',
        issuer: 'Microsoft',
        secret: 'MFRGGZDFMZTWQ2LK',
        digits: 6,
        period: 30,
        algorithm: 'SHA1',
        notes: '',
        where: { line: 5 },
      },
    ]);
  });

  it('takes the columns in any order and case, separated by semicolons', async () => {
    const parse = await parseImportWorded(readFixture('entra-semicolons.csv'));
    expect(parse.error).toBeNull();
    expect(parse.valid.map((a) => [a.name, a.secret, a.period, a.notes])).toEqual([
      [
        'alice@contoso.onmicrosoft.com',
        'JBSWY3DPEHPK3PXP',
        30,
        'Serial number: 1234567 · Manufacturer: Contoso · Model: Token-X',
      ],
    ]);
  });

  it('counts lines inside a quoted value that spans lines', async () => {
    const text = `${HEADER}\n"a@x.com",1,JBSWY3DPEHPK3PXP,30,"Con\ntoso",m\nb@x.com,2,JBSWY3DPEHPK3PX1,30,c,m\n`;
    const parse = await parseImportWorded(text);
    expect(formatImportErrors(parse)).toEqual(['Line 4: Secret key has 1 character that is not Base32 (A–Z, 2–7).']);
  });

  it('ignores trailing empty values that Excel adds', async () => {
    const parse = await parseImportWorded(`${HEADER},,\na@x.com,1,JBSWY3DPEHPK3PXP,30,c,m,,\n`);
    expect(parse.error).toBeNull();
    expect(parse.valid).toHaveLength(1);
  });
});

describe('Entra OATH token CSV: bad files', () => {
  const secret129 = 'A'.repeat(129);
  it.each([
    {
      why: 'wrong header',
      text: 'user,serial,secret,interval,manufacturer,model\na@x.com,1,JBSWY3DPEHPK3PXP,30,c,m\n',
      errors: [
        'The CSV header (line 1) has no "upn", "serial number", "secret key", "time interval" columns. The first line must be the Entra OATH token header: upn,serial number,secret key,time interval,manufacturer,model',
      ],
    },
    {
      why: 'no header, data on line 1',
      text: 'a@x.com,1,JBSWY3DPEHPK3PXP,30,c,m\n',
      errors: [
        'The CSV header (line 1) has no "upn", "serial number", "secret key", "time interval", "manufacturer", "model" columns. The first line must be the Entra OATH token header: upn,serial number,secret key,time interval,manufacturer,model',
      ],
    },
    {
      why: 'a column named twice',
      text: `${HEADER},upn\n`,
      errors: ['The CSV header (line 1) names the column "upn" twice.'],
    },
    { why: 'header only', text: `${HEADER}\r\n`, errors: ['The file holds no accounts.'] },
    {
      why: 'short rows',
      text: `${HEADER}\na@x.com,1,JBSWY3DPEHPK3PXP\nb@x.com,2,JBSWY3DPEHPK3PXP,30,Contoso,Ltd.,Token\n`,
      errors: [
        'Line 2: The row has 3 values; the header has 6 columns. (A value containing a comma must be in double quotes.)',
        'Line 3: The row has 7 values; the header has 6 columns. (A value containing a comma must be in double quotes.)',
      ],
    },
    {
      why: 'bad Base32',
      text: `${HEADER}\na@x.com,1,JBSWY3DPEHPK3PX0,30,c,m\nb@x.com,1,JBSW!3DPEHPK3PX8,30,c,m\n`,
      errors: [
        'Line 2: Secret key has 1 character that is not Base32 (A–Z, 2–7).',
        'Line 3: Secret key has 2 characters that are not Base32 (A–Z, 2–7).',
      ],
    },
    {
      why: 'a 129-character secret',
      text: `${HEADER}\na@x.com,1,${secret129},30,c,m\n`,
      errors: ['Line 2: Secret key has 129 characters; Microsoft accepts at most 128.'],
    },
    {
      why: 'a short secret',
      text: `${HEADER}\na@x.com,1,JBSWY3DP,30,c,m\n`,
      errors: ['Line 2: Secret key has 8 characters; it needs at least 16 (check that you copied all of it).'],
    },
    {
      why: 'interval 45, an empty interval',
      text: `${HEADER}\na@x.com,1,JBSWY3DPEHPK3PXP,45,c,m\nb@x.com,1,JBSWY3DPEHPK3PXP,,c,m\n`,
      errors: [
        'Line 2: time interval: Period must be 30 or 60 seconds, not 45.',
        'Line 3: time interval: Period is empty: the time interval must be 30 or 60 seconds.',
      ],
    },
    {
      why: 'an empty upn and secret: one line per field',
      text: `${HEADER}\n,1,,30,c,m\n`,
      errors: [
        'Line 2: upn: Account name is empty: enter the sign-in name, e.g. qa.user@contoso.onmicrosoft.com.',
        'Line 2: Secret key is empty: paste the key shown under "Can\'t scan image?".',
      ],
    },
    {
      why: 'an otpauth link in the secret column',
      text: `${HEADER}\na@x.com,1,otpauth://totp/x?secret=JBSWY3DPEHPK3PXP,30,c,m\n`,
      errors: ['Line 2: Secret key must be a Base32 key, not an otpauth:// link.'],
    },
    {
      why: 'an unclosed quote',
      text: `${HEADER}\na@x.com,1,JBSWY3DPEHPK3PXP,30,c,m\n"b@x.com,1,JBSWY3DPEHPK3PXP,30,c,m\n`,
      errors: ['Line 3: A value in this row opens a double quote (") that is never closed.'],
    },
  ])('$why', async ({ text, errors }) => {
    const parse = await parseImportWorded(text);
    expect(formatImportErrors(parse)).toEqual(errors);
  });

  it('lists every bad row and keeps the good ones for "import only the valid accounts"', async () => {
    const text = [
      HEADER,
      'a@x.com,1,JBSWY3DPEHPK3PXP,30,c,m',
      'b@x.com,2,JBSWY3DPEHPK3PX0,30,c,m',
      'c@x.com,3,GEZDGNBVGY3TQOJQ,60,c,m',
      'd@x.com,4,GEZDGNBVGY3TQOJQ,45,c,m',
    ].join('\r\n');
    const parse = await parseImportWorded(text);
    expect(parse.valid.map((a) => a.name)).toEqual(['a@x.com', 'c@x.com']);
    expect(parse.invalid).toEqual([
      {
        where: { line: 3 },
        problems: [
          {
            field: 'secret',
            column: 'secret key',
            issue: { code: 'secret-not-base32', count: 1 },
          },
        ],
      },
      {
        where: { line: 5 },
        problems: [{ field: 'period', column: 'time interval', issue: { code: 'period', value: 45 } }],
      },
    ]);
  });
});
