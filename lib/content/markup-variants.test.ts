/**
 * Every fixture screen in markup variants (tests/fixtures/signin/variants.ts): wrappers, sibling
 * order, instructions inside or outside the form, decoys, attribute order, class names, four
 * languages, words rendered after the field, and the field node replaced by a re-render after
 * the fill. A fill screen is filled exactly once, for the right account; a never-fill screen is
 * never filled. A failure prints the variant's seed, its changes and the view as HTML.
 */
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { ENTRA_ACCOUNT } from '../../tests/fixtures/signin/entra';
import { fixtureHtml } from '../../tests/fixtures/signin/index';
import { LIVE_ACCOUNT } from '../../tests/fixtures/signin/live';
import { type Changes, LANGUAGES, planOf, showLateText, varyPage } from '../../tests/fixtures/signin/variants';
import type { CodeResponse, ContentRequest, HasAccountResponse } from '../messages';
import { fakeLayout } from '../signin/fake-layout.testing';
import { CODE_PAGE_URL, type FixturePage, LIVE_URL, openPage } from '../signin/fixture-page.testing';
import { startAutofill } from './autofill';

/** Variants per screen: one seed per language, each with its own mix of the other changes. */
const SEEDS = LANGUAGES.map((_, index) => 1000 + index);
const CODE = '428193';

interface Case {
  fixture: string;
  url: string;
  /** The account the page names (null: none), for a fill screen; undefined for a never-fill screen. */
  account?: string | null;
}

const FILL: Case[] = [
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

const NEVER_FILL: Case[] = [
  { fixture: 'enter-code-sms', url: CODE_PAGE_URL },
  { fixture: 'enter-code-voice', url: CODE_PAGE_URL },
  { fixture: 'enter-code-disagree', url: CODE_PAGE_URL },
  { fixture: 'live-email-code', url: LIVE_URL },
  { fixture: 'live-email-ott', url: LIVE_URL },
  { fixture: 'live-email-code-new', url: LIVE_URL },
  // On an Entra host the device-code page's `otc` box is no prompt the extension knows.
  { fixture: 'device-code', url: CODE_PAGE_URL },
];

function variantHtml(fixture: string, seed: number, url: string): { html: string; changes: Changes } {
  const parser = new Window({ url });
  parser.document.write(fixtureHtml(fixture));
  const doc = parser.document as unknown as Document;
  const plan = planOf(seed);
  const changes = varyPage(doc, plan);
  const html = `<!doctype html>\n${doc.documentElement.outerHTML}`;
  void parser.happyDOM.close();
  return { html, changes };
}

interface Run {
  page: FixturePage;
  sent: ContentRequest[];
  changes: Changes;
  stop(): void;
}

function run(fixture: string, seed: number, url: string): Run {
  const { html, changes } = variantHtml(fixture, seed, url);
  const page = openPage(html, url);
  const sent: ContentRequest[] = [];
  const controller = startAutofill({
    doc: page.document,
    layout: fakeLayout(page.document),
    storage: null,
    async send(request) {
      sent.push(request);
      if (request.type === 'content:code') {
        const account = (request.pageAccount ?? LIVE_ACCOUNT) as string;
        return { status: 'code', code: CODE, digits: 6, account, submit: false, rememberDevice: false } as CodeResponse;
      }
      if (request.type === 'content:has-account') return { status: 'yes' } satisfies HasAccountResponse;
      return { status: 'ok' };
    },
    onCommand: () => () => {},
  });
  return { page, sent, changes, stop: () => controller?.stop() };
}

/** Shows the late words, then replaces the code field as a framework's re-render would. */
async function laterChanges({ page }: Run): Promise<void> {
  showLateText(page.document);
  await page.settle();
  for (const field of Array.from(page.document.querySelectorAll<HTMLInputElement>('input[data-code-field]'))) {
    const copy = field.cloneNode(true) as HTMLInputElement;
    copy.value = field.value;
    field.replaceWith(copy);
  }
  await page.settle();
}

function describeVariant(fixture: string, { page, changes, sent }: Run): string {
  const mount = page.document.getElementById('mount')?.outerHTML ?? '(no view)';
  const asked = sent.map((request) => request.type).join(', ') || 'nothing';
  return `${fixture}, ${changes.join('; ')}\nasked: ${asked}\nview:\n${mount}`;
}

function codeRequests(sent: ContentRequest[]) {
  return sent.filter((request) => request.type === 'content:code');
}

function filledValues(page: FixturePage): string[] {
  return Array.from(page.document.querySelectorAll<HTMLInputElement>('input'))
    .filter((input) => !['checkbox', 'hidden', 'submit', 'button'].includes(input.type) && input.value !== '')
    .map((input) => input.value);
}

describe('the variant generator', () => {
  it('makes each seed its own page, the same again for the same seed, with the changes it names', () => {
    const original = fixtureHtml('live-totp-banner');
    const pages = SEEDS.map((seed) => variantHtml('live-totp-banner', seed, LIVE_URL));
    expect(new Set([original, ...pages.map((variant) => variant.html)]).size).toBe(SEEDS.length + 1);
    expect(variantHtml('live-totp-banner', SEEDS[0] ?? 0, LIVE_URL).html).toBe(pages[0]?.html);
    const japanese = pages.find((variant) => variant.changes.includes('language ja'));
    expect(japanese?.html).toContain('認証アプリ');
    expect(japanese?.html).not.toContain('authenticator app');
    expect(pages.map((variant) => variant.html).join('')).toContain('data-late-text');
    expect(pages.flatMap((variant) => variant.changes).join(' ')).toMatch(/instructions moved (out of|into) the form/);
  });
});

/** Runs every seed of one screen side by side (the pages mostly wait on their own timers). */
async function eachVariant(fixture: string, url: string, check: (variant: Run, why: string) => void): Promise<void> {
  await Promise.all(
    SEEDS.map(async (seed) => {
      const variant = run(fixture, seed, url);
      try {
        await variant.page.settle();
        await laterChanges(variant);
        check(variant, describeVariant(fixture, variant));
      } finally {
        variant.stop();
        await variant.page.close();
      }
    }),
  );
}

describe.concurrent('markup variants of a fill screen are filled once, for the right account', () => {
  it.each(FILL)('$fixture', async ({ fixture, url, account }) => {
    await eachVariant(fixture, url, ({ sent, page }, why) => {
      expect(
        codeRequests(sent).map((request) => request.pageAccount),
        why,
      ).toEqual([account]);
      expect(filledValues(page), why).toEqual([CODE]);
      const events = page.globals.seenEvents.filter((event) => event.value === CODE);
      expect(
        events.map((event) => event.type),
        why,
      ).toEqual(['input', 'change']);
    });
  });
});

describe.concurrent('markup variants of a never-fill screen are never filled', () => {
  it.each(NEVER_FILL)('$fixture', async ({ fixture, url }) => {
    await eachVariant(fixture, url, ({ sent, page }, why) => {
      expect(codeRequests(sent), why).toEqual([]);
      expect(filledValues(page), why).toEqual([]);
      expect(page.globals.seenEvents, why).toEqual([]);
    });
  });
});
