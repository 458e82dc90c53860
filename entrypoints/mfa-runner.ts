/**
 * The content script's second stage, the runner (lib/content/autofill.ts): run by the background
 * in the top frame of a sign-in tab when the first stage (entrypoints/mfa.ts) saw something it
 * might act on (docs/ARCHITECTURE.md, 'Content script'). A plain unlisted script like the first
 * stage: nothing is posted to the page. One runner per document, however often it is injected.
 */
import { startAutofill } from '@/lib/content/autofill';
import { claimRunner } from '@/lib/content/runner-marker';
import { extensionRuntime } from '@/lib/content/runtime';

export default defineUnlistedScript(() => {
  const runtime = extensionRuntime();
  if (!runtime || !claimRunner()) return;
  startAutofill({
    send: (request) => runtime.sendMessage(request),
    onCommand: (listener) => runtime.onCommand(listener),
  });
});
