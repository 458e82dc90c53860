import { Secret } from 'otpauth';
import { describe, expect, it } from 'vitest';
import { formatImportErrors, parseImportWorded } from './english.testing';

/**
 * A protobuf encoder for the test, written from the wire format
 * (https://protobuf.dev/programming-guides/encoding/) and the MigrationPayload schema,
 * independent of the decoder under test.
 */
function varint(value: number): number[] {
  const out: number[] = [];
  let n = value;
  while (n >= 0x80) {
    out.push((n % 0x80) | 0x80);
    n = Math.floor(n / 0x80);
  }
  out.push(n);
  return out;
}
function varintField(number: number, value: number): number[] {
  return [...varint(number * 8), ...varint(value)];
}
function bytesField(number: number, value: Uint8Array | string): number[] {
  const bytes = typeof value === 'string' ? new TextEncoder().encode(value) : value;
  return [...varint(number * 8 + 2), ...varint(bytes.length), ...bytes];
}

interface OtpParameters {
  secretBase32: string;
  name: string;
  issuer?: string;
  /** 1 SHA1, 2 SHA256, 3 SHA512, 4 MD5 */
  algorithm?: number;
  /** 1 six, 2 eight */
  digits?: number;
  /** 1 HOTP, 2 TOTP */
  type?: number;
  counter?: number;
}

function encodeOtpParameters(p: OtpParameters): number[] {
  return [
    ...bytesField(1, Secret.fromBase32(p.secretBase32).bytes),
    ...bytesField(2, p.name),
    ...(p.issuer ? bytesField(3, p.issuer) : []),
    ...varintField(4, p.algorithm ?? 1),
    ...varintField(5, p.digits ?? 1),
    ...varintField(6, p.type ?? 2),
    ...(p.counter !== undefined ? varintField(7, p.counter) : []),
  ];
}

function migrationLink(
  entries: OtpParameters[],
  batch: { size: number; index: number; id: number } = { size: 1, index: 0, id: 424242 },
): string {
  const payload = new Uint8Array([
    ...entries.flatMap((e) => bytesField(1, new Uint8Array(encodeOtpParameters(e)))),
    ...varintField(2, 1),
    ...varintField(3, batch.size),
    ...varintField(4, batch.index),
    ...varintField(5, batch.id),
  ]);
  const base64 = btoa(String.fromCharCode(...payload));
  return `otpauth-migration://offline?data=${encodeURIComponent(base64)}`;
}

const ALICE: OtpParameters = {
  secretBase32: 'JBSWY3DPEHPK3PXP',
  name: 'Contoso:alice@contoso.onmicrosoft.com',
  issuer: 'Microsoft',
};
const DEV: OtpParameters = {
  secretBase32: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ',
  name: 'dev@example.com',
  issuer: 'GitHub',
  algorithm: 2,
  digits: 2,
};
const COUNTER: OtpParameters = {
  secretBase32: 'MFRGGZDFMZTWQ2LK',
  name: 'counter@example.com',
  issuer: 'Legacy',
  type: 1,
  counter: 7,
};

