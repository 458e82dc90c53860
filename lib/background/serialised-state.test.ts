import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { randomSecret } from '../../tests/support/oathtool';
import type { BackgroundContext } from './context';
import {
  TEST_PASSPHRASE as PASSPHRASE,
  POPUP_SENDER as POPUP,
  SELF as self,
  signinTabSender as tab,
  testContext,
} from './context.testing';
import { routeMessage } from './router';
import { codeLedgerItem, tabStatusItem } from './storage';
import { getTabStatus, setTabStatus } from './tab-status';

// Read-modify-writes of session state that two tabs can trigger at once.

const NOW = 1_700_000_010_000; // 10 s into a 30 s period

let ctx: BackgroundContext;
beforeEach(async () => {
  fakeBrowser.reset();
  ctx = testContext(() => NOW);
  await routeMessage({ type: 'vault:create', passphrase: PASSPHRASE, confirmation: PASSPHRASE }, POPUP, self, ctx);
});

async function add(name: string) {
  await routeMessage({ type: 'accounts:add', input: { name, secret: randomSecret() } }, POPUP, self, ctx);
}
const askCode = (tabId: number, pageAccount: string) =>
  routeMessage({ type: 'content:code', pageAccount, retry: false, manual: false }, tab(tabId), self, ctx);

/** Real storage answers after a round trip to the browser process; fakeBrowser at once. */
function slowReads(item: { getValue: () => Promise<unknown> }) {
  const read = item.getValue.bind(item);
  vi.spyOn(item, 'getValue').mockImplementation(async () => {
    const value = await read();
    await new Promise((resolve) => setTimeout(resolve, 5));
    return value;
  });
}
afterEach(() => {
  vi.restoreAllMocks();
});

describe('fill counters', () => {
  beforeEach(() => slowReads(codeLedgerItem));

  it('six tabs asking for the same account at once: one gets the code, the others wait (a code is handed out once)', async () => {
    await add('qa@contoso.com');
    const replies = await Promise.all([1, 2, 3, 4, 5, 6].map((tabId) => askCode(tabId, 'qa@contoso.com')));
    expect(replies.filter((r) => (r as { status: string }).status === 'code')).toHaveLength(1);
  });

  it('six tabs filling six accounts at once: every use is recorded', async () => {
    const names = [1, 2, 3, 4, 5, 6].map((n) => `user${n}@contoso.com`);
    for (const name of names) await add(name);
    const replies = await Promise.all(names.map((name, i) => askCode(i + 1, name)));
    expect(replies.filter((r) => (r as { status: string }).status === 'code')).toHaveLength(6);
    expect(Object.keys(await codeLedgerItem.getValue())).toHaveLength(6);
  });
});

describe('tab status', () => {
  beforeEach(() => slowReads(tabStatusItem));

  it('statuses of two tabs set at once are both kept', async () => {
    await Promise.all([
      setTabStatus(ctx, 1, { state: 'disabled', at: NOW }),
      setTabStatus(ctx, 2, { state: 'waiting-unlock', at: NOW }),
      setTabStatus(ctx, 3, { state: 'no-match', pageAccount: null, at: NOW }),
    ]);
    expect(await getTabStatus(1)).toMatchObject({ state: 'disabled' });
    expect(await getTabStatus(2)).toMatchObject({ state: 'waiting-unlock' });
    expect(await getTabStatus(3)).toMatchObject({ state: 'no-match' });
  });
});
