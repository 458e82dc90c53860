import { describe, expect, it } from 'vitest';
import { oathtoolCode, randomSecret } from '../../tests/support/oathtool';
import { newAccount } from '../accounts';
import { accountView } from './account-views';

const NOW = 1_700_000_010_000;

describe('accountView', () => {
  it('shows the code of the secret the account has now, when the same id gets another secret of the same length', () => {
    const first = randomSecret();
    const second = randomSecret();
    const valid = { name: 'qa@contoso.com', issuer: '', digits: 6, period: 30, algorithm: 'SHA1', notes: '' } as const;
    expect(accountView(newAccount({ ...valid, secret: first }, 'id-1', 1), NOW).code).toBe(oathtoolCode(first, NOW));
    // An import "replace" keeps the id and changes the secret.
    expect(accountView(newAccount({ ...valid, secret: second }, 'id-1', 1), NOW).code).toBe(oathtoolCode(second, NOW));
  });
});