describe('Google Authenticator export (otpauth-migration://)', () => {
  it('imports every TOTP entry and reports HOTP entries as not supported', async () => {
    const parse = await parseImportWorded(migrationLink([ALICE, COUNTER, DEV]));
    expect(parse.format).toBe('google-migration');
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
        name: 'dev@example.com',
        issuer: 'GitHub',
        secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ',
        digits: 8,
        period: 30,
        algorithm: 'SHA256',
        notes: '',
        where: { entry: 3 },
      },
    ]);
    expect(formatImportErrors(parse)).toEqual([
      'Entry 2 (counter@example.com): HOTP (counter-based) accounts are not supported; only TOTP accounts can be imported.',
    ]);
  });

  it('reads a secret whose bytes do not fill the last Base32 character', async () => {
    // 11 bytes = 88 bits → 18 Base32 characters, the last one padded with zero bits.
    const secret = Secret.fromHex('0102030405060708090a0b').base32;
    const parse = await parseImportWorded(migrationLink([{ secretBase32: secret, name: 'a@x.com' }]));
    expect(parse.valid.map((a) => a.secret)).toEqual([secret]);
  });

  it('numbers entries by line when a text holds several export links, and says which QR codes are missing', async () => {
    const text = [
      migrationLink([ALICE], { size: 3, index: 0, id: 7 }),
      migrationLink([DEV, { ...ALICE, name: 'x@y.com', algorithm: 4 }], { size: 3, index: 2, id: 7 }),
    ].join('\n');
    const parse = await parseImportWorded(text);
    expect(parse.valid.map((a) => [a.where, a.name])).toEqual([
      [{ line: 1, entry: 1 }, 'alice@contoso.onmicrosoft.com'],
      [{ line: 2, entry: 1 }, 'dev@example.com'],
    ]);
    expect(formatImportErrors(parse)).toEqual([
      'Line 2, entry 2 (x@y.com): Algorithm must be SHA1, SHA256 or SHA512, not MD5.',
    ]);
    expect(parse.notices).toEqual([
      'Google Authenticator split this export into 3 QR codes and this import has codes 1 and 3: import code 2 too.',
    ]);
  });

  it('accepts the link mixed with otpauth:// links', async () => {
    const text = `otpauth://totp/b@x.com?secret=MFRGGZDFMZTWQ2LK\n${migrationLink([ALICE])}\n`;
    const parse = await parseImportWorded(text);
    expect(parse.format).toBe('otpauth-links');
    expect(parse.valid.map((a) => a.name)).toEqual(['b@x.com', 'alice@contoso.onmicrosoft.com']);
  });

  it.each([
    {
      why: 'no data',
      link: 'otpauth-migration://offline?foo=1',
      error: 'Line 1: The Google Authenticator export link has no data= parameter.',
    },
    {
      why: 'data that is not base64',
      link: 'otpauth-migration://offline?data=%%%',
      error:
        'Line 1: The Google Authenticator export link is damaged: its data= parameter is not base64. Scan the QR code again.',
    },
    {
      why: 'a payload cut short',
      link: migrationLink([ALICE]).slice(0, 60),
      error: expect.stringMatching(
        /^Line 1: The Google Authenticator export link is damaged \(.+\)\. Scan the QR code again\.$/,
      ),
    },
    {
      why: 'no accounts',
      link: 'otpauth-migration://offline?data=EAEYASAAKAA%3D',
      error: 'Line 1: The Google Authenticator export link holds no accounts.',
    },
  ])('a damaged link: $why', async ({ link, error }) => {
    const parse = await parseImportWorded(link);
    expect(parse.valid).toEqual([]);
    expect(formatImportErrors(parse)).toEqual([error]);
  });

  it.each([
    { why: 'a batch of 2^31 QR codes', link: 'otpauth-migration://offline?data=CgAYgICAgAg%3D' },
    { why: 'a batch of 2^53 QR codes', link: migrationLink([ALICE], { size: 2 ** 53, index: 0, id: 1 }) },
    { why: 'a batch index past the batch size', link: migrationLink([ALICE], { size: 3, index: 3, id: 1 }) },
    { why: 'a batch index of 2^40', link: migrationLink([ALICE], { size: 3, index: 2 ** 40, id: 1 }) },
  ])('a link that claims $why is damaged, answered at once and without allocating for it', async ({ link }) => {
    const started = performance.now();
    const parse = await parseImportWorded(link);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(parse.valid).toEqual([]);
    expect(parse.notices).toEqual([]);
    expect(formatImportErrors(parse)).toEqual([
      'Line 1: The Google Authenticator export link is damaged (its QR code number is out of range). Scan the QR code again.',
    ]);
  });

  it('says which codes are missing for a handful of exports, not for every forged batch in a file', async () => {
    const links = Array.from({ length: 500 }, (_, id) => migrationLink([ALICE], { size: 100, index: 0, id }));
    const parse = await parseImportWorded(links.join('\n'));
    expect(parse.notices.length).toBeLessThanOrEqual(10);
  });
});
