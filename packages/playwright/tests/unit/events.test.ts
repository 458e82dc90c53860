/**
 * The QA helper's sentences for the extension's tab statuses (packages/playwright/src/events.ts),
 * including a status from a newer extension that stopped on a screen: it is a problem (the page
 * fails at once) told by the screen's title, $Config.pgid and AADSTS code.
 */
import { describe, expect, it } from 'vitest';
import { describeStatus, isProblem } from '../../src/events';
import type { TabStatus } from '../../src/extension-protocol';

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
