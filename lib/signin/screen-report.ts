/**
 * A redacted screen report: the structure of a sign-in screen the extension did not complete,
 * for a person to send and a developer to turn into a fixture (`npm run fixture`). It holds
 * tags, ids, names, `data-testid`, roles, input types, `maxlength`, `autocomplete`, visibility
 * and the nesting; the `$Config` keys with only the values that are enumerations; headings and
 * button labels with addresses, phone numbers and digits masked; for any other text only what
 * the extension reads from it (which method it names, whether it holds an address, an AADSTS
 * code). Never an input's value, other text, a cookie or a URL query (docs/SECURITY.md,
 * 'Screen reports').
 *
 * Not part of the content script: built into its own script (entrypoints/screen-report.ts) that
 * the background runs in a tab only when someone asks for a report.
 */
import { methodFromWording } from './method-wording';
import { pageAccount } from './page-account';
import { readPageConfig } from './page-config';
import { reportConfig } from './report-config';
import { maskIdentifier, maskLabel, reportedUrl } from './report-masking';
import type { ReportedElement, ReportedText, ScreenReport, Shown } from './screen-report-types';
import { browserLayout, isRendered, isVisible, type Layout } from './visibility';

export type { ReportedConfig, ReportedElement, ReportedText, ScreenReport } from './screen-report-types';

export const SCREEN_REPORT_VERSION = 1;
/** Bounds on what one report walks: real sign-in pages have a few hundred elements. */
export const MAX_ELEMENTS = 3000;
const MAX_DEPTH = 60;

/** Never shown, or not the page's own markup: left out with everything inside. */
const SKIPPED = new Set(['script', 'style', 'template', 'noscript', 'link', 'meta', 'head']);
/** Kept as a tag, without what is inside (icon paths, a frame's document). */
const OPAQUE = new Set(['svg', 'iframe', 'object', 'embed', 'canvas', 'video', 'audio', 'picture']);
/** Where a heading or a button label sits: the same elements the screen summary takes a title from. */
export const HEADING_SELECTOR = 'h1, h2, h3, h4, h5, h6, [role="heading"], [id$="_Title"]';
export const LABELLED_SELECTOR = `${HEADING_SELECTOR}, button, a, [role="button"], [role="link"], [role="tab"], [role="menuitem"], [role="option"]`;
const BUTTON_INPUT_TYPES = new Set(['submit', 'button', 'reset']);
const AADSTS = /\bAADSTS(\d{5,7})\b/;

interface Walk {
  layout: Layout;
  accounts: string[];
  count: number;
  truncated: number;
}

/** The report of `doc` as it is now, with the geometry of `layout` (tests pass a fake one). */
export function screenReport(doc: Document = document, layout: Layout = browserLayout(doc)): ScreenReport {
  const config = readPageConfig(doc);
  const accounts = [pageAccount(doc, config), config?.username].filter((name): name is string => !!name);
  const walk: Walk = { layout, accounts, count: 0, truncated: 0 };
  const body = doc.body ? reportElement(doc.body, walk, 0, false) : null;
  return {
    version: SCREEN_REPORT_VERSION,
    url: reportedUrl(doc.location?.href),
    title: maskLabel(doc.title, accounts),
    config: reportConfig(doc),
    body,
    truncated: walk.truncated,
  };
}

function shownOf(element: Element, layout: Layout): Shown {
  if (!isRendered(element, layout)) return 'hidden';
  return isVisible(element, layout) ? 'visible' : 'rendered';
}

function attribute(element: Element, name: string, accounts: string[]): string | undefined {
  const value = element.getAttribute(name);
  return value === null ? undefined : (maskIdentifier(value, accounts) ?? undefined);
}

/** An image's source as its file name (or a `data:` URL's short payload): what tells tiles apart, never a query. */
function imageName(element: Element): string | undefined {
  const src = element.getAttribute('src');
  if (!src) return undefined;
  if (src.startsWith('data:')) {
    const payload = src.slice(src.indexOf(',') + 1);
    return /^[A-Za-z0-9_.-]{1,40}$/.test(payload) ? (maskIdentifier(payload) ?? undefined) : undefined;
  }
  try {
    const file = new URL(src, 'https://invalid.example/').pathname.split('/').pop() ?? '';
    return maskIdentifier(decodeURIComponent(file)) ?? undefined;
  } catch {
    return undefined;
  }
}

