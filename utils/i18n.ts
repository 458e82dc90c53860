import { browser } from 'wxt/browser';
import { type PluralKey, plural, type Words } from '@/lib/formats/words';
import type messages from '@/public/_locales/en/messages.json';

// English is the default locale (manifest `default_locale`): every key exists there, and
// tests/unit/locales.test.ts keeps the other locales and the code in step with it.
type Messages = typeof messages;
export type MessageKey = keyof Messages;

type Substitution = string | number;
/** A message with placeholders needs its substitutions, one without takes none. */
type SubstitutionsFor<K extends MessageKey> = Messages[K] extends { placeholders: object }
  ? [substitutions: Substitution | readonly Substitution[]]
  : [];

// The generated overloads of browser.i18n.getMessage follow .wxt/, which is only rewritten on
// `wxt prepare`; the key type above comes from the messages file itself.
const i18n = browser.i18n as unknown as { getMessage(name: string, substitutions?: string[]): string };

/**
 * Texts already looked up. The popup renders several per account row, every second, for up to
 * hundreds of accounts; getMessage crosses into the browser each time (~5 µs), and a page's
 * language does not change while it is open.
 */
const looked = new Map<string, string>();
const MAX_REMEMBERED = 5_000;

/** The text of `key` in the browser's language (English when there is no translation). */
export function t<K extends MessageKey>(key: K, ...[substitutions]: SubstitutionsFor<K>): string {
  return lookUp(key, substitutions === undefined ? undefined : [substitutions].flat().map(String));
}

function lookUp(key: MessageKey, list: string[] | undefined): string {
  const lookup = list ? `${key}\u0000${list.join('\u0000')}` : key;
  let text = looked.get(lookup);
  if (text === undefined) {
    // An empty answer means the key is missing from the built locales: show the key, not nothing.
    text = i18n.getMessage(key, list) || key;
    if (looked.size < MAX_REMEMBERED) looked.set(lookup, text);
  }
  return text;
}

/** The language the pages are shown in: the locale whose messages the browser picked. */
export function uiLanguage(): string {
  return t('lang');
}

/** A number as people of the page's language write it (1,000,000 / 1.000.000). */
export function formatNumber(value: number): string {
  return value.toLocaleString(uiLanguage());
}

/** Sets the document's language and title, for screen readers and the tab strip. */
export function localizeDocument(title: string, doc: Document = document): void {
  doc.documentElement.lang = uiLanguage();
  doc.title = title;
}

/**
 * Words for lib/formats/describe.ts and plurals: the same lookup as `t`, keyed loosely because
 * describe.ts picks keys by problem code. (Import and export problems arrive as codes.)
 */
export const pageWords: Words = {
  get lang() {
    return uiLanguage();
  },
  t: (key, substitutions) => lookUp(key, substitutions?.map(String)),
};

/**
 * The plural form of `key` for `count` (Intl.PluralRules of the page's language): the
 * messages `key_one` and `key_other`. `substitutions` default to the count.
 */
export function tp(key: PluralKey, count: number, substitutions?: readonly (string | number)[]): string {
  return plural(pageWords, key, count, substitutions);
}
