/**
 * Every fixture screen in markup variants (tests/fixtures/signin/variants.ts): wrappers, sibling
 * order, instructions inside or outside the form, decoys, attribute order, class names, four
 * languages, words rendered after the field, and the field node replaced by a re-render after
 * the fill. A fill screen is filled exactly once, for the right account; a never-fill screen is
 * never filled. A failure prints the variant's seed, its changes and the view as HTML.
 */
import { describe, expect, it } from 'vitest';
import { fixtureHtml } from '../../tests/fixtures/signin/index';
import type { Changes } from '../../tests/fixtures/signin/variants';
import type { CodeResponse, ContentRequest, HasAccountResponse } from '../messages';
import { fakeLayout } from '../signin/fake-layout.testing';
import { type FixturePage, LIVE_URL, openPage } from '../signin/fixture-page.testing';
import { startAutofill } from './autofill';
import { FILL, laterPageChanges, NEVER_FILL, SEEDS, variantHtml } from './markup-variants.testing';

const CODE = '428193';

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
        return { status: 'code', code: CODE, digits: 6, submit: false, rememberDevice: false } satisfies CodeResponse;
      }
      if (request.type === 'content:has-account') return { status: 'yes' } satisfies HasAccountResponse;
      return { status: 'ok' };
    },
    onCommand: () => () => {},
  });
  return { page, sent, changes, stop: () => controller?.stop() };
}

/** Shows the late words, then replaces the code field as a framework's re-render would. */
const laterChanges = ({ page }: Run): Promise<void> => laterPageChanges(page);

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
