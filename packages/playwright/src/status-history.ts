/**
 * Reads the background's status history (lib/background/tab-status.ts) from Node, by
 * evaluating in the extension's service worker. The history lives in storage.session, so it
 * outlives a restart of the worker; a read that finds no worker running simply tries again.
 *
 * The helper reads ten times a second: as recorded steps those reads would bury the test's own
 * steps in its trace, so they run as Playwright's internal calls where Playwright has them.
 */
import type { Worker } from '@playwright/test';
import type { TabStatusEvent } from './extension-protocol.js';
import { internally } from './internal-call.js';

/** chrome.storage.session key of lib/background/storage.ts's tabStatusHistoryItem ('session:tabStatusHistory'). */
export const HISTORY_KEY = 'tabStatusHistory';

export interface HistoryRead {
  entries: TabStatusEvent[];
  /** Tab id → its address now, when the extension may see it (sign-in hosts). */
  urls: Record<number, string | null>;
}

interface WorkerGlobals {
  chrome: {
    storage: { session: { get(key: string): Promise<Record<string, unknown>> } };
    tabs: { get(tabId: number): Promise<{ url?: string }> };
  };
}

/** Entries after `afterSeq`, or null when the worker could not be asked right now. */
export async function readHistory(worker: Worker | undefined, afterSeq: number): Promise<HistoryRead | null> {
  if (!worker) return null;
  try {
    return await internally(worker, () =>
      worker.evaluate(
        async ({ key, after }) => {
          const { chrome } = globalThis as unknown as WorkerGlobals;
          const stored = (await chrome.storage.session.get(key))[key];
          const entries = (Array.isArray(stored) ? stored : []).filter(
            (e: { seq?: unknown }) => typeof e?.seq === 'number' && e.seq > after,
          ) as TabStatusEvent[];
          const urls: Record<number, string | null> = {};
          for (const { tabId } of entries) {
            if (tabId in urls) continue;
            urls[tabId] = await chrome.tabs.get(tabId).then(
              (tab) => tab.url ?? null,
              () => null,
            );
          }
          return { entries, urls };
        },
        { key: HISTORY_KEY, after: afterSeq },
      ),
    );
  } catch {
    // The worker was stopped between finding it and asking it: the next read finds the new one.
    return null;
  }
}
