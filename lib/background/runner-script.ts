/**
 * The content script's second stage, the runner (entrypoints/mfa-runner.ts): the first stage asks
 * for it once its page shows something the runner might act on (`content:start-runner`, sender
 * checked in router.ts), and the background runs the file in that tab's top frame, in the
 * extension's isolated world beside the first stage (docs/ARCHITECTURE.md, 'Content script').
 */
import { browser } from 'wxt/browser';

/** The runner in every build (WXT names an unlisted script's output after its entry). */
export const RUNNER_SCRIPT = '/mfa-runner.js';

/** True once the runner script ran in the tab's top frame; false when the browser refused. */
export async function startRunnerInTab(tabId: number): Promise<boolean> {
  try {
    await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: [RUNNER_SCRIPT] });
    return true;
  } catch {
    // The tab went to a page the extension may not script, or closed: nothing to run in.
    return false;
  }
}
