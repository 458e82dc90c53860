import type { AccountInput, FieldError } from '../accounts';
import type { OtpauthLinkIssue } from '../otpauth-link';
import type { FieldProblem } from '../problems';
import type { RowIssue } from './problems';

function shortNumber(raw: unknown, maxDigits: number): number | undefined {
  const text = String(raw ?? '').trim();
  return text.length <= maxDigits && /^\d+$/.test(text) ? Number(text) : undefined;
}

/**
 * A field problem as an import reports it: the Add form's own code (`FieldProblem`), without
 * what the file holds. A value from the file is repeated only when it is a short number ("Period
 * must be 30 or 60 seconds, not 45"); a secret's characters are counted, never shown.
 */
export function withoutFileText(problem: FieldProblem, raw: unknown): FieldProblem {
  switch (problem.code) {
    case 'secret-not-base32':
      return { code: problem.code, count: problem.count };
    case 'digits':
    case 'period': {
      const value = shortNumber(raw, problem.code === 'digits' ? 3 : 5);
      return value === undefined ? { code: problem.code } : { code: problem.code, value };
    }
    case 'algorithm':
      return String(raw ?? '').toUpperCase() === 'MD5' ? { code: 'algorithm', value: 'MD5' } : { code: 'algorithm' };
    default:
      return problem;
  }
}

export function linkIssue(issue: OtpauthLinkIssue): RowIssue {
  return issue.code === 'param'
    ? { code: 'link-field', issue: withoutFileText(issue.problem, issue.raw) }
    : { code: 'link', issue: issue.code };
}

/** The row issues behind `validateAccountInput(input)`'s errors, field by field. */
export function issuesOf(
  input: AccountInput,
  errors: readonly FieldError[],
): { field: FieldError['field']; issue: RowIssue }[] {
  return errors.map(({ field, problem }) =>
    problem.code === 'otpauth-link'
      ? { field, issue: linkIssue(problem.issue) }
      : { field, issue: withoutFileText(problem, input[field]) },
  );
}
