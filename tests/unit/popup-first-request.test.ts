import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { FIRST_SCREEN_REQUEST, takeFirstScreen } from '@/utils/first-screen';

const EARLY_SCRIPT = readFileSync('public/popup-first-request.js', 'utf8');

/** Runs the page's early script with a messaging API that records what it sends and answers `reply`. */
function runEarlyScript(answer: (message: unknown) => Promise<unknown>) {
  const sent: unknown[] = [];
  const scope: Record<string, unknown> = {
    chrome: {
      runtime: {
        sendMessage: (message: unknown) => {
          sent.push(message);
          return answer(message);
        },
      },
    },
  };
  scope.globalThis = scope;
  runInNewContext(EARLY_SCRIPT, scope);
  return { sent, pending: scope.mfaFirstScreen as Promise<unknown> };
}

afterEach(() => {
  delete (globalThis as { mfaFirstScreen?: unknown }).mfaFirstScreen;
  fakeBrowser.reset();
});

describe("the popup's first request", () => {
  it('the early script in popup.html sends exactly the request the app expects the reply to', async () => {
    const { sent, pending } = runEarlyScript(async () => ({ ok: true, accounts: [], total: 0 }));
    // Compared as JSON: the script's object comes from another realm.
    expect(JSON.parse(JSON.stringify(sent))).toEqual([FIRST_SCREEN_REQUEST]);
    expect(JSON.parse(JSON.stringify(await pending))).toEqual({ reply: { ok: true, accounts: [], total: 0 } });
  });

  it('a background that does not answer is a settled value, not a rejection nobody handles yet', async () => {
    const { pending } = runEarlyScript(() => Promise.reject(new Error('Receiving end does not exist.')));
    const settled = (await pending) as { error: Error };
    expect(String(settled.error)).toContain('Receiving end does not exist');
  });

  it('the app takes the early reply once; without one it sends the request itself', async () => {
    const early = Promise.resolve({ reply: { ok: true, accounts: [], total: 7 } });
    (globalThis as { mfaFirstScreen?: unknown }).mfaFirstScreen = early;
    expect(takeFirstScreen()).toBe(early);

    const received: unknown[] = [];
    fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
      received.push(message);
      return Promise.resolve({ ok: true, accounts: [], total: 0 });
    });
    expect(await takeFirstScreen()).toEqual({ reply: { ok: true, accounts: [], total: 0 } });
    expect(received).toEqual([FIRST_SCREEN_REQUEST]);
  });
});
