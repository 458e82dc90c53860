import { looksLikeOtpauthLink, parseOtpauthLink } from './otpauth-link';
import { type Failure, type FieldProblem, fail, failWith, type LinkProblem } from './problems';
import {
  type Algorithm,
  type Digits,
  type Period,
  type TotpParams,
  validateAlgorithm,
  validateDigits,
  validatePeriod,
  validateSecret,
} from './totp';

/** Per-account override of the "Submit after filling" setting. */
export type SubmitOverride = 'default' | 'always' | 'never';

export interface Account extends TotpParams {
  id: string;
  /** The sign-in name (UPN) matched against the page, e.g. qa.user@contoso.onmicrosoft.com. */
  name: string;
  issuer: string;
  notes: string;
  pinned: boolean;
  /** Epoch ms of the last copy or fill; 0 when never used. */
  lastUsedAt: number;
  submitAfterFill: SubmitOverride;
  /** Per-account override of "Use a code instead of approving on the phone"; absent = 'default'. */
  codeInsteadOfPush?: SubmitOverride;
  createdAt: number;
}

/** What a user (or an import) supplies; strings as typed in a form are accepted. */
export interface AccountInput {
  name?: string;
  /** A Base32 secret, or a whole otpauth://totp link whose parameters fill the rest. */
  secret?: string;
  issuer?: string;
  digits?: number | string;
  period?: number | string;
  algorithm?: string;
  notes?: string;
}

export type AccountField = 'name' | 'secret' | 'issuer' | 'digits' | 'period' | 'algorithm';
export interface FieldError {
  field: AccountField;
  /** English, or a structured problem's code, for logs. */
  message: string;
  /** What the pages show, in their language. */
  problem: FieldProblem | LinkProblem;
}

export interface ValidAccount extends TotpParams {
  name: string;
  issuer: string;
  notes: string;
}

export type AccountValidation =
  | { ok: true; value: ValidAccount }
  | { ok: false; errors: [FieldError, ...FieldError[]] };

export const MAX_NAME_LENGTH = 256;

function validateName(raw: string): (Failure & { problem: FieldProblem }) | null {
  const name = raw.trim();
  if (name === '') return failWith({ code: 'name-empty' });
  if (name.length > MAX_NAME_LENGTH)
    return failWith({ code: 'name-too-long', length: name.length, max: MAX_NAME_LENGTH });
  return null;
}

function fieldError(field: AccountField, failure: { error: string; problem: FieldProblem | LinkProblem }): FieldError {
  return { field, message: failure.error, problem: failure.problem };
}

/** Validates form or import input; every faulty field gets its own message. */
export function validateAccountInput(input: AccountInput): AccountValidation {
  const errors: FieldError[] = [];
  const rawSecret = input.secret ?? '';

  if (looksLikeOtpauthLink(rawSecret)) {
    const link = parseOtpauthLink(rawSecret);
    if (!link.ok) return { ok: false, errors: [fieldError('secret', link)] };
    const name = input.name?.trim() ? input.name : link.value.name;
    const nameError = validateName(name);
    if (nameError) return { ok: false, errors: [fieldError('name', nameError)] };
    return {
      ok: true,
      value: {
        ...link.value,
        name: name.trim(),
        issuer: input.issuer?.trim() || link.value.issuer,
        notes: input.notes?.trim() ?? '',
      },
    };
  }

  const nameError = validateName(input.name ?? '');
  if (nameError) errors.push(fieldError('name', nameError));
  const secret = validateSecret(rawSecret);
  if (!secret.ok) errors.push(fieldError('secret', secret));
  const digits = validateDigits(input.digits ?? 6);
  if (!digits.ok) errors.push(fieldError('digits', digits));
  const period = validatePeriod(input.period ?? 30);
  if (!period.ok) errors.push(fieldError('period', period));
  const algorithm = validateAlgorithm(input.algorithm ?? 'SHA1');
  if (!algorithm.ok) errors.push(fieldError('algorithm', algorithm));
  if (!secret.ok || !digits.ok || !period.ok || !algorithm.ok || nameError) {
    // Each refused field above pushed its error, so there is at least one.
    return { ok: false, errors: errors as [FieldError, ...FieldError[]] };
  }

  return {
    ok: true,
    value: {
      name: (input.name ?? '').trim(),
      issuer: input.issuer?.trim() ?? '',
      secret: secret.value,
      digits: digits.value as Digits,
      period: period.value as Period,
      algorithm: algorithm.value as Algorithm,
      notes: input.notes?.trim() ?? '',
    },
  };
}

export function sameName(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** Why `name` cannot be used (another account has it), or null. */
export function duplicateNameError(accounts: readonly Account[], name: string, exceptId?: string): Failure | null {
  const clash = accounts.find((a) => a.id !== exceptId && sameName(a.name, name));
  return clash ? fail('problemDuplicateName', clash.name) : null;
}

export function newAccount(valid: ValidAccount, id: string, now: number): Account {
  return { ...valid, id, pinned: false, lastUsedAt: 0, submitAfterFill: 'default', createdAt: now };
}

/** The account for the name a sign-in page shows (docs/ARCHITECTURE.md, 'Fill rules'). */
export function accountForPage(accounts: readonly Account[], pageAccount: string | null): Account | null {
  if (pageAccount?.trim()) return accounts.find((a) => sameName(a.name, pageAccount)) ?? null;
  return accounts.length === 1 ? (accounts[0] ?? null) : null;
}
