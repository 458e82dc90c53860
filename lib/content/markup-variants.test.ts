/**
 * Every fixture screen of both templates in markup variants (tests/fixtures/signin/variants.ts):
 * wrappers, sibling order, the words moved across the form's edge (heading and instructions
 * together, the instructions alone, after the field), decoys, attribute order, class names, four
 * languages, every view's words rendered after its controls, and the field node replaced by a
 * re-render after the fill. A fill screen is filled exactly once, for the right account; a code
 * prompt that must not be filled is not; every other screen gets no code and still does its own
 * thing ("Stay signed in?" answered, an error page reported). A failure prints the variant's seed,
 * its changes and the view as HTML.
 */
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { FIXTURES, fixtureHtml } from '../../tests/fixtures/signin/index';
import {
  type Changes,
  isLanguageNeutral,
  LANGUAGES,
  MOVES,
  planOf,
  translationOf,
  wordsOfView,
} from '../../tests/fixtures/signin/variants';
import type { CodeResponse, ContentRequest, HasAccountResponse, KmsiResponse } from '../messages';
import { fakeLayout } from '../signin/fake-layout.testing';
import { type FixturePage, LIVE_URL, openPage } from '../signin/fixture-page.testing';
import { startAutofill } from './autofill';
import { CASES, type Case, type Expectation, laterPageChanges, SEEDS, variantHtml } from './markup-variants.testing';

const CODES: Record<number, string> = { 6: '428193', 8: '42819375' };

interface Run {
  page: FixturePage;
  sent: ContentRequest[];
  changes: Changes;
  stop(): void;
}

function run({ fixture, url, expect: expected }: Case, seed: number): Run {
  const { html, changes } = variantHtml(fixture, seed, url);
  const page = openPage(html, url);
  const digits: 6 | 8 = expected.kind === 'fill' ? (expected.digits ?? 6) : 6;
  const sent: ContentRequest[] = [];
  const controller = startAutofill({
    doc: page.document,
    layout: fakeLayout(page.document, {
      // The overlay page: what the fake layout cannot compute, it is told (see CASES).
      coverOf: (element) => (element.hasAttribute('data-code-field') ? page.document.getElementById('overlay') : null),
    }),
    storage: null,
    async send(request) {
      sent.push(request);
      if (request.type === 'content:code') {
        const code = CODES[digits] as string;
        return { status: 'code', code, digits, submit: false, rememberDevice: false } satisfies CodeResponse;
      }
      if (request.type === 'content:has-account') return { status: 'yes' } satisfies HasAccountResponse;
      if (request.type === 'content:kmsi') return { status: 'answer', answer: 'yes' } satisfies KmsiResponse;
      return { status: 'ok' };
    },
    onCommand: () => () => {},
  });
  return { page, sent, changes, stop: () => controller?.stop() };
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

function reports(sent: ContentRequest[]): unknown[] {
  return sent.flatMap((request) => (request.type === 'content:report' ? [request.event] : []));
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
    const changes = pages.flatMap((variant) => variant.changes).join('\n');
    expect(changes).toContain('two-step');
    expect(changes).toMatch(/heading and instructions moved (out of|into) the form/);
    expect(changes).toMatch(/instructions moved above the form, the heading left inside/);
    expect(changes).toMatch(/instructions moved after the code field/);
  });

  it('gives every language more than one move, and every move more than one language', () => {
    const plans = SEEDS.map(planOf);
    for (const language of LANGUAGES) {
      expect(new Set(plans.filter((plan) => plan.language === language).map((plan) => plan.move)).size).toBeGreaterThan(
        1,
      );
    }
    for (const move of MOVES) {
      expect(new Set(plans.filter((plan) => plan.move === move).map((plan) => plan.language)).size).toBeGreaterThan(1);
    }
    expect(new Set(plans.map((plan) => plan.twoStep))).toEqual(new Set([true, false]));
  });

  it('renders in two steps the code views a tile or link leads to, not only the first view', () => {
    const seed = SEEDS.find((candidate) => planOf(candidate).twoStep) ?? 0;
    const parser = new Window({ url: LIVE_URL });
    parser.document.write(variantHtml('live-other-ways', seed, LIVE_URL).html);
    const codeView = parser.document.querySelector('template#view-totp') as unknown as HTMLTemplateElement;
    expect(codeView.content.querySelector('[data-code-field]')).not.toBeNull();
    expect(codeView.content.querySelectorAll('span[data-late-text]').length).toBeGreaterThan(0);
    expect((codeView.content.textContent ?? '').trim()).toBe('');
    void parser.happyDOM.close();
  });

  it('moves the instructions alone, leaving the heading inside the form', () => {
    const seed = SEEDS.find((candidate) => planOf(candidate).move === 'instructions-only') ?? 0;
    const parser = new Window({ url: LIVE_URL });
    parser.document.write(variantHtml('live-totp-banner', seed, LIVE_URL).html);
    const view = (parser.document.querySelector('template#view') as unknown as HTMLTemplateElement).content;
    const form = view.querySelector('form');
    expect(form?.querySelector('h1')).not.toBeNull();
    expect(form?.querySelector('p')).toBeNull();
    void parser.happyDOM.close();
  });

  it('covers every fixture of both templates', () => {
    expect(CASES.map((item) => item.fixture).sort()).toEqual(Object.keys(FIXTURES).sort());
  });

  it.each(Object.keys(FIXTURES))('has every text of %s in German, French and Japanese', (fixture) => {
    const parser = new Window({ url: LIVE_URL });
    parser.document.write(fixtureHtml(fixture));
    const missing: string[] = [];
    for (const template of Array.from(parser.document.querySelectorAll('template'))) {
      const { text, attributes } = wordsOfView((template as unknown as HTMLTemplateElement).content);
      for (const words of [...text.map((node) => node.nodeValue ?? ''), ...attributes.map((node) => node.value)]) {
        if (isLanguageNeutral(words)) continue;
        for (const language of ['de', 'fr', 'ja'] as const) {
          if (translationOf(words, language) === null) missing.push(`${language}: ${words.trim()}`);
        }
      }
    }
    void parser.happyDOM.close();
    expect(missing).toEqual([]);
  });
});

