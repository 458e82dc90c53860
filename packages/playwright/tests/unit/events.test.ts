/**
 * The QA helper's sentences for the extension's tab statuses (packages/playwright/src/events.ts),
 * including a status from a newer extension that stopped on a screen: it is a problem (the page
 * fails at once) told by the screen's title, $Config.pgid and AADSTS code.
 */
import { describe, expect, it } from 'vitest';
import { describeStatus, formatReport, isProblem } from '../../src/events';
import type { TabStatus } from '../../src/extension-protocol';
import { printable } from '../../src/printable';
import { describeScreen } from '../../src/signin-probe';
import { describeWait, type MfaWait } from '../../src/waits';

const at = 0;
const NAMES = ['a@contoso.com', 'b@contoso.com'];

describe('the helper’s event sentences', () => {
  it.each<[TabStatus, string, boolean]>([
    [
      { state: 'filled', account: 'a@contoso.com', submitted: true, at },
      'Filled the code for a@contoso.com and submitted it.',
      false,
    ],
    [
      { state: 'wrong-code', account: 'a@contoso.com', retrying: true, at },
      "The page refused the code for a@contoso.com; retrying once with the next period's code.",
      false,
    ],
    [
      { state: 'no-match', pageAccount: 'c@contoso.com', at },
      'No account for c@contoso.com in the vault (it has 2 accounts: a@contoso.com, b@contoso.com).',
      true,
    ],
    [{ state: 'waiting-unlock', at }, 'The vault is locked: the code prompt is waiting for it to be unlocked.', true],
    [
      { state: 'lease-unavailable', account: 'a@contoso.com', at },
      "No code was filled for a@contoso.com: the lease on it could not be had (the helper's coordination service did not answer or answered an error). Check that it is running and reachable; the page asks again at the next TOTP period.",
      true,
    ],
  ])('%j → %s', (status, message, problem) => {
    expect(describeStatus(status, NAMES)).toBe(message);
    expect(isProblem(status)).toBe(problem);
  });

  it.each([
    [
      { state: 'stopped', blocked: true, title: 'Sign in', pgid: 'ConvergedError', aadsts: '50196', at },
      'The sign-in stopped on "Sign in" (page ConvergedError, AADSTS50196).',
    ],
    [
      { state: 'stopped', blocked: false, title: 'Approve sign in request', pgid: null, aadsts: null, at },
      'The sign-in is held on "Approve sign in request", a screen the extension does not know.',
    ],
    [{ state: 'something-new', at }, 'The extension reported "something-new" for the code prompt.'],
  ])('a status this helper does not know yet, %j, is a problem told by its screen', (status, message) => {
    expect(describeStatus(status as unknown as TabStatus, NAMES)).toBe(message);
    expect(isProblem(status as unknown as TabStatus)).toBe(true);
  });
});

describe('page text in the sentences the launcher and the probe print', () => {
  const hostile = 'Sign in\u001b[2J\u001b[31m\rOK \u202eevil\u009b';
  it.each<[string, TabStatus]>([
    [
      'a stopped screen’s title, pgid and AADSTS',
      { state: 'stopped', blocked: true, title: hostile, pgid: hostile, aadsts: hostile, at },
    ],
    ['the account a page names', { state: 'no-match', pageAccount: hostile, at }],
    ['an account name', { state: 'wrong-code', account: hostile, retrying: false, at }],
  ])('%s: no control character reaches the terminal', (_, status) => {
    const message = describeStatus(status, [hostile]);
    expect(message).toContain('Sign in[2J[31m OK evil');
    expect(message).toBe(printable(message, Number.POSITIVE_INFINITY));
    expect([...message].filter((c) => c < ' ' || c === '\u202e')).toEqual([]);
  });

  it('the probe’s description of the screen it stopped on', () => {
    const hostile = '\u001b]0;pwned\u0007Enter code\u202e';
    const said = describeScreen({
      kind: 'other',
      url: 'https://login.microsoftonline.com/common/login?x=1',
      title: hostile,
      pgid: hostile,
      heading: null,
      error: hostile,
      aadsts: null,
    });
    expect(said).toBe(
      '"]0;pwnedEnter code", page ]0;pwnedEnter code, error: ]0;pwnedEnter code, https://login.microsoftonline.com/common/login',
    );
  });
});

describe('waits in the MFA report', () => {
  const wait: MfaWait = {
    kind: 'code-period',
    account: 'a@contoso.com',
    reason: 'used in this period by worker 1: "signs in"',
    since: 1_000,
    expectedUntil: 18_000,
    endedAt: null,
  };

  it('a code prompt that is waiting for the next period is not "no code prompt"', () => {
    const report = formatReport([], NAMES, [wait], 5_400);
    expect(report).not.toContain('No code prompt was handled');
    expect(report).toContain(
      'Waiting for the next code period (a@contoso.com used in this period by worker 1: "signs in"): 4 s so far, about 13 s more.',
    );
    expect(formatReport([], NAMES, [], 5_400)).toContain('No code prompt was handled.');
  });

  it('an ended wait says how long, in order with the events', () => {
    const filled = { state: 'filled', account: 'a@contoso.com', submitted: true, at: 17_300 } as const;
    const event = { ...filled, seq: 1, tabId: 7, url: null, message: describeStatus(filled, NAMES), problem: false };
    const report = formatReport([event], NAMES, [{ ...wait, endedAt: 17_259 }]);
    expect(report.split('\n').slice(1)).toEqual([
      '00:00:17.259  Waited 16 s for the next code period (a@contoso.com used in this period by worker 1: "signs in").',
      '00:00:17.300  tab 7  Filled the code for a@contoso.com and submitted it.',
    ]);
  });

  it('a wait for a free account', () => {
    expect(
      describeWait({
        kind: 'free-account',
        account: null,
        reason: null,
        since: 0,
        expectedUntil: null,
        endedAt: 9_600,
      }),
    ).toBe('Waited 10 s for a free account.');
  });
});
