import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import de from '../../public/_locales/de/messages.json';
import en from '../../public/_locales/en/messages.json';
import { speakIn } from '../support/page-language';

/**
 * The pages' plural helper, `tp()` in utils/i18n.ts, over the browser's own message lookup
 * (here the real _locales behind the fake browser), in English and in German.
 */
async function pagesIn(messages: typeof en, lang: string) {
  speakIn(messages, lang);
  return import('../../utils/i18n');
}

describe('tp(): plurals in the pages', () => {
  beforeEach(() => fakeBrowser.reset());

  it('English: one account, 2 accounts', async () => {
    const { tp, uiLanguage } = await pagesIn(en, 'en');
    expect(uiLanguage()).toBe('en');
    expect(tp('importValidOnly', 1)).toBe('Import the 1 valid account');
    expect(tp('importValidOnly', 2)).toBe('Import the 2 valid accounts');
    expect(tp('savedPlainExport', 1, ['x.csv', 1])).toBe('Saved x.csv with 1 account.');
  });

  it('German: ein Konto, 2 Konten', async () => {
    const { tp, uiLanguage } = await pagesIn(de as typeof en, 'de');
    expect(uiLanguage()).toBe('de');
    expect(tp('importValidOnly', 1)).toBe('Das 1 gültige Konto importieren');
    expect(tp('importValidOnly', 2)).toBe('Die 2 gültigen Konten importieren');
    expect(tp('importValid', 0)).toBe('0 gültige Konten');
  });
});
