/**
 * Test support (not shipped): opens a sign-in fixture page (tests/fixtures/signin) in its own happy-dom
 * window at a real sign-in URL, with the page's own scripts running, so tests see the late,
 * knockout-like rendering the e2e tests see. The fixtures are ours; nothing untrusted runs.
 */
import { Window } from 'happy-dom';
import { fixtureHtml as renderFixture } from '../../tests/fixtures/signin';
export const CODE_PAGE_URL = 'https://login.microsoftonline.com/common/SAS/ProcessAuth';
export const LIVE_URL = 'https://login.live.com/ppsecure/post.srf';
export const DEVICE_CODE_URL = 'https://login.microsoftonline.com/common/oauth2/deviceauth';

/** The globals the fixtures' shared script keeps (see the comment at its top). */
export interface FixtureGlobals {
  seenEvents: { type: string; id: string; name: string; value: string; trusted: boolean }[];
  submittedCodes: string[];
  clicks: string[];
  boundCode: string;
  rememberDevice: boolean;
  rendered: boolean;
  signedIn: boolean;
  rejectNext: number | boolean;
  expectedCode: string | null;
  kmsiAnswer?: 'yes' | 'no';
  fixtureRender(templateId: string): void;
}

export interface FixturePage {
  document: Document;
  globals: FixtureGlobals;
  /** Waits until the page's timers (late rendering, Verify's answer) have run. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

/** A fixture page by name (tests/fixtures/signin/index.ts), `.html` or not. */
export function fixtureHtml(name: string): string {
  return renderFixture(name);
}

/** Opens the fixture; its view renders RENDER_DELAY_MS later (call `settle`). */
export function openFixture(name: string, url: string = CODE_PAGE_URL): FixturePage {
  return openPage(fixtureHtml(name), url);
}

/** Opens a whole fixture page given as HTML (a variant of one, say), with its scripts running. */
export function openPage(html: string, url: string = CODE_PAGE_URL): FixturePage {
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
  // happy-dom's classes are its own; the code under test is written against lib.dom's.
  const document = window.document as unknown as Document;
  return {
    document,
    globals: window as unknown as FixtureGlobals,
    settle: () => window.happyDOM.waitUntilComplete(),
    close: () => window.happyDOM.close(),
  };
}

/** Opens the fixture and waits for its view to render. */
export async function renderedFixture(name: string, url: string = CODE_PAGE_URL): Promise<FixturePage> {
  const page = openFixture(name, url);
  await page.settle();
  return page;
}

/** A page from a snippet of markup (no scripts run), for cases too small for a fixture file. */
export function pageFromHtml(html: string, url: string = CODE_PAGE_URL): FixturePage {
  const window = new Window({ url, width: 1280, height: 900 });
  window.document.write(`<!doctype html><html><head></head><body>${html}</body></html>`);
  return {
    document: window.document as unknown as Document,
    globals: window as unknown as FixtureGlobals,
    settle: () => window.happyDOM.waitUntilComplete(),
    close: () => window.happyDOM.close(),
  };
}
