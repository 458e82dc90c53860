/**
 * The QA helper (packages/playwright) ships on its own, so it writes out the part of the message
 * protocol it reads (extension-protocol.ts). This file stops compiling (`tsc --noEmit`) when the
 * extension's types and the helper's drift apart; the test below keeps the storage key in step.
 */
import { describe, expect, it } from 'vitest';
import type { SubmitOverride } from '../../../../lib/accounts';
import { tabStatusHistoryItem } from '../../../../lib/background/storage';
import type { ImportContent, TabStatus, TabStatusEvent } from '../../../../lib/messages';
import type { Settings } from '../../../../lib/settings';
import type { ScreenSummary } from '../../../../lib/signin/screen-summary';
import type * as helper from '../../src/extension-protocol';
import { HISTORY_KEY } from '../../src/status-history';

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const agree = <T extends true>(_: T) => undefined;

agree<Same<helper.TabStatus, TabStatus>>(true);
agree<Same<helper.TabStatusEvent, TabStatusEvent>>(true);
agree<Same<helper.ImportContent, ImportContent>>(true);
agree<Same<helper.SubmitOverride, SubmitOverride>>(true);
agree<Same<helper.ScreenSummary, ScreenSummary>>(true);
// The settings the helper sets exist, with the same types.
agree<Same<helper.HelperSettings, Pick<Settings, keyof helper.HelperSettings>>>(true);

describe('the QA helper and the extension', () => {
  it('read the status history from the same storage key', () => {
    expect(tabStatusHistoryItem.key).toBe(`session:${HISTORY_KEY}`);
  });
});
