import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROBLEM_ENGLISH } from '../../lib/problems';

// The pages' text lives in public/_locales/<locale>/messages.json (browser.i18n, through
// utils/i18n.ts `t(key, substitutions)`); English is the manifest's default_locale.

interface Message {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}
type Messages = Record<string, Message>;

const LOCALES_DIR = 'public/_locales';
const DEFAULT_LOCALE = 'en';
const locales = readdirSync(LOCALES_DIR).filter((name) => statSync(join(LOCALES_DIR, name)).isDirectory());
const messagesOf = (locale: string): Messages =>
  JSON.parse(readFileSync(join(LOCALES_DIR, locale, 'messages.json'), 'utf8'));
const english = messagesOf(DEFAULT_LOCALE);
const others = locales.filter((l) => l !== DEFAULT_LOCALE);

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourcesUnder(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}
// lib/formats words import and export problems for the pages (describe.ts, through utils/i18n.ts).
const sources = ['components', 'utils', 'entrypoints', 'hooks', 'lib/formats'].flatMap(sourcesUnder).map((path) => ({
  path,
  text: readFileSync(path, 'utf8'),
}));
/** Every `t('key'…)` in the pages' code; keys are always literals, so a grep finds them all. */
const keysUsedInCode = new Set(
  sources.flatMap(({ text }) => [
    ...[...text.matchAll(/\bt\(\s*'([^']+)'/g)].map((m) => m[1] as string),
    // Plurals: `plural(words, 'key', count)` / `tp('key', count)` use `key_one` and `key_other`.
    ...[...text.matchAll(/\b(?:plural\(\s*\w+,|tp\()\s*'([^']+)'/g)].flatMap((m) => [`${m[1]}_one`, `${m[1]}_other`]),
  ]),
);
/** Problems the background reports as locale keys (lib/problems.ts); the pages translate them. */
for (const key of Object.keys(PROBLEM_ENGLISH)) keysUsedInCode.add(key);
/** `__MSG_key__` in the manifest (wxt.config.ts). */
const keysUsedInManifest = new Set(
  [...readFileSync('wxt.config.ts', 'utf8').matchAll(/__MSG_(\w+)__/g)].map((m) => m[1] as string),
);

/** Placeholder names (lower case: browsers match them case-insensitively) with their content. */
function placeholdersOf(message: Message): Record<string, string> {
  return Object.fromEntries(
    Object.entries(message.placeholders ?? {})
      .map(([name, p]) => [name.toLowerCase(), p.content] as const)
      .sort(([a], [b]) => a.localeCompare(b)),
  );
}
/** The $name$ references in a message's text. */
function referencesIn(text: string): string[] {
  return [...new Set([...text.matchAll(/\$([a-z0-9_@]+)\$/gi)].map((m) => (m[1] as string).toLowerCase()))].sort();
}

describe('locales', () => {
  it('has English and German', () => {
    expect(locales).toEqual(expect.arrayContaining(['en', 'de']));
  });

  it('finds the t() calls of the pages', () => {
    expect(keysUsedInCode.size).toBeGreaterThan(100);
    expect(keysUsedInManifest).toEqual(new Set(['extName', 'extDescription', 'commandFillCode']));
  });

  it('has every key the code uses in English', () => {
    const missing = [...keysUsedInCode, ...keysUsedInManifest].filter((key) => !(key in english));
    expect(missing).toEqual([]);
  });

  it('has no English key that nothing uses', () => {
    const unused = Object.keys(english).filter((key) => !keysUsedInCode.has(key) && !keysUsedInManifest.has(key));
    expect(unused).toEqual([]);
  });

  it('words each sentence once: no two keys hold the same English sentence', () => {
    // A failure worded under two keys drifts apart between languages (docs/ARCHITECTURE.md,
    // 'Problems and words'); labels such as "Unlock" may repeat, sentences may not.
    const byText = new Map<string, string[]>();
    for (const [key, message] of Object.entries(english)) {
      const text = (message as Message).message.replace(/\$[A-Za-z0-9_]+\$/g, '$');
      if (/[.?!]$/.test(text.trim())) byText.set(text, [...(byText.get(text) ?? []), key]);
    }
    expect([...byText.values()].filter((keys) => keys.length > 1)).toEqual([]);
  });

  it('names keys as browsers allow, without two that differ only in case', () => {
    const keys = Object.keys(english);
    expect(keys.filter((key) => !/^[A-Za-z0-9_]+$/.test(key))).toEqual([]);
    const lower = keys.map((key) => key.toLowerCase());
    expect(lower.filter((key, i) => lower.indexOf(key) !== i)).toEqual([]);
  });

  it('passes every t() call the substitutions its message has placeholders for', () => {
    const calls = sources.flatMap(({ path, text }) =>
      [...text.matchAll(/\bt\(\s*'([^']+)'(\s*,)?/g)].map((m) => ({ path, key: m[1] as string, withArgs: !!m[2] })),
    );
    const wrong = calls.filter(
      ({ key, withArgs }) =>
        key in english && withArgs !== Object.keys(placeholdersOf(english[key] as Message)).length > 0,
    );
    expect(wrong.map(({ path, key }) => `${path}: ${key}`)).toEqual([]);
  });

  it("says in English exactly what the background's problems say in English (lib/problems.ts)", () => {
    const differing = Object.entries(PROBLEM_ENGLISH).filter(([key, text]) => {
      const message = english[key];
      if (!message) return true;
      // $NAME$ → its content ($1, $2…), the form lib/problems.ts writes.
      const resolved = Object.entries(placeholdersOf(message)).reduce(
        (t, [name, content]) => t.replaceAll(new RegExp(`\\$${name}\\$`, 'gi'), content),
        message.message,
      );
      return resolved !== text;
    });
    expect(differing.map(([key]) => key)).toEqual([]);
  });

  describe.each(locales)('%s', (locale) => {
    const messages = messagesOf(locale);

    it('gives every message a text', () => {
      const empty = Object.entries(messages).filter(
        ([, m]) => typeof m.message !== 'string' || m.message.trim() === '',
      );
      expect(empty.map(([key]) => key)).toEqual([]);
    });

    it('uses exactly the placeholders it defines, numbered $1, $2, … in order', () => {
      const problems = Object.entries(messages).flatMap(([key, m]) => {
        const defined = placeholdersOf(m);
        const found: string[] = [];
        if (JSON.stringify(referencesIn(m.message)) !== JSON.stringify(Object.keys(defined).sort())) {
          found.push(`${key}: the text refers to ${referencesIn(m.message)}, defines ${Object.keys(defined)}`);
        }
        const contents = Object.values(defined).sort();
        if (JSON.stringify(contents) !== JSON.stringify(contents.map((_, i) => `$${i + 1}`))) {
          found.push(`${key}: placeholder contents ${contents}`);
        }
        return found;
      });
      expect(problems).toEqual([]);
    });
  });

  describe.each(others)('%s compared with English', (locale) => {
    const messages = messagesOf(locale);

    it('has every English key', () => {
      expect(Object.keys(english).filter((key) => !(key in messages))).toEqual([]);
    });

    it('has no key English does not have', () => {
      expect(Object.keys(messages).filter((key) => !(key in english))).toEqual([]);
    });

    it('has the same placeholders as English, filled from the same substitutions', () => {
      const differing = Object.keys(english)
        .filter((key) => key in messages)
        .filter(
          (key) =>
            JSON.stringify(placeholdersOf(english[key] as Message)) !==
            JSON.stringify(placeholdersOf(messages[key] as Message)),
        );
      expect(differing).toEqual([]);
    });

    it('is a translation, not a copy, of the longer English texts', () => {
      // Short ones (Code, Format, Tab, MFA Autofill) may well be the same word in both.
      const words = (text = '') => text.replace(/\$\w+\$/g, '');
      const copied = Object.entries(english).filter(
        ([key, m]) => words(m.message).length > 20 && m.message === messages[key]?.message,
      );
      expect(copied.map(([key]) => key)).toEqual([]);
    });
  });
});
