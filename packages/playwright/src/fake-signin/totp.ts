/**
 * RFC 6238 TOTP on node:crypto, for the fake sign-in service to check codes with an
 * implementation of its own: never the extension's (otpauth). Cross-checked against oathtool
 * in tests/e2e/fake-signin.spec.ts.
 */
import { createHmac } from 'node:crypto';

const BASE32_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export type TotpAlgorithm = 'SHA1' | 'SHA256' | 'SHA512';

export interface TotpParams {
  digits: number;
  /** Seconds. */
  period: number;
  algorithm: TotpAlgorithm;
}

export const MICROSOFT_TOTP: TotpParams = { digits: 6, period: 30, algorithm: 'SHA1' };

/** RFC 4648 Base32, as Microsoft shows it too: case, spaces, dashes and `=` padding ignored. */
export function base32Decode(text: string): Buffer {
  const clean = text.replace(/[\s=-]/g, '').toUpperCase();
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const char of clean) {
    const index = BASE32_ALPHABET.indexOf(char);
    if (index < 0) throw new Error(`Not Base32: ${JSON.stringify(char)}`);
    value = ((value << 5) | index) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** The TOTP counter (time step number) at `at` epoch ms. */
export function counterAt(at: number, period: number): number {
  return Math.floor(at / 1000 / period);
}

/** HOTP (RFC 4226) of `counter`: HMAC, dynamic truncation, modulo 10^digits. */
export function codeForCounter(secret: string, counter: number, { digits, algorithm }: TotpParams): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const hmac = createHmac(algorithm.toLowerCase(), base32Decode(secret)).update(message).digest();
  const offset = hmac[hmac.length - 1]! & 0x0f;
  const binary = hmac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, '0');
}

export function codeAt(secret: string, at: number, params: TotpParams = MICROSOFT_TOTP): string {
  return codeForCounter(secret, counterAt(at, params.period), params);
}

export type CodeCheck = { ok: true; counter: number } | { ok: false; reason: 'wrong' | 'reused' };

/**
 * Checks `code` the way a verifier should (RFC 6238 §5.2): the current period and one period
 * either side, and never a counter at or before the last one accepted for this secret.
 */
export function checkCode(
  secret: string,
  code: string,
  at: number,
  lastAcceptedCounter: number | null,
  params: TotpParams = MICROSOFT_TOTP,
): CodeCheck {
  const now = counterAt(at, params.period);
  for (const counter of [now, now - 1, now + 1]) {
    if (codeForCounter(secret, counter, params) !== code) continue;
    if (lastAcceptedCounter !== null && counter <= lastAcceptedCounter) return { ok: false, reason: 'reused' };
    return { ok: true, counter };
  }
  return { ok: false, reason: 'wrong' };
}
