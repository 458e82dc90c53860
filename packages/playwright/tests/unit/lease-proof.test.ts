/**
 * The extension (lib/background/code-lease.ts, Web Crypto) and the helper's lease server
 * (packages/playwright/src/lease-server.ts, Node crypto) compute the same proof of the token,
 * and it differs per account, period and token.
 */
import { describe, expect, it } from 'vitest';
import { leaseProof as extensionProof } from '../../../../lib/background/code-lease';
import { leaseProof as helperProof } from '../../src/lease-server';

describe('the code-lease proof', () => {
  it.each([
    ['tok3n', 'a@contoso.com', 100],
    ['Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MA', 'ÄDELE.vance@contoso.onmicrosoft.com', 59_000_000],
  ])('is the same on both sides (%s, %s, %d)', async (token, account, counter) => {
    expect(await extensionProof(token, account, counter)).toBe(helperProof(token, account, counter));
  });

  it('changes with the account, the period and the token, and does not contain the token', () => {
    const proofs = new Set([
      helperProof('tok3n', 'a@contoso.com', 100),
      helperProof('tok3n', 'a@contoso.com', 101),
      helperProof('tok3n', 'b@contoso.com', 100),
      helperProof('t0ken', 'a@contoso.com', 100),
    ]);
    expect(proofs.size).toBe(4);
    for (const proof of proofs) expect(proof).not.toContain('tok3n');
  });
});
