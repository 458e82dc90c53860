import {
  describeExportProblem,
  describeFieldProblem,
  describeImportProblem,
  describeLinkIssue,
} from '@/lib/formats/describe';
import { isExportProblem, isFieldProblem, isMessageProblem, type Problem } from '@/lib/problems';
import { formatNumber, type MessageKey, pageWords, t } from '@/utils/i18n';

// Message problems' codes are locale keys (tests/unit/locales.test.ts checks each is in every
// locale); their parameters are data from the background, so the key is not a literal here.
const translate = t as unknown as (key: MessageKey, substitutions?: readonly string[]) => string;

/**
 * A problem in the page's language: the one place a problem becomes words
 * (docs/ARCHITECTURE.md, 'Problems and words').
 */
export function problemText(problem: Problem): string {
  if (isMessageProblem(problem)) {
    const params = problem.params.map((param) => (typeof param === 'number' ? formatNumber(param) : param));
    return params.length > 0 ? translate(problem.code, params) : translate(problem.code);
  }
  if (problem.code === 'otpauth-link') return describeLinkIssue(problem.issue, pageWords);
  if (isFieldProblem(problem)) return describeFieldProblem(problem, pageWords);
  if (isExportProblem(problem)) return describeExportProblem(problem, pageWords);
  return describeImportProblem(problem, pageWords);
}

/** A failed reply or result in the page's language: its problem, worded. */
export function failureText(failure: { problem: Problem }): string {
  return problemText(failure.problem);
}
