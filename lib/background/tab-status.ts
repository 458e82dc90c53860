import type { TabStatus, TabStatusEvent } from '../messages';
import type { BackgroundContext, BadgeState } from './context';
import { tabStatusHistoryItem, tabStatusItem, updateItem } from './storage';

/** Enough for every prompt of a test run between two reads (the helper reads ten times a second). */
export const TAB_STATUS_HISTORY_LIMIT = 200;

function badgeFor(status: TabStatus): BadgeState {
  switch (status.state) {
    case 'waiting-unlock':
      return 'waiting';
    case 'waiting-next-period':
      return 'next-period';
    case 'filled':
      return 'filled';
    case 'no-match':
    case 'wrong-code':
    case 'stopped':
    case 'lease-unavailable':
      return 'attention';
    default:
      return null;
  }
}

export async function setTabStatus(ctx: BackgroundContext, tabId: number, status: TabStatus): Promise<void> {
  await updateItem(tabStatusItem, (all) => ({ value: { ...all, [tabId]: status }, result: undefined }));
  await appendToHistory(tabId, status);
  await ctx.setBadge(tabId, badgeFor(status));
}

function appendToHistory(tabId: number, status: TabStatus): Promise<void> {
  return updateItem(tabStatusHistoryItem, (history) => {
    const seq = (history[history.length - 1]?.seq ?? 0) + 1;
    const entry: TabStatusEvent = { seq, tabId, status };
    return { value: [...history, entry].slice(-TAB_STATUS_HISTORY_LIMIT), result: undefined };
  });
}

export async function getTabStatus(tabId: number): Promise<TabStatus | null> {
  return (await tabStatusItem.getValue())[tabId] ?? null;
}

export function forgetTab(tabId: number): Promise<void> {
  return updateItem(tabStatusItem, (all) => {
    if (!(tabId in all)) return { value: all, result: undefined };
    const { [tabId]: _gone, ...rest } = all;
    return { value: rest, result: undefined };
  });
}

export async function tabsWaitingForUnlock(): Promise<number[]> {
  const all = await tabStatusItem.getValue();
  return Object.entries(all)
    .filter(([, status]) => status.state === 'waiting-unlock')
    .map(([tabId]) => Number(tabId));
}
