/**
 * The content script's first stage loads the runner for every page the runner could act on: its
 * trigger is a superset of what the screen modules recognise and the decisions act on
 * (docs/ARCHITECTURE.md, 'Content script'). Tried on every view of every fixture page, at both
 * kinds of host, and on every markup variant the runner's own variant test uses, side by side with
 * the runner: the runner never sends a thing before the first stage has asked for it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { FIXTURES } from '../../tests/fixtures/signin/index';
import type { ContentRequest } from '../messages';
import { fakeLayout } from '../signin/fake-layout.testing';
import {
  CODE_PAGE_URL,
  DEVICE_CODE_URL,
  type FixturePage,
  LIVE_URL,
  openFixture,
  openPage,
  pageFromHtml,
} from '../signin/fixture-page.testing';
import { readPageConfig } from '../signin/page-config';
import { type CuedScreen, SCREEN_CUES } from '../signin/screen-cues';
import { readScreen, SCREENS } from '../signin/screens/index';
import type { ScreenReading } from '../signin/screens/types';
import { startAutofill } from './autofill';
import { CASES, laterPageChanges, SEEDS, variantHtml } from './markup-variants.testing';
import { pageNeedsRunner, startStageOne } from './stage-one';
import { INITIAL_STATE, step } from './step';

/** What the runner reads on a page the first stage leaves alone: it never acts on these. */
const LEFT_ALONE: readonly ScreenReading['screen'][] = ['loading', 'sign-in-form'];

let pages: FixturePage[] = [];
afterEach(async () => {
  await Promise.all(pages.map((page) => page.close()));
  pages = [];
});

function opened(page: FixturePage): FixturePage {
  pages.push(page);
  return page;
}

/**
 * The superset rule on the page as it is now: every screen module that recognises the page has its
 * cue, and a reading the runner could act on makes the first stage load it. Returns the reading.
 */
function expectSupersetRule(doc: Document, where: string): ScreenReading & { name: string } {
  const layout = fakeLayout(doc);
  const facts = { doc, layout, config: readPageConfig(doc), pickedProof: null };
  for (const screen of SCREENS) {
    if (screen.read(facts) === null) continue;
    expect(SCREEN_CUES[screen.name as CuedScreen], `${where}: ${screen.name} has no cue`).toBeDefined();
    expect(SCREEN_CUES[screen.name as CuedScreen](doc), `${where}: ${screen.name} read without its cue`).toBe(true);
  }
  const reading = readScreen(facts);
  if (!LEFT_ALONE.includes(reading.screen)) {
    expect(pageNeedsRunner(doc, layout), `${where}: ${reading.name} but no runner`).toBe(true);
  }
  return reading;
}

function templateIds(doc: Document): string[] {
  return Array.from(doc.querySelectorAll('template[id]'), (template) => template.id);
}

describe('the first stage’s trigger', () => {
  it('has a cue for every screen module, each module’s own first test', () => {
    expect(Object.keys(SCREEN_CUES).sort()).toEqual(SCREENS.map((screen) => screen.name).sort());
  });

  it('covers the only readings it leaves alone: the runner does nothing on them', () => {
    for (const screen of LEFT_ALONE) {
      expect(step(INITIAL_STATE, { kind: 'page', reading: { screen } as ScreenReading, now: 0 }).effects).toEqual([]);
    }
  });

  it('fires on every view of every fixture page the runner could act on, at both kinds of host', async () => {
    const seen = new Set<string>();
    for (const name of Object.keys(FIXTURES)) {
      for (const url of [CODE_PAGE_URL, LIVE_URL]) {
        const page = opened(openFixture(name, url));
        expectSupersetRule(page.document, `${name} at ${url}, loading`);
        await page.settle();
        for (const view of templateIds(page.document)) {
          page.globals.fixtureRender(view);
          await page.settle();
          seen.add(expectSupersetRule(page.document, `${name} at ${url}, view ${view}`).name);
        }
        await page.close();
      }
    }
    // Not vacuous: every screen module recognised something, and the pages left alone were seen.
    expect([...seen].sort()).toEqual(expect.arrayContaining([...SCREENS.map((screen) => screen.name), 'unknown']));
  });

  it('leaves the username page alone while it loads and once it shows', async () => {
    const page = opened(openFixture('username', CODE_PAGE_URL));
    expect(pageNeedsRunner(page.document, fakeLayout(page.document))).toBe(false);
    await page.settle();
    expect(
      readScreen({ doc: page.document, layout: fakeLayout(page.document), config: null, pickedProof: null }),
    ).toMatchObject({ screen: 'sign-in-form' });
    expect(pageNeedsRunner(page.document, fakeLayout(page.document))).toBe(false);
  });

  it.each<[string, boolean]>([
    [LIVE_URL, true],
    [CODE_PAGE_URL, false],
  ])(
    'at %s, fires on the password view (login.live.com shows its code view after it without a load): %s',
    async (url, fires) => {
      const page = opened(
        pageFromHtml('<form><input type="password" name="passwd" data-testid="passwordEntry"></form>', url),
      );
      expect(pageNeedsRunner(page.document, fakeLayout(page.document))).toBe(fires);
    },
  );

  it('fires on the code prompt’s $Config page id before the page has rendered', () => {
    const page = opened(openFixture('enter-code', CODE_PAGE_URL));
    const reading = readScreen({
      doc: page.document,
      layout: fakeLayout(page.document),
      config: readPageConfig(page.document),
      pickedProof: null,
    });
    expect(reading.screen).toBe('loading');
    expect(pageNeedsRunner(page.document, fakeLayout(page.document))).toBe(true);
  });
});

