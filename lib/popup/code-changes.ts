/**
 * What the popup tells a screen reader when codes change: only then, not every second (the
 * countdown is on the progress bar for whoever asks). One account in view: its new code;
 * several: that they changed and how long the new ones last.
 */

export interface ShownCode {
  id: string;
  name: string;
  code: string;
  secondsLeft: number;
}

export type CodeChangeNews =
  | { kind: 'one'; name: string; code: string; secondsLeft: number }
  | { kind: 'several'; count: number; secondsLeft: number };

/**
 * Compares the codes shown now with those shown before (by account id). A row that just came
 * into view, or whose code had not arrived yet, is not news: only a code replaced by another.
 */
export function codeChangeNews(
  before: ReadonlyMap<string, string>,
  shown: readonly ShownCode[],
): CodeChangeNews | null {
  const changed = shown.filter((row) => {
    const previous = before.get(row.id);
    return previous !== undefined && previous !== '' && row.code !== '' && row.code !== previous;
  });
  const [first] = changed;
  if (!first) return null;
  if (changed.length === 1) return { kind: 'one', name: first.name, code: first.code, secondsLeft: first.secondsLeft };
  return { kind: 'several', count: changed.length, secondsLeft: Math.max(...changed.map((row) => row.secondsLeft)) };
}

export function shownCodesById(shown: readonly ShownCode[]): Map<string, string> {
  return new Map(shown.map((row) => [row.id, row.code]));
}
