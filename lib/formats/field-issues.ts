import { type AccountField, type AccountInput, MAX_NAME_LENGTH } from '../accounts';
import { looksLikeOtpauthLink, type OtpauthLinkIssue, parseOtpauthLink } from '../otpauth-link';
import { MAX_SECRET_LENGTH, MIN_SECRET_LENGTH, normalizeSecret } from '../totp';
import type { FieldIssue, RowIssue } from './problems';

/**
 * The code for a value the Add form's rules (`validateAccountInput`) refused, told from the
 * field and the value itself, never from the rule's English message. A value from the file is
 * repeated only when it is a short number ("Period must be 30 or 60 seconds, not 45").
 */
function shortNumber(raw: unknown, maxDigits: number): number | undefined {
  const text = String(raw ?? '').trim();
  return text.length <= maxDigits && /^\d+$/.test(text) ? Number(text) : undefined;
}

function secretIssue(raw: string): FieldIssue {
  const secret = normalizeSecret(raw);
  if (secret === '') return { code: 'secret-empty' };
  const notBase32 = new Set(secret.replace(/[A-Z2-7]/g, '')).size;
  if (notBase32 > 0) return { code: 'secret-not-base32', count: notBase32 };
  if (secret.length > MAX_SECRET_LENGTH)
    return { code: 'secret-too-long', length: secret.length, max: MAX_SECRET_LENGTH };
  return { code: 'secret-too-short', length: secret.length, min: MIN_SECRET_LENGTH };
}

export function fieldIssue(field: AccountField, raw: unknown): FieldIssue {
  switch (field) {
    case 'name': {
      const name = String(raw ?? '').trim();
      return name === ''
        ? { code: 'name-empty' }
        : { code: 'name-too-long', length: name.length, max: MAX_NAME_LENGTH };
    }
    case 'secret':
      return secretIssue(String(raw ?? ''));
    case 'digits': {
      const value = shortNumber(raw, 3);
      return value === undefined ? { code: 'digits' } : { code: 'digits', value };
    }
    case 'period': {
      const value = shortNumber(raw, 5);
      return value === undefined ? { code: 'period' } : { code: 'period', value };
    }
    case 'algorithm':
      return String(raw ?? '').toUpperCase() === 'MD5' ? { code: 'algorithm', value: 'MD5' } : { code: 'algorithm' };
    case 'issuer':
      // The Add form accepts any issuer; a rule that refuses one would need a code of its own.
      throw new Error('validateAccountInput refused an issuer, which no import problem describes');
  }
}

export function linkIssue(issue: OtpauthLinkIssue): RowIssue {
  return issue.code === 'param'
    ? { code: 'link-field', issue: fieldIssue(issue.param, issue.raw) }
    : { code: 'link', issue: issue.code };
}

/** The issues behind `validateAccountInput(input)`'s errors, field by field. */
export function issuesOf(
  input: AccountInput,
  failedFields: readonly AccountField[],
): { field: AccountField; issue: RowIssue }[] {
  const secret = input.secret ?? '';
  if (looksLikeOtpauthLink(secret)) {
    const link = parseOtpauthLink(secret);
    if (!link.ok) return [{ field: 'secret', issue: linkIssue(link.problem.issue) }];
    return [{ field: 'name', issue: fieldIssue('name', input.name?.trim() ? input.name : link.value.name) }];
  }
  return failedFields.map((field) => ({ field, issue: fieldIssue(field, input[field]) }));
}
