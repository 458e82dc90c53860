import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ContentCommand } from '../messages';
import { FILL_COMMAND_WINDOW_MS, fillCodeInTab, sawFillCommand } from './commands';
import { testContext } from './context.testing';

const NOW = 1_700_000_000_000;

describe('fillCodeInTab (keyboard command "Fill verification code")', () => {
  beforeEach(() => fakeBrowser.reset());

  it.each([
    [{ id: 4, url: 'https://login.microsoftonline.com/common/SAS/ProcessAuth' }, true],
    [{ id: 4, url: 'https://login.live.com/ppsecure/post.srf' }, true],
    [{ id: 4, url: 'https://login.microsoftonline.com.example.net/' }, false],
    [{ id: 4, url: 'http://login.microsoftonline.com/' }, false],
    [{ id: 4, url: undefined }, false],
    [{ url: 'https://login.microsoftonline.com/' }, false],
    [undefined, false],
  ])('tab %j is told to fill, and the background notes it saw the command: %s', async (tab, expected) => {
    const told: [number, ContentCommand][] = [];
    const ctx = testContext(() => NOW, { notifyTab: async (id, c) => void told.push([id, c]) });
    expect(await fillCodeInTab(ctx, tab)).toBe(expected);
    expect(told).toEqual(expected ? [[4, { type: 'bg:fill-now' }]] : []);
    expect(await sawFillCommand(4, NOW)).toBe(expected);
    expect(await sawFillCommand(4, NOW + FILL_COMMAND_WINDOW_MS + 1)).toBe(false);
  });
});
