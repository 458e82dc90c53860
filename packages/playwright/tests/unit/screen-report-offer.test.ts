/**
 * The helper attaches a screen report for exactly the problems the popup offers "Copy screen
 * report" for: its own copy of the rule (the package ships on its own) agrees with the
 * extension's on every kind of tab status.
 */
import { describe, expect, it } from 'vitest';
import { NOT_FILLED_REASONS, type TabStatus } from '../../../../lib/messages';
import { offersScreenReport as popupOffers } from '../../../../lib/popup/screen-report-offer';
import { offersScreenReport as helperAttaches } from '../../src/screen-report-offer';

const at = 1;
const screen = { title: 'More information required', pgid: 'ConvergedProofUpRedirect', aadsts: null };
const STATUSES: TabStatus[] = [
  { state: 'filled', account: 'a@contoso.com', submitted: true, at },
  { state: 'waiting-unlock', at },
  { state: 'no-match', pageAccount: null, at },
  { state: 'no-match', pageAccount: 'a@contoso.com', at },
  ...NOT_FILLED_REASONS.map((reason): TabStatus => ({ state: 'not-totp', reason, at })),
  { state: 'wrong-code', account: 'a@contoso.com', retrying: true, at },
  { state: 'wrong-code', account: 'a@contoso.com', retrying: false, at },
  { state: 'disabled', at },
  { state: 'waiting-next-period', account: 'a@contoso.com', until: 30_000, reason: 'code-used', at },
  { state: 'waiting-next-period', account: 'a@contoso.com', until: 30_000, reason: 'too-late', at },
  { state: 'stopped', blocked: false, at, ...screen },
  { state: 'stopped', blocked: true, at, ...screen, aadsts: '50196' },
];

describe('the QA helper attaches a screen report', () => {
  it.each(STATUSES.map((status) => [JSON.stringify(status), status] as const))(
    'for %s exactly when the popup offers one',
    (_, status) => {
      expect(helperAttaches(status)).toBe(popupOffers(status));
    },
  );

  it('for some statuses and not for others', () => {
    expect(STATUSES.filter(helperAttaches).length).toBeGreaterThan(3);
    expect(STATUSES.filter((status) => !helperAttaches(status)).length).toBeGreaterThan(3);
  });
});