describe.concurrent('markup variants: the runner never acts before the first stage has loaded it', () => {
  it.each(CASES)('$fixture', async ({ fixture, url, expect: expected }) => {
    const account = expected.kind === 'fill' ? expected.account : undefined;
    await Promise.all(
      SEEDS.map(async (seed) => {
        const { html, changes } = variantHtml(fixture, seed, url);
        const page = openPage(html, url);
        const why = `${fixture}, seed ${seed}: ${changes.join('; ')}`;
        const layout = fakeLayout(page.document);
        let loaded = false;
        const early: ContentRequest[] = [];
        const sent: ContentRequest[] = [];
        startStageOne({ doc: page.document, layout, startRunner: async () => (loaded = true) });
        const runner = startAutofill({
          doc: page.document,
          layout,
          storage: null,
          async send(request) {
            (loaded ? sent : early).push(request);
            if (request.type === 'content:code') {
              return {
                status: 'code',
                code: '428193',
                digits: 6,
                submit: false,
                rememberDevice: false,
              };
            }
            return request.type === 'content:has-account' ? { status: 'yes' } : { status: 'ok' };
          },
          onCommand: () => () => {},
        });
        try {
          expectSupersetRule(page.document, `${why}, loading`);
          await page.settle();
          expectSupersetRule(page.document, `${why}, shown`);
          await laterPageChanges(page);
          expectSupersetRule(page.document, `${why}, after the late words and a re-render`);
          expect(early, why).toEqual([]);
          // Not vacuous: a screen the runner acts on was loaded for, and a fill screen was filled
          // through it. A screen left alone may not need the runner at all (the username page).
          if (expected.kind !== 'left-alone') expect(loaded, why).toBe(true);
          if (account !== undefined)
            expect(
              sent.map((request) => request.type),
              why,
            ).toContain('content:code');
        } finally {
          runner?.stop();
          await page.close();
        }
      }),
    );
  });
});

describe('startStageOne', () => {
  it('asks once, when the page needs the runner, and then stops watching', async () => {
    const page = opened(openFixture('username', CODE_PAGE_URL));
    let asked = 0;
    startStageOne({ doc: page.document, layout: fakeLayout(page.document), startRunner: async () => ++asked > 0 });
    await page.settle();
    expect(asked).toBe(0);
    page.document.getElementById('mount')?.insertAdjacentHTML('beforeend', '<div id="KmsiCheckboxField"></div>');
    await page.settle();
    expect(asked).toBe(1);
    page.document.getElementById('mount')?.insertAdjacentHTML('beforeend', '<div id="credentialList"></div>');
    await page.settle();
    expect(asked).toBe(1);
  });

  it('asks again at the next change after a start that failed', async () => {
    const page = opened(pageFromHtml('<div id="KmsiCheckboxField"></div>'));
    const answers = [false, true];
    let asked = 0;
    startStageOne({
      doc: page.document,
      layout: fakeLayout(page.document),
      startRunner: async () => answers[asked++] ?? true,
    });
    await page.settle();
    expect(asked).toBe(1);
    page.document.body.append(page.document.createElement('p'));
    await page.settle();
    expect(asked).toBe(2);
    page.document.body.append(page.document.createElement('p'));
    await page.settle();
    expect(asked).toBe(2);
  });

  it.each<[string, string, boolean]>([
    ['a look-alike host', 'https://login.microsoftonline.com.evil.example/common/login', true],
    ['plain http', 'http://login.microsoftonline.com/common/login', true],
    ['the device-code page', DEVICE_CODE_URL, true],
    ['a frame', CODE_PAGE_URL, false],
  ])('does not start on %s', async (_, url, isTopFrame) => {
    const page = opened(pageFromHtml('<div id="KmsiCheckboxField"></div>', url));
    let asked = 0;
    const started = startStageOne({
      doc: page.document,
      layout: fakeLayout(page.document),
      isTopFrame,
      startRunner: async () => ++asked > 0,
    });
    await page.settle();
    expect(started).toBeNull();
    expect(asked).toBe(0);
  });
});
