/**
 * "Copy screen report": the background runs the report script (entrypoints/screen-report.ts,
 * never part of the content script) in the top frame of a sign-in tab, only when an extension
 * page asks (the sender is checked first, router.ts), and checks what comes back: a page's
 * renderer could be compromised and return anything, so its answer is data, redacted again
 * (lib/signin/screen-report-check.ts) before a page sees it. docs/SECURITY.md, 'Screen reports'.
 */
import { browser } from 'wxt/browser';
import type { TabStatus } from '../messages';
import { fail, failBecause } from '../problems';
import { type ScreenReportReplies, screenReportRequests } from '../protocol/screen-report';
import { isSigninUrl } from '../signin/hosts';
import { checkedScreenReport } from '../signin/screen-report-check';
import type { ScreenReport } from '../signin/screen-report-types';
import { pageArea } from './page-area';
import { getTabStatus } from './tab-status';

/** The report script in every build (WXT names an unlisted script's output after its entry). */
export const SCREEN_REPORT_SCRIPT = '/screen-report.js';

/** The two things the handler needs from the browser, passed in so the rules can be tested. */
export interface TabScripting {
  /** The tab's address, undefined when the extension may not see it (a host it has no access to). */
  urlOf(tabId: number): Promise<string | undefined>;
  /** Runs the report script in the tab's top frame and gives back what it returned. */
  runReportScript(tabId: number): Promise<unknown>;
}

export const browserTabScripting: TabScripting = {
  async urlOf(tabId) {
    return (await browser.tabs.get(tabId).catch(() => undefined))?.url;
  },
  async runReportScript(tabId) {
    const [top] = await browser.scripting.executeScript({
      target: { tabId, frameIds: [0] },
      files: [SCREEN_REPORT_SCRIPT],
    });
    return top?.result;
  },
};

/** State and reason codes only: never the account a `no-match` names. */
function reportedStatus(status: TabStatus): ScreenReport['status'] {
  return status.state === 'not-totp' ? { state: status.state, reason: status.reason } : { state: status.state };
}

export async function screenReportOfTab(
  tabId: number,
  scripting: TabScripting,
): Promise<ScreenReportReplies['tab:screen-report']> {
  // Exact sign-in hosts over https only, as for filling (lib/signin/hosts.ts).
  if (!isSigninUrl(await scripting.urlOf(tabId))) return fail('problemNotSigninTab');
  let answer: unknown;
  try {
    answer = await scripting.runReportScript(tabId);
  } catch (error) {
    return failBecause('problemScreenReportFailed', error);
  }
  const report = checkedScreenReport(answer);
  if (!report) return fail('problemScreenReportFailed');
  // The tab may have gone to another page between the two steps: its report is not sent.
  if (!isSigninUrl(report.url)) return fail('problemNotSigninTab');
  const status = await getTabStatus(tabId);
  return { ok: true, report: status ? { ...report, status: reportedStatus(status) } : report };
}

export const screenReportArea = pageArea<typeof screenReportRequests, ScreenReportReplies>(screenReportRequests, {
  async 'tab:screen-report'(request) {
    return screenReportOfTab(request.tabId, browserTabScripting);
  },
});
