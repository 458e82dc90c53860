import { describe, expect, it } from 'vitest';
import type { ContentCommand } from '../messages';
import { fillCodeInTab } from './commands';
import type { BackgroundContext } from './context';

describe('fillCodeInTab (keyboard command "Fill verification code")', () => {
  it.each([
    [{ id: 4, url: 'https://login.microsoftonline.com/common/SAS/ProcessAuth' }, true],
    [{ id: 4, url: 'https://login.live.com/ppsecure/post.srf' }, true],
    [{ id: 4, url: 'https://login.microsoftonline.com.example.net/' }, false],
    [{ id: 4, url: 'http://login.microsoftonline.com/' }, false],
    [{ id: 4, url: undefined }, false],
    [{ url: 'https://login.microsoftonline.com/' }, false],
    [undefined, false],
  ])('tab %j is told to fill: %s', async (tab, expected) => {
    const told: [number, ContentCommand][] = [];
    const ctx = { notifyTab: async (id: number, c: ContentCommand) => void told.push([id, c]) } as BackgroundContext;
    expect(await fillCodeInTab(ctx, tab)).toBe(expected);
    expect(told).toEqual(expected ? [[4, { type: 'bg:fill-now' }]] : []);
  });
});
