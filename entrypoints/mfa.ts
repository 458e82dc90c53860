/**
 * The content script on the Microsoft sign-in hosts, as a plain script without WXT's content-script
 * runtime: that runtime posts `<extension id>:mfa:wxt:content-script-started` to the page and stops
 * the script on a document event any page script can dispatch (docs/ARCHITECTURE.md, 'Security
 * notes from review'). Here nothing is posted to the page and no page event is listened for to
 * stop. wxt.config.ts lists this file in the manifest's content_scripts (top frame, document_idle).
 */
import { startAutofill } from '@/lib/content/autofill';
import { extensionRuntime } from '@/lib/content/runtime';

export default defineUnlistedScript(() => {
  const runtime = extensionRuntime();
  if (!runtime) return;
  startAutofill({
    send: (request) => runtime.sendMessage(request),
    onCommand: (listener) => runtime.onCommand(listener),
  });
});
