/**
 * Test support (not shipped): the markup variants every fixture screen is tried in
 * (tests/fixtures/signin/variants.ts), shared by the runner's variant test
 * (markup-variants.test.ts) and the first stage's (stage-one.test.ts), so both see the same pages.
 */
import { Window } from 'happy-dom';
import { ENTRA_ACCOUNT } from '../../tests/fixtures/signin/entra';
import { fixtureHtml } from '../../tests/fixtures/signin/index';
import { LIVE_ACCOUNT } from '../../tests/fixtures/signin/live';
import { type Changes, planOf, showLateText, varyPage } from '../../tests/fixtures/signin/variants';
import { CODE_PAGE_URL, type FixturePage, LIVE_URL } from '../signin/fixture-page.testing';

/**
 * Variants per screen: two seeds per language, and the move of the words shifts with the seed
 * (variants.ts, `planOf`), so each language meets two of the four moves and every move meets two
 * languages; wrappers, order, decoys, attributes, classes and two-step rendering vary with each.
 * More seeds find nothing these do not and cost the unit suite seconds per seed.
 */
export const SEEDS = Array.from({ length: 8 }, (_, index) => 1000 + index);

/**
 * What the runner must do on every variant of a screen:
 * - `fill`: fill the code once, for `account` (null: the page names none);
 * - `not-filled`: a code prompt it must not fill (another method, no evidence, a field a person
 *   could not see or two of them): no code asked for, nothing typed, nothing clicked;
 * - `left-alone`: not a code prompt, or one it has no way to (no app-code method, not its
 *   screen): no code, nothing typed, nothing clicked;
 * - `kmsi`: "Stay signed in?" answered as the background says (here: Yes), no code;
 * - `stopped`: an error page, reported at once as a stop, no code.
 */
export type Expectation =
  | { kind: 'fill'; account: string | null; digits?: 6 | 8 }
  | { kind: 'not-filled' | 'left-alone' | 'kmsi' | 'stopped' };

export interface Case {
  fixture: string;
  url: string;
  expect: Expectation;
}

const fill = (account: string | null, digits?: 6 | 8): Expectation => ({ kind: 'fill', account, digits });
const NOT_FILLED: Expectation = { kind: 'not-filled' };
const LEFT_ALONE: Expectation = { kind: 'left-alone' };
const entra = (fixture: string, expect: Expectation): Case => ({ fixture, url: CODE_PAGE_URL, expect });
const live = (fixture: string, expect: Expectation): Case => ({ fixture, url: LIVE_URL, expect });

/** Every fixture of both templates (markup-variants.test.ts checks none is missing). */
export const CASES: Case[] = [
  entra('enter-code', fill(ENTRA_ACCOUNT)),
  entra('enter-code-8-digits', fill(ENTRA_ACCOUNT, 8)),
  entra('enter-code-no-banner', fill('megan.bowen@fabrikam.onmicrosoft.com')),
  entra('offscreen-copy', fill(ENTRA_ACCOUNT)),
  entra('chooser', fill(ENTRA_ACCOUNT)),
  entra('push', fill(ENTRA_ACCOUNT)),
  entra('passkey', fill(ENTRA_ACCOUNT)),
  entra('passkey-prompt', fill(ENTRA_ACCOUNT)),
  entra('passkey-prompt-failed', fill(ENTRA_ACCOUNT)),
  live('live-totp', fill(null)),
  live('live-totp-banner', fill(LIVE_ACCOUNT)),
  live('live-totp-floating', fill(LIVE_ACCOUNT)),
  live('live-totp-instructions-above', fill(LIVE_ACCOUNT)),
  live('live-totp-instructions-apart', fill(LIVE_ACCOUNT)),
  live('live-other-ways', fill(LIVE_ACCOUNT)),

  entra('enter-code-sms', NOT_FILLED),
  entra('enter-code-voice', NOT_FILLED),
  entra('enter-code-disagree', NOT_FILLED),
  entra('enter-code-no-evidence', NOT_FILLED),
  live('live-email-code', NOT_FILLED),
  live('live-email-ott', NOT_FILLED),
  live('live-email-code-new', NOT_FILLED),
  // On an Entra host the device-code page's `otc` box is no prompt the extension knows.
  entra('device-code', NOT_FILLED),
  // The hostile pages. The fake layout has no geometry, so the overlay is told to cover the field
  // (`coverOf` in markup-variants.test.ts); what varies is everything around it.
  entra('hidden-field', NOT_FILLED),
  entra('overlay', NOT_FILLED),
  entra('faded-ancestor', NOT_FILLED),
  entra('faded-body', NOT_FILLED),
  entra('two-fields', NOT_FILLED),

  entra('push-no-code-method', LEFT_ALONE),
  entra('passkey-no-code-tile', LEFT_ALONE),
  entra('passkey-prompt-no-code-method', LEFT_ALONE),
  entra('username', LEFT_ALONE),
  // Left alone within the test's time: the 5 s before an unknown screen is reported as holding
  // the sign-in is autofill.test.ts's business, not the markup's.
  entra('unknown-screen', LEFT_ALONE),
  // The top page of a frame: its only view is the frame (happy-dom loads no frames), so a variant
  // varies the wrappers around it; the framed page itself is `enter-code`'s variants.
  entra('framed', LEFT_ALONE),
  entra('kmsi', { kind: 'kmsi' }),
  live('live-kmsi', { kind: 'kmsi' }),
  entra('throttled', { kind: 'stopped' }),
];

export const FILL = CASES.filter((item) => item.expect.kind === 'fill');
/** The code prompts the runner must leave unfilled: other methods, and the hostile pages. */
export const NEVER_FILL = CASES.filter((item) => item.expect.kind === 'not-filled');

export function variantHtml(fixture: string, seed: number, url: string): { html: string; changes: Changes } {
  const parser = new Window({ url });
  parser.document.write(fixtureHtml(fixture));
  const doc = parser.document as unknown as Document;
  const plan = planOf(seed);
  const changes = varyPage(doc, plan);
  const html = `<!doctype html>\n${doc.documentElement.outerHTML}`;
  void parser.happyDOM.close();
  return { html, changes };
}

/** Rounds of late words at most: the first view, a view a tile shows, the code view after it. */
const LATE_TEXT_ROUNDS = 4;

/**
 * Shows the late words of each view as it comes (a tile's view comes after the first one's words),
 * then replaces the code field as a framework's re-render would.
 */
export async function laterPageChanges(page: FixturePage): Promise<void> {
  for (let round = 0; round < LATE_TEXT_ROUNDS && showLateText(page.document); round++) await page.settle();
  await page.settle();
  for (const field of Array.from(page.document.querySelectorAll<HTMLInputElement>('input[data-code-field]'))) {
    const copy = field.cloneNode(true) as HTMLInputElement;
    copy.value = field.value;
    field.replaceWith(copy);
  }
  await page.settle();
}
