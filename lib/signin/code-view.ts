/**
 * The words of the view that holds a code field, wherever the page puts them: inside the form,
 * above it (with or without a heading), in a sibling region, after the field or in the heading
 * alone. docs/ARCHITECTURE.md, 'Screen model'.
 *
 * The view is a region: the largest ancestor of the field's form (or of the field) that holds no
 * other view, that is, no other shown text field, no shown list of ways to sign in (the chooser's
 * tiles, live.com's "other ways", the passkey picker). Sign-in pages show one view at a time, so
 * such a control beside the field is another view's, and its words are another method's. Within
 * the region the view is read as a person reads it, in document order from its start to the
 * field's buttons (its submit button, else the first button after the field); when the region
 * holds more than one title heading before the field (an earlier view left on the page), from
 * the last title. Words not shown (display:none, the hidden attribute, visibility:hidden,
 * aria-hidden, scripts, styles: the earlier views live.com's app keeps hidden) are left out, and
 * so are links and tiles ("Use your authenticator app instead", "Text +X XXXXXXXX12"): they
 * name other ways to sign in, never the method this view asks for. So are e-mail addresses (the
 * identity banner's account is in the view).
 */
import { submitButton } from './code-page-controls';
import type { Layout } from './visibility';

const HEADING_SELECTOR = 'h1, h2, h3, [role="heading"]';
const BUTTON_SELECTOR = 'button, input[type="submit"], input[type="button"], [role="button"]';
/** Controls that belong to another view when they stand beside the field's own. */
const OTHER_VIEW_SELECTOR = [
  'input:not([type="hidden"], [type="checkbox"], [type="radio"], [type="submit"], [type="button"], [type="reset"], [type="image"])',
  'textarea',
  'select',
  '[role="list"]',
  '[role="listbox"]',
  '[role="radiogroup"]',
  '[data-test-cred-id]',
  '[data-testid="tile"]',
].join(', ');
/** Ways to another method: their words are not this view's instructions. */
const OTHER_WAYS_SELECTOR = 'a, [role="link"], [role="list"], [data-value], [data-test-cred-id], [data-testid="tile"]';
const ADDRESS = /[^\s@]+@[^\s@]+/g;
const UNREAD = new Set(['script', 'style', 'noscript', 'template', 'title']);

const SHOW_TEXT = 4; // NodeFilter.SHOW_TEXT
const PRECEDING = 2; // Node.DOCUMENT_POSITION_PRECEDING
const FOLLOWING = 4; // Node.DOCUMENT_POSITION_FOLLOWING

export function codeViewText(field: HTMLInputElement, layout: Layout): string | null {
  const doc = field.ownerDocument;
  if (!doc.body) return null;
  const shown = shownTest(layout);
  const region = viewRegion(field, shown);
  const titles = Array.from(region.querySelectorAll(HEADING_SELECTOR)).filter(
    (heading) => follows(field, heading) && shown(heading),
  );
  const start = titles.length > 1 ? (titles[titles.length - 1] as Element) : region;
  const end = viewEnd(field, shown);
  const walker = doc.createTreeWalker(region, SHOW_TEXT);
  walker.currentNode = start;
  const words: string[] = [];
  for (let node = walker.nextNode(); node && !pastEnd(end, node); node = walker.nextNode()) {
    const parent = node.parentElement;
    if (parent && shown(parent) && !parent.closest(OTHER_WAYS_SELECTOR)) words.push(node.nodeValue ?? '');
  }
  // An address names an account, never a method ("sms.team@contoso.com", "app-admin@…").
  const text = words.join(' ').replace(ADDRESS, ' ').replace(/\s+/g, ' ').trim();
  return text === '' ? null : text;
}

/** The field's form (or the field), widened to each ancestor in turn while no other view is in it. */
function viewRegion(field: HTMLInputElement, shown: (element: Element) => boolean): Element {
  const root = field.ownerDocument.documentElement;
  let region: Element = field.form ?? field;
  for (let parent = region.parentElement; parent && parent !== root; parent = parent.parentElement) {
    const inner = region;
    const otherView = Array.from(parent.querySelectorAll(OTHER_VIEW_SELECTOR)).some(
      (element) => !inner.contains(element) && shown(element),
    );
    if (otherView) break;
    region = parent;
  }
  return region;
}

/** The field's submit button; else the first shown button after the field; else its form, or itself. */
function viewEnd(field: HTMLInputElement, shown: (element: Element) => boolean): Element {
  const submit = submitButton(field);
  if (submit && follows(submit, field)) return submit;
  const buttons = Array.from(field.ownerDocument.querySelectorAll(BUTTON_SELECTOR));
  return buttons.find((button) => follows(button, field) && shown(button)) ?? field.form ?? field;
}

/** `later` comes after `earlier` in document order (and is not inside it). */
function follows(later: Node, earlier: Node): boolean {
  return (earlier.compareDocumentPosition(later) & FOLLOWING) !== 0 && !earlier.contains(later);
}

function pastEnd(end: Element, node: Node): boolean {
  return !end.contains(node) && (node.compareDocumentPosition(end) & PRECEDING) !== 0;
}

/**
 * Shown by its styles: no `display:none`, `hidden` or `aria-hidden="true"` on it or an ancestor,
 * and not `visibility:hidden` itself (computed visibility is inherited, and a child may undo it).
 * Remembered per element for one reading: the text nodes of a view ask about the same ancestors.
 * Opacity is the field's business (visibility.ts), not the words'.
 */
function shownTest(layout: Layout): (element: Element) => boolean {
  const displayed = new Map<Element, boolean>();
  const isDisplayed = (element: Element): boolean => {
    let answer = displayed.get(element);
    if (answer === undefined) {
      answer =
        !UNREAD.has(element.localName) &&
        !element.hasAttribute('hidden') &&
        element.getAttribute('aria-hidden') !== 'true' &&
        layout.style(element).display !== 'none' &&
        (element.parentElement ? isDisplayed(element.parentElement) : true);
      displayed.set(element, answer);
    }
    return answer;
  };
  return (element) => isDisplayed(element) && layout.style(element).visibility !== 'hidden';
}
