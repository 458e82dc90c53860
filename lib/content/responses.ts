/**
 * What comes back over runtime messaging is checked, not assumed from the types: sendMessage
 * resolves to undefined when nothing answered (say, after the extension was updated), and a
 * refusal from the router has no `status` at all. Kept tiny: it ships in the content script.
 */
import type { ContentCommand } from '../protocol/content';

/** The `status` of an answer, or null when it has none. */
export function statusOf(value: unknown): string | null {
  const status = (value as { status?: unknown } | null | undefined)?.status;
  return typeof status === 'string' ? status : null;
}

export function isContentCommand(message: unknown): message is ContentCommand {
  const type = (message as { type?: unknown } | null | undefined)?.type;
  return type === 'bg:vault-unlocked' || type === 'bg:fill-now';
}
