import { Secret, TOTP } from 'otpauth';
import { type FieldResult, failWith } from './problems';

export const ALGORITHMS = ['SHA1', 'SHA256', 'SHA512'] as const;
export type Algorithm = (typeof ALGORITHMS)[number];
export const DIGIT_CHOICES = [6, 8] as const;
export type Digits = (typeof DIGIT_CHOICES)[number];
export const PERIOD_CHOICES = [30, 60] as const;
export type Period = (typeof PERIOD_CHOICES)[number];

/** Entra takes Base32 secrets of at most 128 characters (docs/ARCHITECTURE.md, 'TOTP'). */
export const MAX_SECRET_LENGTH = 128;
/** 16 Base32 characters = 80 bits, what Microsoft issues; anything shorter is too weak to accept. */
export const MIN_SECRET_LENGTH = 16;

export interface TotpParams {
  /** Normalised Base32: upper case, no spaces, dashes or padding. */
  secret: string;
  digits: Digits;
  period: Period;
  algorithm: Algorithm;
}

/**
 * Microsoft shows secrets lower case in groups of four ("Can't scan image?"): strip spaces,
 * dashes and `=` padding, then upper-case, so the text pasted from that view is accepted.
 */
export function normalizeSecret(raw: string): string {
  return raw.replace(/[\s\-=]/g, '').toUpperCase();
}

/** Validates a secret as typed or pasted; returns the normalised form or a message for the user. */
export function validateSecret(raw: string): FieldResult<string> {
  const secret = normalizeSecret(raw);
  if (secret === '') return failWith({ code: 'secret-empty' });
  const invalid = [...new Set(secret.replace(/[A-Z2-7]/g, ''))];
  if (invalid.length > 0) {
    const characters = invalid.map((c) => `"${c}"`).join(', ');
    return failWith({ code: 'secret-not-base32', count: invalid.length, characters });
  }
  if (secret.length > MAX_SECRET_LENGTH)
    return failWith({ code: 'secret-too-long', length: secret.length, max: MAX_SECRET_LENGTH });
  if (secret.length < MIN_SECRET_LENGTH)
    return failWith({ code: 'secret-too-short', length: secret.length, min: MIN_SECRET_LENGTH });
  return { ok: true, value: secret };
}

export function validateDigits(value: unknown): FieldResult<Digits> {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return n === 6 || n === 8 ? { ok: true, value: n } : failWith({ code: 'digits', value: String(value) });
}

export function validatePeriod(value: unknown): FieldResult<Period> {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return n === 30 || n === 60 ? { ok: true, value: n } : failWith({ code: 'period', value: String(value) });
}

export function validateAlgorithm(value: unknown): FieldResult<Algorithm> {
  const upper = typeof value === 'string' ? value.toUpperCase().replace('-', '') : '';
  return (ALGORITHMS as readonly string[]).includes(upper)
    ? { ok: true, value: upper as Algorithm }
    : failWith({ code: 'algorithm', value: String(value) });
}

/** The code valid at `at`. */
export function generateCode(params: TotpParams, at: number = Date.now()): string {
  return TOTP.generate({
    secret: Secret.fromBase32(params.secret),
    algorithm: params.algorithm,
    digits: params.digits,
    period: params.period,
    timestamp: at,
  });
}

/** Milliseconds until the code valid at `at` expires. */
export function msRemaining(period: number, at: number = Date.now()): number {
  const periodMs = period * 1000;
  return periodMs - (at % periodMs);
}

/** Start (epoch ms) of the period after the one containing `at`. */
export function nextPeriodStart(period: number, at: number = Date.now()): number {
  return at + msRemaining(period, at);
}
