/**
 * How a screen the extension cannot complete is named in the popup and the QA helper's
 * errors: its title (as shown, for a person to recognise), `$Config.pgid` when present, and
 * the AADSTS code when the page shows one (50196 too many sign-ins, 50053 locked, 50076/50079
 * MFA required or registration: docs/ARCHITECTURE.md, 'Microsoft sign-in pages').
 */
import type { PageConfig } from './page-config';

/** A screen the extension cannot complete, as the popup and the QA helper name it. */
export interface ScreenSummary {
  title: string | null;
  /** `$Config.pgid`, when the page has one. */
  pgid: string | null;
  /** The AADSTS error code shown, digits only. */
  aadsts: string | null;
}

const TITLE_SELECTOR = '[role="heading"], [id$="_Title"], h1, #serviceAbuseLandingTitle';
const AADSTS = /\bAADSTS(\d{5,7})\b/;
const MAX_TITLE = 120;

export function screenSummary(doc: Document, config: PageConfig | null): ScreenSummary {
  return { title: screenTitle(doc), pgid: config?.pageId ?? null, aadsts: shownAadsts(doc) };
}

function screenTitle(doc: Document): string | null {
  const heading = doc.body?.querySelector(TITLE_SELECTOR)?.textContent ?? doc.title;
  const text = heading.replace(/\s+/g, ' ').trim();
  return text === '' ? null : text.slice(0, MAX_TITLE);
}

/** The first AADSTS code in the page's text, scripts and styles left out (they are not shown). */
export function shownAadsts(doc: Document): string | null {
  const body = doc.body;
  if (!body) return null;
  const walker = doc.createTreeWalker(body, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement?.localName;
    if (parent === 'script' || parent === 'style') continue;
    const match = AADSTS.exec(node.nodeValue ?? '');
    if (match) return match[1] ?? null;
  }
  return null;
}
