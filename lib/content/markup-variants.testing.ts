/**
 * Test support (not shipped): the markup variants every fixture screen is tried in
 * (tests/fixtures/signin/variants.ts), shared by the runner's variant test
 * (markup-variants.test.ts) and the first stage's (stage-one.test.ts), so both see the same pages.
 */
import { Window } from 'happy-dom';
import { ENTRA_ACCOUNT } from '../../tests/fixtures/signin/entra';
import { fixtureHtml } from '../../tests/fixtures/signin/index';
import { LIVE_ACCOUNT } from '../../tests/fixtures/signin/live';
import { type Changes, LANGUAGES, planOf, showLateText, varyPage } from '../../tests/fixtures/signin/variants';
import { CODE_PAGE_URL, type FixturePage, LIVE_URL } from '../signin/fixture-page.testing';

/** Variants per screen: one seed per language, each with its own mix of the other changes. */
export const SEEDS = LANGUAGES.map((_, index) => 1000 + index);

export interface Case {
  fixture: string;
  url: string;
  /** The account the page names (null: none), for a fill screen; undefined for a never-fill screen. */
  account?: string | null;
}

export const FILL: Case[] = [
  { fixture: 'enter-code', url: CODE_PAGE_URL, account: ENTRA_ACCOUNT },
  { fixture: 'enter-code-no-banner', url: CODE_PAGE_URL, account: 'megan.bowen@fabrikam.onmicrosoft.com' },
  { fixture: 'offscreen-copy', url: CODE_PAGE_URL, account: ENTRA_ACCOUNT },
  { fixture: 'chooser', url: CODE_PAGE_URL, account: ENTRA_ACCOUNT },
  { fixture: 'push', url: CODE_PAGE_URL, account: ENTRA_ACCOUNT },
  { fixture: 'passkey', url: CODE_PAGE_URL, account: ENTRA_ACCOUNT },
  { fixture: 'passkey-prompt', url: CODE_PAGE_URL, account: ENTRA_ACCOUNT },
  { fixture: 'passkey-prompt-failed', url: CODE_PAGE_URL, account: ENTRA_ACCOUNT },
  { fixture: 'live-totp', url: LIVE_URL, account: null },
  { fixture: 'live-totp-banner', url: LIVE_URL, account: LIVE_ACCOUNT },
  { fixture: 'live-totp-floating', url: LIVE_URL, account: LIVE_ACCOUNT },
  { fixture: 'live-totp-instructions-above', url: LIVE_URL, account: LIVE_ACCOUNT },
  { fixture: 'live-other-ways', url: LIVE_URL, account: LIVE_ACCOUNT },
];

export const NEVER_FILL: Case[] = [
  { fixture: 'enter-code-sms', url: CODE_PAGE_URL },
  { fixture: 'enter-code-voice', url: CODE_PAGE_URL },
  { fixture: 'enter-code-disagree', url: CODE_PAGE_URL },
  { fixture: 'live-email-code', url: LIVE_URL },
  { fixture: 'live-email-ott', url: LIVE_URL },
  { fixture: 'live-email-code-new', url: LIVE_URL },
  // On an Entra host the device-code page's `otc` box is no prompt the extension knows.
  { fixture: 'device-code', url: CODE_PAGE_URL },
];

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

/** Shows the late words, then replaces the code field as a framework's re-render would. */
export async function laterPageChanges(page: FixturePage): Promise<void> {
  showLateText(page.document);
  await page.settle();
  for (const field of Array.from(page.document.querySelectorAll<HTMLInputElement>('input[data-code-field]'))) {
    const copy = field.cloneNode(true) as HTMLInputElement;
    copy.value = field.value;
    field.replaceWith(copy);
  }
  await page.settle();
}
