import { Secret } from 'otpauth';
import { describe, expect, it } from 'vitest';
import { readFixture } from '../../tests/fixtures/import/read-fixture';
import { formatImportErrors, parseImportWorded } from './english.testing';

describe('"Authenticator" browser extension backup (JSON)', () => {
  it('reads its entries with defaults for missing keys and hex secrets; skips settings; reports Steam', async () => {
    const parse = await parseImportWorded(readFixture('authenticator-extension-backup.json'));
    expect(parse.format).toBe('authenticator-extension');
    expect(parse.valid).toEqual([
      {
        name: 'alice@contoso.onmicrosoft.com',
        issuer: 'Microsoft',
        secret: 'JBSWY3DPEHPK3PXP',
        digits: 6,
        period: 30,
        algorithm: 'SHA1',
        notes: '',
        where: { entry: 1 },
      },
      {
        name: 'ops@example.com',
        issuer: 'Example',
        secret: Secret.fromHex('48656c6c6f21deadbeef').base32,
        digits: 8,
        period: 60,
        algorithm: 'SHA512',
        notes: '',
        where: { entry: 2 },
      },
    ]);
    expect(formatImportErrors(parse)).toEqual([
      'Entry 3 (gamer): Steam accounts are not supported; only TOTP accounts can be imported.',
    ]);
  });

  it('reads the numeric algorithm of older backups and reports bad values with the Add form messages', async () => {
    const backup = {
      a: { account: 'a@x.com', secret: 'JBSWY3DPEHPK3PXP', algorithm: 2, period: 60 },
      b: { account: 'b@x.com', secret: 'JBSWY3DPEHPK3PXP', period: 45 },
      c: { account: 'c@x.com', secret: 'JBSWY3DPEHPK3PXP', type: 'hotp', counter: 3 },
      d: { account: 'd@x.com', secret: 'abc', type: 'hex' },
    };
    const parse = await parseImportWorded(JSON.stringify(backup));
    expect(parse.valid.map((a) => [a.name, a.algorithm, a.period])).toEqual([['a@x.com', 'SHA256', 60]]);
    expect(formatImportErrors(parse)).toEqual([
      'Entry 2 (b@x.com): Period must be 30 or 60 seconds, not 45.',
      'Entry 3 (c@x.com): HOTP (counter-based) accounts are not supported; only TOTP accounts can be imported.',
      'Entry 4 (d@x.com): Secret key is marked as hex but is not whole bytes of hex (0–9, a–f).',
    ]);
  });

  it('explains that a backup encrypted with its password must be exported without', async () => {
    const backup = {
      key: { enc: 'x', hash: 'y' },
      e1: { dataType: 'EncOTPStorage', keyId: 'k', data: 'ciphertext', index: 0 },
    };
    const parse = await parseImportWorded(JSON.stringify(backup));
    expect(parse.format).toBe('authenticator-extension');
    expect(parse.error).toMatch(/^This Authenticator backup is encrypted with its password\./);
  });
});
