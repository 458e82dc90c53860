import { browser } from 'wxt/browser';

interface CommandsWithSettings {
  /** Firefox 137+: opens about:addons at the extension's shortcuts. */
  openShortcutSettings?: () => Promise<void>;
}

/** Where people change an extension's shortcuts; Edge redirects chrome:// to edge://. */
export async function openShortcutSettings(): Promise<void> {
  const { openShortcutSettings } = browser.commands as unknown as CommandsWithSettings;
  if (openShortcutSettings) await openShortcutSettings();
  else await browser.tabs.create({ url: 'chrome://extensions/shortcuts' });
}

/** The browser's shortcut for each command name, as set now ('' when unset). */
export async function browserShortcuts(): Promise<Record<string, string>> {
  const commands = await browser.commands.getAll();
  return Object.fromEntries(commands.map((c) => [c.name ?? '', c.shortcut ?? '']));
}
