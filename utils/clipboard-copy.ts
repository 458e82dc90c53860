/**
 * Puts `text` on the clipboard from an extension page the person just clicked in (the popup,
 * the options page): the click is the user activation the Clipboard API asks for. Rejects when
 * the browser refuses; the caller says so in its own words.
 */
export async function copyText(text: string): Promise<void> {
  await navigator.clipboard.writeText(text);
}
