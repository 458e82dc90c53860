import { describe, expect, it } from 'vitest';
import { formatImportErrors, parseImportWorded } from './english.testing';

const MICROSOFT_LINK =
  'otpauth://totp/Contoso:qa.user@contoso.onmicrosoft.com?secret=jbswy3dpehpk3pxp&issuer=Microsoft';

describe('otpauth:// links, one per line', () => {
  it("reads the link mysignins.microsoft.com shows: the name is the UPN after the tenant's colon", async () => {
    const parse = await parseImportWorded(`${MICROSOFT_LINK}\n`);
    expect(parse.format).toBe('otpauth-links');
    expect(parse.valid).toEqual([
      {
        name: 'qa.user@contoso.onmicrosoft.com',
        issuer: 'Microsoft',
        secret: 'JBSWY3DPEHPK3PXP',
        digits: 6,
        period: 30,
        algorithm: 'SHA1',
        notes: '',
        where: { line: 1 },
      },
    ]);
  });

  it('reads several links with their parameters, skipping blank lines and # comments (CRLF)', async () => {
    const text = [
      '# exported 2026-01-01',
      MICROSOFT_LINK,
      '',
      'otpauth://totp/GitHub:dev%40example.com?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=GitHub&algorithm=SHA256&digits=8&period=60',
      '  otpauth://totp/plain-name?secret=MFRGGZDFMZTWQ2LK  ',
    ].join('\r\n');
    const parse = await parseImportWorded(text);
    expect(parse.invalid).toEqual([]);
    expect(parse.valid.map((a) => [a.where.line, a.name, a.issuer, a.digits, a.period, a.algorithm])).toEqual([
      [2, 'qa.user@contoso.onmicrosoft.com', 'Microsoft', 6, 30, 'SHA1'],
      [4, 'dev@example.com', 'GitHub', 8, 60, 'SHA256'],
      [5, 'plain-name', '', 6, 30, 'SHA1'],
    ]);
  });

  it("reports every bad line with its number and the Add form's messages", async () => {
    const text = [
      MICROSOFT_LINK,
      'otpauth://totp/a@x.com?secret=JBSWY3DPEHPK3PX0',
      'otpauth://totp/b@x.com?secret=JBSWY3DPEHPK3PXP&period=45',
      'otpauth://hotp/c@x.com?secret=JBSWY3DPEHPK3PXP&counter=1',
      'otpauth://totp/?secret=JBSWY3DPEHPK3PXP',
      `otpauth://totp/d@x.com?secret=${'A'.repeat(129)}`,
      'https://example.com/not-a-link',
    ].join('\n');
    const parse = await parseImportWorded(text);
    expect(parse.valid).toHaveLength(1);
    expect(formatImportErrors(parse)).toEqual([
      'Line 2: The otpauth:// link has a bad secret= parameter: Secret key has 1 character that is not Base32 (A–Z, 2–7).',
      'Line 3: The otpauth:// link has a bad period= parameter: Period must be 30 or 60 seconds, not 45.',
      'Line 4: The otpauth:// link is for HOTP (counter-based) codes, which Microsoft sign-in does not use; only TOTP is supported.',
      'Line 5: Account name is empty: enter the sign-in name, e.g. qa.user@contoso.onmicrosoft.com.',
      'Line 6: The otpauth:// link has a bad secret= parameter: Secret key has 129 characters; Microsoft accepts at most 128.',
      'Line 7: This line is not an otpauth:// or otpauth-migration:// link.',
    ]);
  });
});

describe('what is not an import at all', () => {
  it.each([
    { why: 'empty', content: '', error: 'The file is empty.' },
    { why: 'only blank lines', content: ' \r\n\r\n\t', error: 'The file is empty.' },
    { why: 'only a BOM', content: '\uFEFF', error: 'The file is empty.' },
    {
      why: 'prose',
      content: 'Dear admin, here are the codes.',
      error: expect.stringMatching(/^MFA Autofill cannot read this file\. It reads: an Entra OATH token CSV/),
    },
    {
      why: 'broken JSON',
      content: '{"version": 1,',
      error:
        'Line 1: this file looks like JSON but is not valid JSON (column 15: the file ends in the middle of a value).',
    },
    {
      why: 'JSON of something else',
      content: '{"hello": "world"}',
      error: expect.stringMatching(/^MFA Autofill cannot read this file/),
    },
  ])('$why', async ({ content, error }) => {
    const parse = await parseImportWorded(content);
    expect(parse.error).toEqual(error);
    expect(parse.valid).toEqual([]);
    expect(parse.invalid).toEqual([]);
  });
});
