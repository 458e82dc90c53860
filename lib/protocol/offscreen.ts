/** Background → Chrome's offscreen document: empty the clipboard after `delayMs`. */
export type ClearClipboardCommand = { type: 'offscreen:clear-clipboard'; delayMs: number };

export function isClearClipboardCommand(message: unknown): message is ClearClipboardCommand {
  const m = message as ClearClipboardCommand;
  return typeof m === 'object' && m !== null && m.type === 'offscreen:clear-clipboard' && Number.isFinite(m.delayMs);
}
