import { describe, expect, it } from 'vitest';
import { NOT_FILLED_REASONS, type TabStatus } from '../messages';
import { offersScreenReport } from './screen-report-offer';

const at = 1;
const screen = { title: 'More information required', pgid: 'ConvergedProofUpRedirect', aadsts: null };

describe('"Copy screen report" is offered', () => {
  it.each<[string, TabStatus | null, boolean]>([
    ['a screen the extension does not know', { state: 'stopped', blocked: false, at, ...screen }, true],
    ['no account matching the page', { state: 'no-match', pageAccount: 'adele@contoso.com', at }, true],
    ['throttling or lockout', { state: 'stopped', blocked: true, at, ...screen, aadsts: '50196' }, false],
    ['automatic filling turned off', { state: 'disabled', at }, false],
    ['a vault waiting for its passphrase', { state: 'waiting-unlock', at }, false],
    [
      'a prompt waiting for the next code period',
      { state: 'waiting-next-period', account: 'a@contoso.com', until: 30_000, reason: 'code-used', at },
      false,
    ],
    ['a filled code', { state: 'filled', account: 'a@contoso.com', submitted: true, at }, false],
    ['a refused code', { state: 'wrong-code', account: 'a@contoso.com', retrying: false, at }, false],
    ['no status', null, false],
  ])('for %s: %s', (_, status, offered) => {
    expect(offersScreenReport(status)).toBe(offered);
  });

  it.each(NOT_FILLED_REASONS.map((reason) => [reason, reason !== 'switch-off'] as const))(
    'for a prompt left unfilled because of %s: %s',
    (reason, offered) => {
      expect(offersScreenReport({ state: 'not-totp', reason, at })).toBe(offered);
    },
  );
});
