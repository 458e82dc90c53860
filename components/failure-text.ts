import type { Problem } from '@/lib/problems';
import { formatNumber, type MessageKey, t } from '@/utils/i18n';

// Problem keys are locale keys (tests/unit/locales.test.ts checks each is in every locale); their
// parameters are data from the background, so the key is not a literal here.
const translate = t as unknown as (key: MessageKey, substitutions?: readonly string[]) => string;

/** A problem the background reported, in the page's language. */
export function problemText(problem: Problem): string {
  const params = problem.params.map((param) => (typeof param === 'number' ? formatNumber(param) : param));
  return params.length > 0 ? translate(problem.key, params) : translate(problem.key);
}

/** A problem of lib/problems.ts (import and export failures carry their own kind, lib/formats). */
export function isProblem(problem: unknown): problem is Problem {
  return typeof problem === 'object' && problem !== null && 'key' in problem && 'params' in problem;
}

/** A failed reply in the page's language: its problem translated; its text only when it has no problem code. */
export function failureText(failure: { error: string; problem?: unknown }): string {
  return isProblem(failure.problem) ? problemText(failure.problem) : failure.error;
}
