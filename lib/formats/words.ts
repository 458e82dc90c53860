import type messages from '../../public/_locales/en/messages.json';

/**
 * Words for problems and outcomes, from _locales. Pages pass the browser's lookup
 * (utils/i18n.ts); tests and the QA helper pass `wordsFrom(messages.json)`. Plurals
 * follow Intl.PluralRules: a key `foo` is written as `foo_one` and `foo_other` (English and
 * German need no more forms; any other form falls back to `_other`).
 */
export type MessageKey = keyof typeof messages;
export type Substitution = string | number;

export interface Words {
  /** BCP 47 language of the messages, for plural rules and lists. */
  lang: string;
  t(key: MessageKey, substitutions?: readonly Substitution[]): string;
}

/** Keys that have plural forms: `foo` for `foo_one` + `foo_other`. */
export type PluralKey = {
  [K in MessageKey]: K extends `${infer Base}_other` ? (`${Base}_one` extends MessageKey ? Base : never) : never;
}[MessageKey];

const pluralRules = new Map<string, Intl.PluralRules>();

/** The form of `key` for `count`; `substitutions` default to the count itself. */
export function plural(
  words: Words,
  key: PluralKey,
  count: number,
  substitutions: readonly Substitution[] = [count],
): string {
  let rules = pluralRules.get(words.lang);
  if (!rules) {
    rules = new Intl.PluralRules(words.lang);
    pluralRules.set(words.lang, rules);
  }
  const form = rules.select(count) === 'one' ? 'one' : 'other';
  return words.t(`${key}_${form}` as MessageKey, substitutions);
}

/** "1, 2 and 3" / "1, 2 und 3". */
export function list(words: Words, items: readonly (string | number)[]): string {
  return new Intl.ListFormat(words.lang, { type: 'conjunction' }).format(items.map(String));
}

interface MessageEntry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

/**
 * `chrome.i18n.getMessage` outside a browser: named placeholders ($COUNT$) become their
 * content ("$1"), then $1…$9 the substitutions; "$$" is a dollar sign.
 */
export function wordsFrom(source: Record<string, MessageEntry>, lang: string): Words {
  return {
    lang,
    t(key, substitutions = []) {
      const entry = source[key];
      if (!entry) return key;
      const named = entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => {
        const placeholder = Object.entries(entry.placeholders ?? {}).find(
          ([n]) => n.toLowerCase() === name.toLowerCase(),
        );
        return placeholder ? placeholder[1].content : whole;
      });
      return named.replace(/\$(\$|[1-9])/g, (_, which: string) =>
        which === '$' ? '$' : String(substitutions[Number(which) - 1] ?? ''),
      );
    },
  };
}