function describeElement(element: Element, walk: Walk): ReportedElement {
  const { accounts } = walk;
  const input = element.localName === 'input' ? (element as HTMLInputElement) : null;
  const maxLength = Number.parseInt(element.getAttribute('maxlength') ?? '', 10);
  const credType = element.getAttribute('data-test-cred-id');
  const classes = Array.from(element.classList)
    .map((name) => maskIdentifier(name, accounts))
    .filter((name): name is string => name !== null)
    .slice(0, 20);
  const described: ReportedElement = {
    tag: element.localName,
    id: attribute(element, 'id', accounts),
    name: attribute(element, 'name', accounts),
    testId: attribute(element, 'data-testid', accounts),
    role: attribute(element, 'role', accounts),
    type: input ? input.type : attribute(element, 'type', accounts),
    maxLength: Number.isSafeInteger(maxLength) && maxLength >= 0 && maxLength < 1000 ? maxLength : undefined,
    autocomplete: attribute(element, 'autocomplete', accounts),
    inputMode: attribute(element, 'inputmode', accounts),
    classes: classes.length > 0 ? classes : undefined,
    dataValue: attribute(element, 'data-value', accounts),
    credType: credType !== null && /^\d{1,2}$/.test(credType) ? credType : undefined,
    src: element.localName === 'img' ? imageName(element) : undefined,
    ariaHidden: element.getAttribute('aria-hidden') === 'true' || undefined,
    disabled: element.hasAttribute('disabled') || undefined,
    readOnly: element.hasAttribute('readonly') || undefined,
    shown: shownOf(element, walk.layout),
  };
  return Object.fromEntries(
    Object.entries(described).filter(([, value]) => value !== undefined),
  ) as unknown as ReportedElement;
}

/** What the extension reads from a run of text that is neither a heading nor a label. */
export function readText(text: string, accounts: readonly string[] = []): ReportedText | null {
  const collapsed = text.replace(/\s+/g, ' ').trim();
  if (collapsed === '') return null;
  const masked = maskLabel(collapsed, accounts) ?? '';
  return {
    method: methodFromWording(collapsed),
    address: masked.includes('{email}') || masked.includes('{phone}'),
    aadsts: AADSTS.exec(collapsed)?.[1] ?? null,
  };
}

function ownText(element: Element): string {
  return Array.from(element.childNodes)
    .filter((node) => node.nodeType === 3 /* Node.TEXT_NODE */)
    .map((node) => node.nodeValue ?? '')
    .join(' ');
}

function reportElement(element: Element, walk: Walk, depth: number, inLabel: boolean): ReportedElement | null {
  if (SKIPPED.has(element.localName)) return null;
  if (walk.count >= MAX_ELEMENTS || depth > MAX_DEPTH) {
    walk.truncated += 1 + element.querySelectorAll('*').length;
    return null;
  }
  walk.count++;
  const reported = describeElement(element, walk);
  const input = element.localName === 'input' ? (element as HTMLInputElement) : null;
  const labelled = !inLabel && element.matches(LABELLED_SELECTOR);
  if (input && BUTTON_INPUT_TYPES.has(input.type)) {
    const label = maskLabel(input.value, walk.accounts);
    if (label) reported.label = label;
  } else if (labelled) {
    const label = maskLabel(element.textContent ?? '', walk.accounts);
    if (label) reported.label = label;
  } else if (!inLabel && !input && element.localName !== 'textarea') {
    const text = readText(ownText(element), walk.accounts);
    if (text) reported.text = text;
  }
  if (OPAQUE.has(element.localName)) return reported;
  const children = Array.from(element.children)
    .map((child) => reportElement(child, walk, depth + 1, inLabel || labelled))
    .filter((child): child is ReportedElement => child !== null);
  if (children.length > 0) reported.children = children;
  return reported;
}
