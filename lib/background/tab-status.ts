import type { TabStatus } from '../messages';
import type { BackgroundContext, BadgeState } from './context';
import { tabStatusItem } from './storage';

function badgeFor(status: TabStatus): BadgeState {
  switch (status.state) {
    case 'waiting-unlock':
      return 'waiting';
    case 'filled':
      return 'filled';
    case 'no-match':
    case 'wrong-code':
      return 'attention';
    default:
      return null;
  }
}

export async function setTabStatus(ctx: BackgroundContext, tabId: number, status: TabStatus): Promise<void> {
  const all = await tabStatusItem.getValue();
  await tabStatusItem.setValue({ ...all, [tabId]: status });
  await ctx.setBadge(tabId, badgeFor(status));
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