/** Runs every seed of one screen side by side (the pages mostly wait on their own timers). */
async function eachVariant(item: Case, check: (variant: Run, why: string) => void): Promise<void> {
  await Promise.all(
    SEEDS.map(async (seed) => {
      const variant = run(item, seed);
      try {
        await variant.page.settle();
        await laterPageChanges(variant.page);
        check(variant, describeVariant(item.fixture, variant));
      } finally {
        variant.stop();
        await variant.page.close();
      }
    }),
  );
}

function expectFilled({ sent, page }: Run, why: string, expected: Extract<Expectation, { kind: 'fill' }>): void {
  const code = CODES[expected.digits ?? 6];
  expect(
    codeRequests(sent).map((request) => request.pageAccount),
    why,
  ).toEqual([expected.account]);
  expect(filledValues(page), why).toEqual([code]);
  const events = page.globals.seenEvents.filter((event) => event.value === code);
  expect(
    events.map((event) => event.type),
    why,
  ).toEqual(['input', 'change']);
}

/** No code asked for or typed, no event on an input; and nothing clicked unless the screen's own action is. */
function expectNoCode({ sent, page }: Run, why: string, clicks: string[] = []): void {
  expect(codeRequests(sent), why).toEqual([]);
  expect(filledValues(page), why).toEqual([]);
  expect(page.globals.seenEvents, why).toEqual([]);
  expect(page.globals.clicks, why).toEqual(clicks);
}

const CHECKS: Record<Expectation['kind'], (variant: Run, why: string, expected: Expectation) => void> = {
  fill: (variant, why, expected) => expectFilled(variant, why, expected as Extract<Expectation, { kind: 'fill' }>),
  'not-filled': (variant, why) => expectNoCode(variant, why),
  'left-alone': (variant, why) => expectNoCode(variant, why),
  kmsi: (variant, why) => {
    expect(codeRequests(variant.sent), why).toEqual([]);
    expect(filledValues(variant.page), why).toEqual([]);
    // The Yes button, once: its id on Entra's page (#idSIButton9), none on live.com's.
    expect(variant.page.globals.clicks, why).toHaveLength(1);
    expect(variant.page.globals.kmsiAnswer, why).toBe('yes');
  },
  stopped: (variant, why) => {
    expectNoCode(variant, why);
    expect(reports(variant.sent), why).toEqual([expect.objectContaining({ kind: 'stopped', blocked: true })]);
  },
};

describe.concurrent('every markup variant of every fixture gets the decision of the original', () => {
  it.each(CASES.map((item) => ({ ...item, kind: item.expect.kind })))('$fixture: $kind', async (item) => {
    await eachVariant(item, (variant, why) => CHECKS[item.expect.kind](variant, why, item.expect));
  });
});
