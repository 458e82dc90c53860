/**
 * From report to fixture and back: a report of every sign-in fixture, turned into a fixture
 * page (tests/fixtures/signin/from-report.ts), is recognised by the screens (lib/signin/screens)
 * the same way as the fixture it was made from.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeLayout } from '../../lib/signin/fake-layout.testing';
import {
  CODE_PAGE_URL,
  DEVICE_CODE_URL,
  type FixturePage,
  LIVE_URL,
  renderedFixture,
} from '../../lib/signin/fixture-page.testing';
import { readPageConfig } from '../../lib/signin/page-config';
import { screenReport } from '../../lib/signin/screen-report';
import { checkedScreenReport } from '../../lib/signin/screen-report-check';
import { readScreen } from '../../lib/signin/screens';
import type { Reading } from '../../lib/signin/screens/types';
import { FIXTURES } from '../fixtures/signin';
import { fixtureModuleFromReport, pageFromReport } from '../fixtures/signin/from-report';

/** Where each fixture is served in the other tests. */
function fixtureUrl(name: string): string {
  if (name.startsWith('live-')) return LIVE_URL;
  if (name === 'device-code') return DEVICE_CODE_URL;
  if (name.includes('kmsi')) return 'https://login.microsoftonline.com/kmsi';
  return CODE_PAGE_URL;
}

const opened: FixturePage[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((page) => page.close()));
});

/** A page from HTML with its scripts running, as the fixture pages open (fixture-page.testing.ts). */
async function openHtml(html: string, url: string): Promise<FixturePage> {
  const window = new Window({
    url,
    width: 1280,
    height: 900,
    settings: {
      enableJavaScriptEvaluation: true,
      suppressInsecureJavaScriptEnvironmentWarning: true,
      disableIframePageLoading: true,
      navigation: { disableMainFrameNavigation: true, disableChildFrameNavigation: true },
    },
  });
  window.document.write(html);
  const page: FixturePage = {
    document: window.document as unknown as Document,
    globals: window as unknown as FixturePage['globals'],
    settle: () => window.happyDOM.waitUntilComplete(),
    close: () => window.happyDOM.close(),
  };
  opened.push(page);
  await page.settle();
  return page;
}

function readingOf(doc: Document): Reading {
  return readScreen({ doc, layout: fakeLayout(doc), config: readPageConfig(doc), pickedProof: null });
}

/**
 * What a reading decides on. The account is masked in a report by design, so only whether the
 * page names one is compared; everything else must be equal.
 */
function decision(reading: Reading): Record<string, unknown> {
  const { elements, ...data } = reading;
  const facts: Record<string, unknown> = { ...data, elements: Object.keys(elements).sort() };
  if ('account' in facts) facts.account = facts.account !== null;
  return facts;
}

async function reportOf(name: string) {
  const page = await renderedFixture(name, fixtureUrl(name));
  opened.push(page);
  return { original: readingOf(page.document), report: screenReport(page.document, fakeLayout(page.document)) };
}

describe('a fixture made from a screen report', () => {
  it.each(Object.keys(FIXTURES))('%s is recognised as the fixture it was made from', async (name) => {
    const { original, report } = await reportOf(name);
    // What a person sends is read back through the same check the CLI runs.
    const sent = checkedScreenReport(JSON.parse(JSON.stringify(report)));
    expect(sent).toEqual(report);
    const made = await openHtml(pageFromReport(report), report.url);
    expect(decision(readingOf(made.document))).toEqual(decision(original));
  });

  it('is written as a fixture template module that renders that page', async () => {
    const { report } = await reportOf('enter-code-disagree');
    // Beside the fixture templates, where `npm run fixture` writes, so its import of page.ts resolves.
    const dir = mkdtempSync(join(__dirname, '../fixtures/signin/.round-trip-'));
    try {
      const file = join(dir, 'reported-disagree.ts');
      writeFileSync(
        file,
        fixtureModuleFromReport(report, { name: 'reported disagree', about: 'A test.', pageModule: '../page' }),
      );
      const module = (await import(file)) as { reportedDisagreePage(): string; REPORTED_URL: string };
      expect(module.REPORTED_URL).toBe(CODE_PAGE_URL);
      expect(module.reportedDisagreePage()).toBe(pageFromReport(report, 'A test.'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is what `npm run fixture` writes from a report file', async () => {
    const { report } = await reportOf('live-totp-floating');
    const dir = mkdtempSync(join(__dirname, '../fixtures/signin/.round-trip-'));
    try {
      const sent = join(dir, 'screen-report.json');
      writeFileSync(sent, JSON.stringify({ ...report, status: { state: 'not-totp', reason: 'unknown-method' } }));
      const out = join(dir, 'live-app-code.ts');
      execFileSync(process.execPath, ['scripts/fixture.mjs', sent, '--name', 'live app code', '--out', out]);
      const source = readFileSync(out, 'utf8');
      expect(source).toContain("import { renderPage } from '../page';");
      expect(source).toContain('(not-totp unknown-method)');
      const module = (await import(out)) as { liveAppCodePage(): string; REPORTED_URL: string };
      const made = await openHtml(module.liveAppCodePage(), module.REPORTED_URL);
      expect(readingOf(made.document)).toMatchObject({ name: 'live-code', method: 'totp' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
