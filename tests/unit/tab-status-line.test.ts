import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { TabStatus } from '../../lib/messages';
import de from '../../public/_locales/de/messages.json';
import en from '../../public/_locales/en/messages.json';
import { speakIn } from '../support/page-language';

/**
 * The popup's line for a prompt waiting for the next code period (components/TabStatusLine.tsx),
 * over the real _locales behind the fake browser: the account, why, and when the wait ends, as a
 * time of day (a line that counted down would be read out every second).
 */
async function popupIn(messages: typeof en, lang: string) {
  speakIn(messages, lang);
  return import('../../components/TabStatusLine');
}

const ACCOUNT = 'adele.vance@contoso.onmicrosoft.com';
const UNTIL = Date.UTC(2026, 11, 4, 9, 30, 30);
const waiting = (reason: 'code-used' | 'too-late'): TabStatus => ({
  state: 'waiting-next-period',
  account: ACCOUNT,
  until: UNTIL,
  reason,
  at: UNTIL - 12_000,
});
const endsAt = new Date(UNTIL).toLocaleTimeString(undefined, { timeStyle: 'medium' });

describe('the popup says a wait for the next code period', () => {
  beforeEach(() => fakeBrowser.reset());

  it.each([
    ['code-used', 'already used in this browser'],
    ['too-late', 'under 3 seconds left'],
  ] as const)('in English: %s', async (reason, why) => {
    const { describeTabStatus } = await popupIn(en, 'en');
    const text = describeTabStatus(waiting(reason));
    expect(text).toContain(ACCOUNT);
    expect(text).toContain(endsAt);
    expect(text).toContain(why);
  });

  it.each([
    ['code-used', 'schon verwendet'],
    ['too-late', 'weniger als 3 Sekunden'],
  ] as const)('in German: %s', async (reason, why) => {
    const { describeTabStatus } = await popupIn(de as typeof en, 'de');
    const text = describeTabStatus(waiting(reason));
    expect(text).toContain(ACCOUNT);
    expect(text).toContain(endsAt);
    expect(text).toContain(why);
  });
});
