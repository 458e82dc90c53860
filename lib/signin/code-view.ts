/**
 * The words of the view that holds a code field, wherever the page puts them: inside the form,
 * above it, in a sibling region or in the heading. The view is read the way a person reads it,
 * in document order from its title heading (the last heading before the field) to its buttons
 * (the field's submit button, else the first button after it), whatever the nesting; text that
 * is not shown (display:none, the hidden attribute, visibility:hidden, scripts, styles) is left
 * out. Links below the buttons ("Use your authenticator app instead") are not the prompt's
 * instructions and stay outside. docs/ARCHITECTURE.md, 'Screen model'.
 */
import { submitButton } from './code-page-controls';
import type { Layout } from './visibility';

const HEADING_SELECTOR = 'h1, h2, h3, [role="heading"]';
const BUTTON_SELECTOR = 'button, input[type="submit"], input[type="button"], [role="button"]';
const UNREAD = new Set(['script', 'style', 'noscript', 'template', 'title']);

const SHOW_TEXT = 4; // NodeFilter.SHOW_TEXT
const PRECEDING = 2; // Node.DOCUMENT_POSITION_PRECEDING
const FOLLOWING = 4; // Node.DOCUMENT_POSITION_FOLLOWING

export function codeViewText(field: HTMLInputElement, layout: Layout): string | null {
  const doc = field.ownerDocument;
  if (!doc.body) return null;
  const shown = shownTest(layout);
  const start =
    lastShown(doc.querySelectorAll(HEADING_SELECTOR), (node) => follows(field, node), shown) ?? field.form ?? field;
  const end = viewEnd(field, shown);
  const walker = doc.createTreeWalker(doc.body, SHOW_TEXT);
  walker.currentNode = start;
  const words: string[] = [];
  for (let node = walker.nextNode(); node && !pastEnd(end, node); node = walker.nextNode()) {
    const parent = node.parentElement;
    if (parent && shown(parent)) words.push(node.nodeValue ?? '');
  }
  const text = words.join(' ').replace(/\s+/g, ' ').trim();
  return text === '' ? null : text;
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

function lastShown(
  elements: NodeListOf<Element>,
  accept: (element: Element) => boolean,
  shown: (element: Element) => boolean,
): Element | null {
  let found: Element | null = null;
  for (const element of Array.from(elements)) if (accept(element) && shown(element)) found = element;
  return found;
}

/**
 * Shown by its styles: no `display:none` or `hidden` on it or an ancestor, and not
 * `visibility:hidden` itself (computed visibility is inherited, and a child may undo it).
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
        layout.style(element).display !== 'none' &&
        (element.parentElement ? isDisplayed(element.parentElement) : true);
      displayed.set(element, answer);
    }
    return answer;
  };
  return (element) => isDisplayed(element) && layout.style(element).visibility !== 'hidden';
}
