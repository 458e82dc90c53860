import type { TabStatus, TabStatusEvent } from '../messages';
import type { BackgroundContext, BadgeState } from './context';
import { tabStatusHistoryItem, tabStatusItem } from './storage';

/** Enough for every prompt of a test run between two reads (the helper reads ten times a second). */
export const TAB_STATUS_HISTORY_LIMIT = 200;

function badgeFor(status: TabStatus): BadgeState {
  switch (status.state) {
    case 'waiting-unlock':
      return 'waiting';
    case 'filled':
      return 'filled';
    case 'no-match':
    case 'wrong-code':
    case 'stopped':
      return 'attention';
    default:
      return null;
  }
}

export async function setTabStatus(ctx: BackgroundContext, tabId: number, status: TabStatus): Promise<void> {
  const all = await tabStatusItem.getValue();
  await tabStatusItem.setValue({ ...all, [tabId]: status });
  await appendToHistory(tabId, status);
  await ctx.setBadge(tabId, badgeFor(status));
}

/** Appends run one after another: two tabs reporting at once must not drop each other's entry. */
let historyWrites: Promise<void> = Promise.resolve();

function appendToHistory(tabId: number, status: TabStatus): Promise<void> {
  const append = historyWrites.then(async () => {
    const history = await tabStatusHistoryItem.getValue();
    const seq = (history[history.length - 1]?.seq ?? 0) + 1;
    const entry: TabStatusEvent = { seq, tabId, status };
    await tabStatusHistoryItem.setValue([...history, entry].slice(-TAB_STATUS_HISTORY_LIMIT));
  });
  // A failed write must not stop every later one.
  historyWrites = append.catch(() => undefined);
  return append;
}

export async function getTabStatus(tabId: number): Promise<TabStatus | null> {
  return (await tabStatusItem.getValue())[tabId] ?? null;
}

export async function forgetTab(tabId: number): Promise<void> {
  const all = await tabStatusItem.getValue();
  if (!(tabId in all)) return;
  const { [tabId]: _gone, ...rest } = all;
  await tabStatusItem.setValue(rest);
}

export async function tabsWaitingForUnlock(): Promise<number[]> {
  const all = await tabStatusItem.getValue();
  return Object.entries(all)
    .filter(([, status]) => status.state === 'waiting-unlock')
    .map(([tabId]) => Number(tabId));
}
