import { browser } from 'wxt/browser';
import { startAutofill } from '@/lib/content/autofill';
import { isContentCommand } from '@/lib/content/responses';
import { SIGNIN_MATCH_PATTERNS } from '@/lib/signin/hosts';

export default defineContentScript({
  matches: [...SIGNIN_MATCH_PATTERNS],
  // Top frame only (DESIGN.md); startAutofill checks window.top as well.
  allFrames: false,
  // The pages render late anyway (knockout, body display:none): the controller's observer sees
  // the prompt appear, so running before the document is parsed would gain nothing.
  runAt: 'document_idle',
  main(ctx) {
    const controller = startAutofill({
      send: (request) => browser.runtime.sendMessage(request),
      onCommand(listener) {
        const forward = (message: unknown) => {
          if (isContentCommand(message)) listener(message);
        };
        browser.runtime.onMessage.addListener(forward);
        return () => browser.runtime.onMessage.removeListener(forward);
      },
    });
    // An updated or reloaded extension leaves this copy running without a background to talk to.
    if (controller) ctx.onInvalidated(controller.stop);
  },
});
