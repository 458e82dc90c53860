/**
 * The fake sign-in service checks codes with its own RFC 6238 code
 * (packages/playwright/src/fake-signin/totp.ts): here it is held to oathtool, an independent implementation, and to the rules the
 * examples rely on (one period either side, never a counter twice). No browser.
 */
import { expect, test } from '@playwright/test';
import { checkCode, codeAt, counterAt, type TotpAlgorithm } from 'mfa-autofill-playwright/fake-signin';
import { oathtoolCode, randomSecret } from '../../../../tests/support/oathtool';

const cases: { algorithm: TotpAlgorithm; digits: number; period: number }[] = [
  { algorithm: 'SHA1', digits: 6, period: 30 },
  { algorithm: 'SHA1', digits: 8, period: 60 },
  { algorithm: 'SHA256', digits: 6, period: 30 },
  { algorithm: 'SHA512', digits: 8, period: 30 },
];

for (const params of cases) {
  test(`agrees with oathtool: ${params.algorithm}, ${params.digits} digits, ${params.period} s`, () => {
    for (let i = 0; i < 8; i++) {
      const secret = randomSecret(16 + 8 * (i % 4));
      const at = Math.floor(Math.random() * 4_000_000_000) * 1000;
      expect(codeAt(secret, at, params)).toBe(oathtoolCode(secret, at, params));
    }
  });
}

test('the RFC 6238 appendix B vector (SHA1, 8 digits, T = 59 s)', () => {
  // "12345678901234567890" in Base32.
  expect(codeAt('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', 59_000, { algorithm: 'SHA1', digits: 8, period: 30 })).toBe(
    '94287082',
  );
});

test('accepts one period either side, refuses further off and any counter already accepted', () => {
  const secret = randomSecret();
  const now = Date.now();
  const counter = counterAt(now, 30);
  const code = (offset: number) => oathtoolCode(secret, now + offset * 30_000);
  expect(checkCode(secret, code(0), now, null)).toEqual({ ok: true, counter });
  expect(checkCode(secret, code(-1), now, null)).toEqual({ ok: true, counter: counter - 1 });
  expect(checkCode(secret, code(1), now, null)).toEqual({ ok: true, counter: counter + 1 });
  expect(checkCode(secret, code(2), now, null)).toMatchObject({ ok: false, reason: 'wrong' });
  expect(checkCode(secret, code(0), now, counter)).toEqual({ ok: false, reason: 'reused' });
  expect(checkCode(secret, code(-1), now, counter)).toEqual({ ok: false, reason: 'reused' });
  expect(checkCode(secret, code(1), now, counter)).toEqual({ ok: true, counter: counter + 1 });
});
