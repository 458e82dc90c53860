import { describe, expect, it } from 'vitest';
import { base32Encode, oathtoolCode, randomSecret } from '../tests/support/oathtool';
import { ALGORITHMS, type Algorithm, generateCode, msRemaining, nextPeriodStart, normalizeSecret } from './totp';

const ascii = (text: string) => new TextEncoder().encode(text);

// RFC 6238 Appendix B: the seeds are ASCII strings sized to each hash's block of key material.
const RFC_SEEDS: Record<Algorithm, string> = {
  SHA1: base32Encode(ascii('12345678901234567890')),
  SHA256: base32Encode(ascii('12345678901234567890123456789012')),
  SHA512: base32Encode(ascii('1234567890123456789012345678901234567890123456789012345678901234')),
};

// RFC 6238 Appendix B, "Test Vectors" table (T0 = 0, X = 30, 8 digits).
const RFC_VECTORS: [number, Algorithm, string][] = [
  [59, 'SHA1', '94287082'],
  [59, 'SHA256', '46119246'],
  [59, 'SHA512', '90693936'],
  [1111111109, 'SHA1', '07081804'],
  [1111111109, 'SHA256', '68084774'],
  [1111111109, 'SHA512', '25091201'],
  [1111111111, 'SHA1', '14050471'],
  [1111111111, 'SHA256', '67062674'],
  [1111111111, 'SHA512', '99943326'],
  [1234567890, 'SHA1', '89005924'],
  [1234567890, 'SHA256', '91819424'],
  [1234567890, 'SHA512', '93441116'],
  [2000000000, 'SHA1', '69279037'],
  [2000000000, 'SHA256', '90698825'],
  [2000000000, 'SHA512', '38618901'],
  [20000000000, 'SHA1', '65353130'],
  [20000000000, 'SHA256', '77737706'],
  [20000000000, 'SHA512', '47863826'],
];

describe('generateCode', () => {
  it.each(RFC_VECTORS)('RFC 6238 vector at T=%i with %s gives %s', (seconds, algorithm, expected) => {
    const code = generateCode({ secret: RFC_SEEDS[algorithm], algorithm, digits: 8, period: 30 }, seconds * 1000);
    expect(code).toBe(expected);
  });

  it('agrees with oathtool on 60 random secrets, algorithms, digit counts, periods and times', () => {
    for (let i = 0; i < 60; i++) {
      const params = {
        // Whole 40-bit groups: oathtool refuses Base32 whose length leaves partial bytes.
        secret: randomSecret(8 * (2 + Math.floor(Math.random() * 15))),
        algorithm: ALGORITHMS[i % 3] as Algorithm,
        digits: i % 2 === 0 ? (6 as const) : (8 as const),
        period: i % 4 < 2 ? (30 as const) : (60 as const),
      };
      // Whole seconds: oathtool takes its time in seconds.
      const at = Math.floor(Math.random() * 4_000_000_000) * 1000;
      expect(generateCode(params, at), JSON.stringify({ ...params, at })).toBe(oathtoolCode(params.secret, at, params));
    }
  });
});

describe('normalizeSecret', () => {
  it.each([
    ['abcd efgh ijkl mnop', 'ABCDEFGHIJKLMNOP'],
    ['ABCD-EFGH-IJKL-MNOP', 'ABCDEFGHIJKLMNOP'],
    ['abcdefghijklmnop====', 'ABCDEFGHIJKLMNOP'],
    ['  abcd\tefgh\nijkl mnop  ', 'ABCDEFGHIJKLMNOP'],
  ])('%j → %s', (raw, expected) => {
    expect(normalizeSecret(raw)).toBe(expected);
  });
});

describe('period arithmetic', () => {
  it.each([
    [30, 0, 30_000],
    [30, 29_999, 1],
    [30, 30_000, 30_000],
    [60, 61_000, 59_000],
  ])('period %i at %i ms leaves %i ms', (period, at, remaining) => {
    expect(msRemaining(period, at)).toBe(remaining);
    expect(nextPeriodStart(period, at)).toBe(at + remaining);
  });
});
