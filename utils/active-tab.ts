import { browser } from 'wxt/browser';

/**
 * The tab the popup is about: the active tab of its window. When the popup page is itself open
 * in a tab (some people pin it; tests open it so), the active tab of another normal window.
 */
export async function tabThePopupActsOn(): Promise<{ id?: number; windowId?: number } | undefined> {
  const self = await browser.tabs.getCurrent();
  if (!self) return (await browser.tabs.query({ active: true, currentWindow: true }))[0];
  const windows = await browser.windows.getAll({ windowTypes: ['normal'], populate: true });
  const others = windows.filter((w) => w.id !== self.windowId);
  const window = others.find((w) => w.focused) ?? others[0];
  return window?.tabs?.find((t) => t.active);
}

/** A PNG image of what the tab the popup acts on shows (activeTab grants it after a click). */
export async function captureTabThePopupActsOn(): Promise<Blob> {
  const windowId = (await tabThePopupActsOn())?.windowId;
  const dataUrl =
    windowId === undefined
      ? await browser.tabs.captureVisibleTab({ format: 'png' })
      : await browser.tabs.captureVisibleTab(windowId, { format: 'png' });
  return await blobOfDataUrl(dataUrl);
}

/** The bytes a `data:` URL holds; fetch decodes one without reaching the network. */
async function blobOfDataUrl(dataUrl: string): Promise<Blob> {
  return await (await fetch(dataUrl)).blob();
}
