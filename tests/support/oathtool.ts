import { execFileSync } from 'node:child_process';

export interface OathtoolParams {
  digits?: number;
  period?: number;
  algorithm?: string;
}

/** The code oathtool (Debian's independent TOTP implementation) computes for a Base32 `secret` at `at` (epoch ms). */
export function oathtoolCode(
  secret: string,
  at: number,
  { digits = 6, period = 30, algorithm = 'SHA1' }: OathtoolParams = {},
): string {
  return execFileSync('oathtool', [
    `--totp=${algorithm.toLowerCase()}`,
    '--base32',
    `--digits=${digits}`,
    `--time-step-size=${period}s`,
    `--now=@${Math.floor(at / 1000)}`,
    secret,
  ])
    .toString()
    .trim();
}

/**
 * oathtool's codes for every period from `from` to `to` (epoch ms): what a code generated at an
 * unknown moment in between can be. A loaded machine can take longer than any fixed allowance
 * between generating a code and checking it, and may cross more than one period boundary.
 */
export function oathtoolCodesBetween(secret: string, from: number, to: number, params: OathtoolParams = {}): string[] {
  const periodMs = (params.period ?? 30) * 1000;
  const codes: string[] = [];
  for (let counter = Math.floor(from / periodMs); counter <= Math.floor(to / periodMs); counter++) {
    codes.push(oathtoolCode(secret, counter * periodMs, params));
  }
  return codes;
}

const BASE32_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** A random Base32 secret of `length` characters: test secrets are never real ones. */
export function randomSecret(length = 32): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(length)), (b) => BASE32_ALPHABET[b % 32]).join('');
}

/** RFC 4648 Base32 without padding; written here so tests do not rely on the code under test. */
export function base32Encode(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32_ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32_ALPHABET[(value << (5 - bits)) & 31];
  return out;
}
