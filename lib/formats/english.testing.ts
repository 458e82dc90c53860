import de from '../../public/_locales/de/messages.json';
import en from '../../public/_locales/en/messages.json';
import { describeImportErrors, describeImportProblem, describeImportSummary, describeNotice } from './describe';
import type { ImportSummary } from './merge';
import { parseImport } from './parse-import';
import type { ImportNotice, ImportProblem } from './problems';
import type { InvalidRow } from './types';
import { wordsFrom } from './words';

/** The words the pages show, from the real _locales, for tests that read messages as a person would. */
export const english = wordsFrom(en, 'en');
export const german = wordsFrom(de, 'de');

/** Every message of a parse in English; takes a worded parse too. */
export function formatImportErrors(parse: {
  error: ImportProblem | string | null;
  invalid: readonly InvalidRow[];
}): string[] {
  if (typeof parse.error === 'string') return [parse.error];
  return describeImportErrors({ error: parse.error, invalid: parse.invalid }, english);
}

export function formatImportSummary(summary: ImportSummary): string {
  return describeImportSummary(summary, english);
}

/** A parse or preview with its problem and notices in English words, as the options page shows them. */
export function worded<T extends { error: ImportProblem | null; notices: readonly ImportNotice[] }>(
  parse: T,
): Omit<T, 'error' | 'notices'> & { error: string | null; notices: string[] } {
  return {
    ...parse,
    error: parse.error ? describeImportProblem(parse.error, english) : null,
    notices: parse.notices.map((n) => describeNotice(n, english)),
  };
}

/** `parseImport` with the outcome worded in English, for tests that read its messages. */
export async function parseImportWorded(...args: Parameters<typeof parseImport>) {
  return worded(await parseImport(...args));
}
