import { browser } from 'wxt/browser';
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

/** The text of `key` in the browser's language (English when there is no translation). */
export function t<K extends MessageKey>(key: K, ...[substitutions]: SubstitutionsFor<K>): string {
  const list = substitutions === undefined ? undefined : [substitutions].flat().map(String);
  // An empty answer means the key is missing from the built locales: show the key, not nothing.
  return i18n.getMessage(key, list) || key;
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
