import { describeImportProblem } from '@/lib/formats/describe';
import type { PageReplies } from '@/lib/messages';
import { pageWords } from '@/utils/i18n';
import { failureText } from './failure-text';

/** A failed import preview or apply in the page's language: the import's own problem, else the background's. */
export function importFailureText(
  reply: Extract<PageReplies['import:preview' | 'import:apply'], { ok: false }>,
): string {
  return reply.problem && 'code' in reply.problem
    ? describeImportProblem(reply.problem, pageWords)
    : failureText(reply);
}
