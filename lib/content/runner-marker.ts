/**
 * One runner per document: the second stage claims the document before it starts, so a second
 * injection (a repeated request, a page that navigated in between) starts nothing. The mark is a
 * property of the content scripts' isolated world, which the page cannot see or set
 * (docs/ARCHITECTURE.md, 'Content script').
 */
export const RUNNER_MARK = '__mfaAutofillRunner';

/** True for the first caller in this world, false for every later one. */
export function claimRunner(world: object = globalThis): boolean {
  const scope = world as Record<string, unknown>;
  if (scope[RUNNER_MARK] === true) return false;
  scope[RUNNER_MARK] = true;
  return true;
}
