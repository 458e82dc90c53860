/**
 * The redacted screen report of a prompt the helper gave up on, attached to the failed test as
 * `screen-report.json` beside its screenshot (the extension's README.md, 'When a sign-in stops:
 * send a screen report').
 * It is made by the extension's own report script (`screen-report.js` in the packaged
 * extension), run from its service worker in the top frame of the prompt's tab, in the
 * extension's isolated world: the tab is the one the event names (no guessing by address), and
 * the page's own scripts cannot see or change the run. The report holds structure only, never
 * an account, a code or a value (docs/SECURITY.md, 'Screen reports'), so it may sit in a trace
 * or a CI artifact; it is read as Playwright's internal call all the same, to keep the test's
 * own steps in view.
 */
import type { TestInfo, Worker } from '@playwright/test';
import { checkedScreenReport, isSigninUrl } from '#extension-shared';
import type { TabStatus } from './extension-protocol.js';
import { internally } from './internal-call.js';

export const SCREEN_REPORT_ATTACHMENT = 'screen-report.json';
/** The script's path in the extension (entrypoints/screen-report.ts). */
const SCREEN_REPORT_SCRIPT = '/screen-report.js';

interface WorkerGlobals {
  chrome: {
    scripting: {
      executeScript(injection: {
        target: { tabId: number; frameIds: number[] };
        files: string[];
      }): Promise<{ result?: unknown }[]>;
    };
  };
}

/** The report of tab `tabId` as JSON text, with the status that asked for it; null when it could not be made. */
export async function screenReportOfTab(
  worker: Worker | undefined,
  tabId: number,
  status: TabStatus,
): Promise<string | null> {
  if (!worker) return null;
  try {
    const report = await internally(worker, () =>
      worker.evaluate(
        async ({ id, file }) => {
          const { chrome } = globalThis as unknown as WorkerGlobals;
          const [top] = await chrome.scripting.executeScript({ target: { tabId: id, frameIds: [0] }, files: [file] });
          return top?.result ?? null;
        },
        { id: tabId, file: SCREEN_REPORT_SCRIPT },
      ),
    );
    return screenReportJson(report, status);
  } catch {
    // The tab closed or navigated meanwhile: the screenshot still tells what was there.
    return null;
  }
}

/**
 * What the report script returned, as the attachment's JSON: checked and redacted again by the
 * extension's own check (lib/signin/screen-report-check.ts, as the popup's "Copy screen report"
 * does), since the page's renderer could be compromised and return anything; null for anything
 * that is not a report of a sign-in page (the tab may also have moved on to another site).
 */
export function screenReportJson(answer: unknown, status: TabStatus): string | null {
  const report = checkedScreenReport(answer);
  if (!report || !isSigninUrl(report.url)) return null;
  // State and reason codes only: never the account a no-match names.
  const codes = status.state === 'not-totp' ? { state: status.state, reason: status.reason } : { state: status.state };
  return `${JSON.stringify({ ...report, status: codes }, null, 2)}\n`;
}

/** Attaches each report beside its screenshot: `screen-report.json`, then `screen-report-2.json`, … */
export async function attachScreenReports(
  testInfo: TestInfo,
  shots: readonly { screenReport?: string | null }[],
): Promise<void> {
  let attached = 0;
  for (const shot of shots) {
    if (!shot.screenReport) continue;
    attached++;
    const name = attached === 1 ? SCREEN_REPORT_ATTACHMENT : `screen-report-${attached}.json`;
    await testInfo.attach(name, { body: shot.screenReport, contentType: 'application/json' });
  }
}
