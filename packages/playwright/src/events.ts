/**
 * What happened on each MFA prompt, told in sentences a failing test can print. The extension's
 * background keeps a history of every tab status it set (lib/background/tab-status.ts); this
 * turns each entry into an event with a message, and says which ones end the sign-in.
 */
import type { TabStatus, TabStatusEvent } from './extension-protocol.js';
import { printable } from './printable.js';
import { describeWait, type MfaWait } from './waits.js';

export type MfaEvent = TabStatus & {
  /** Order in the extension's history. */
  seq: number;
  tabId: number;
  /** The tab's address when the helper read the event (sign-in pages only; null otherwise). */
  url: string | null;
  /** One sentence for a person: "Filled the code for x@y and submitted it." */
  message: string;
  /**
   * True when the prompt cannot complete without someone's help: no account, the retry
   * refused too, the vault locked, not an app code, or filling turned off.
   */
  problem: boolean;
};

/** Errors a test sees start with this, so they are told apart from the app's own. */
export const MESSAGE_PREFIX = 'MFA Autofill: ';

const MAX_NAMES_LISTED = 10;

function vaultContents(names: readonly string[]): string {
  if (names.length === 0) return 'the vault is empty';
  const listed = names
    .slice(0, MAX_NAMES_LISTED)
    .map((name) => printable(name))
    .join(', ');
  const more = names.length > MAX_NAMES_LISTED ? `, and ${names.length - MAX_NAMES_LISTED} more` : '';
  return `it has ${names.length === 1 ? '1 account' : `${names.length} accounts`}: ${listed}${more}`;
}

/**
 * Every string in a status may come from the page (its title, pgid, the account it names), or
 * from an accounts file: printable() before it is quoted.
 */
export function describeStatus(status: TabStatus, vaultNames: readonly string[]): string {
  switch (status.state) {
    case 'filled': {
      const account = printable(status.account);
      return status.submitted
        ? `Filled the code for ${account} and submitted it.`
        : `Filled the code for ${account}; not submitted (Submit after filling is off for it).`;
    }
    case 'wrong-code': {
      const account = printable(status.account);
      return status.retrying
        ? `The page refused the code for ${account}; retrying once with the next period's code.`
        : `The page refused the code for ${account} again, after a retry with the next period's code: ` +
            `the secret key in the vault for ${account} is probably wrong (or this machine's clock is off).`;
    }
    case 'no-match':
      return status.pageAccount
        ? `No account for ${printable(status.pageAccount)} in the vault (${vaultContents(vaultNames)}).`
        : `The code prompt does not name its account and the vault has several: cannot tell which code to fill (${vaultContents(vaultNames)}).`;
    case 'waiting-unlock':
      return 'The vault is locked: the code prompt is waiting for it to be unlocked.';
    case 'not-totp':
      return `The code prompt does not take an authenticator-app code (${printable(status.reason)}): nothing was filled. Make the authenticator app the account's default sign-in method.`;
    case 'disabled':
      return 'Filling codes automatically is turned off in the extension: nothing was filled.';
    case 'lease-unavailable':
      return `No code was filled for ${printable(status.account)}: the lease on it could not be had (the helper's coordination service did not answer or answered an error). Check that it is running and reachable; the page asks again at the next TOTP period.`;
    case 'waiting-next-period':
      return `The code prompt for ${printable(status.account)} waits for the next code period: ${nextPeriodReason(status.reason)}.`;
    default:
      return describeOtherStatus(status);
  }
}

/** Why the extension waits for the next period though no lease was refused. */
function nextPeriodReason(reason: 'code-used' | 'too-late'): string {
  return reason === 'code-used'
    ? 'its code for this period was already used in this browser (Microsoft refuses a code twice)'
    : 'its code had under 3 s left, too little to be checked in time';
}

/**
 * The extension's "stopped" status, and a status this version of the helper does not know (from
 * a newer extension): told from the screen it names when it names one (title, $Config.pgid,
 * AADSTS code), and counted as a problem (isProblem), so the page fails at once with this text.
 */
function describeOtherStatus(status: unknown): string {
  const s = status as { state?: unknown; title?: unknown; pgid?: unknown; aadsts?: unknown; blocked?: unknown };
  const text = (value: unknown) => (typeof value === 'string' && printable(value) !== '' ? printable(value) : null);
  const details = [text(s.pgid) && `page ${text(s.pgid)}`, text(s.aadsts) && `AADSTS${text(s.aadsts)}`].filter(Boolean);
  if (s.state === 'stopped' || text(s.title) || details.length > 0) {
    const screen = `"${text(s.title) ?? 'untitled page'}"${details.length ? ` (${details.join(', ')})` : ''}`;
    return s.blocked === false
      ? `The sign-in is held on ${screen}, a screen the extension does not know.`
      : `The sign-in stopped on ${screen}.`;
  }
  return `The extension reported "${printable(String(s.state), 50)}" for the code prompt.`;
}

export function isProblem(status: TabStatus): boolean {
  switch (status.state) {
    case 'filled':
    case 'waiting-next-period':
      return false;
    case 'wrong-code':
      return !status.retrying;
    default:
      return true;
  }
}

export function toMfaEvent(entry: TabStatusEvent, url: string | null, vaultNames: readonly string[]): MfaEvent {
  return {
    ...entry.status,
    seq: entry.seq,
    tabId: entry.tabId,
    url,
    message: describeStatus(entry.status, vaultNames),
    problem: isProblem(entry.status),
  };
}

/** The account a prompt was for, when the event says. */
export function accountOf(event: MfaEvent): string | null {
  if (event.state === 'filled' || event.state === 'wrong-code' || event.state === 'waiting-next-period') {
    return event.account;
  }
  if (event.state === 'no-match') return event.pageAccount;
  return null;
}

function clock(at: number): string {
  return new Date(at).toISOString().slice(11, 23);
}

/**
 * Every event and every wait, one line each in the order they happened (a wait when it ended, or
 * when it began if it still lasts), for a test report or a terminal; `notes` (what else the helper
 * has to say, such as a pool account's hold that lapsed) head it.
 */
export function formatReport(
  events: readonly MfaEvent[],
  vaultNames: readonly string[],
  waits: readonly MfaWait[] = [],
  now = Date.now(),
  notes: readonly string[] = [],
): string {
  const head = [
    `MFA Autofill: ${vaultContents(vaultNames).replace(/^it has/, 'the vault has')}.`,
    ...notes.map((note) => `MFA Autofill: ${printable(note, Number.POSITIVE_INFINITY)}.`),
  ].join('\n');
  if (events.length === 0 && waits.length === 0) return `${head}\nNo code prompt was handled.`;
  const lines: { at: number; line: string }[] = events.map((e) => {
    const where = e.url ? `  (${printable(e.url.split('?')[0]!)})` : '';
    return { at: e.at, line: `${clock(e.at)}  tab ${e.tabId}  ${e.problem ? 'PROBLEM  ' : ''}${e.message}${where}` };
  });
  for (const wait of waits) {
    const at = wait.endedAt ?? wait.since;
    lines.push({ at, line: `${clock(at)}  ${describeWait(wait, now)}` });
  }
  lines.sort((a, b) => a.at - b.at);
  return [head, ...lines.map((l) => l.line)].join('\n');
}

export class MfaAutofillError extends Error {
  override name = 'MfaAutofillError';
  constructor(readonly events: readonly MfaEvent[]) {
    super(events.map((e) => `${MESSAGE_PREFIX}${e.message}`).join('\n'));
  }
}
