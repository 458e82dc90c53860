/**
 * The content script on the Microsoft sign-in hosts, as a plain script without WXT's content-script
 * runtime: that runtime posts `<extension id>:mfa:wxt:content-script-started` to the page and stops
 * the script on a document event any page script can dispatch (docs/ARCHITECTURE.md, 'Security
 * notes from review'). Here nothing is posted to the page and no page event is listened for to
 * stop. wxt.config.ts lists this file in the manifest's content_scripts (top frame, document_idle).
 *
 * It is the first stage only (lib/content/stage-one.ts): once the page shows something the runner
 * might act on, the background runs the runner (entrypoints/mfa-runner.ts) beside it
 * (docs/ARCHITECTURE.md, 'Content script').
 */
import { startStageOne } from '@/lib/content/stage-one';

interface RuntimeGlobal {
  runtime?: { id?: string; sendMessage(message: unknown): Promise<unknown> };
}

export default defineUnlistedScript(() => {
  // The browser's own global, no polyfill (lib/content/runtime.ts says why).
  const globals = globalThis as { browser?: RuntimeGlobal; chrome?: RuntimeGlobal };
  const runtime = globals.browser?.runtime ?? globals.chrome?.runtime;
  if (!runtime?.id) return;
  startStageOne({
    async startRunner() {
      const reply = await runtime.sendMessage({ type: 'content:start-runner' });
      return (reply as { status?: unknown } | undefined)?.status === 'started';
    },
  });
});
