import { browser } from 'wxt/browser';
import { isClearClipboardCommand } from '@/lib/messages';
import { clearClipboardIn, clipboardClearTimer } from '@/utils/clipboard-clear';

// Chrome's offscreen document (reason CLIPBOARD): the service worker has no DOM to clear the
// clipboard with. It only takes orders from this extension's background.
const scheduleClear = clipboardClearTimer(() => clearClipboardIn(document));

browser.runtime.onMessage.addListener((message, sender) => {
  if (sender.id !== browser.runtime.id || sender.tab !== undefined) return undefined;
  if (!isClearClipboardCommand(message)) return undefined;
  scheduleClear(message.delayMs);
  return Promise.resolve({ ok: true });
});
