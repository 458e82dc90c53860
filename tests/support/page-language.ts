import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { wordsFrom } from '../../lib/formats/words';

/**
 * Makes the fake browser's message lookup answer from a real `_locales` file in `lang`, and
 * forgets the modules loaded so far: a page module imported next (`await import(...)`) reads its
 * words from that locale, as it would in a browser set to that language.
 */
export function speakIn(messages: Parameters<typeof wordsFrom>[0], lang: string): void {
  const words = wordsFrom(messages, lang);
  (fakeBrowser.i18n as unknown as { getMessage: (k: string, s?: string[]) => string }).getMessage = (key, subs) =>
    words.t(key as never, subs ?? []);
  vi.resetModules();
}
