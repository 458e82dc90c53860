/**
 * The cap on sign-ins (signInsPerMinute) as the lease server keeps it without the account pool,
 * checked the same way on the file ledger (ledger.spec.ts) and on Redis (redis-ledger.spec.ts):
 * two sessions (two lease servers) of one ledger sign in one account.
 */
import { expect } from '@playwright/test';
import { type LeaseLedger, type LeaseServer, leaseProof, startLeaseServer } from '../../src/lease-server';

const ORIGIN = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';

async function ask(server: LeaseServer, account: string, counter: number): Promise<unknown> {
  const response = await fetch(server.endpoint.url, {
    method: 'POST',
    headers: { origin: ORIGIN, authorization: `MfaLease ${leaseProof(server.endpoint.token, account, counter)}` },
    body: JSON.stringify({ account, counter }),
  });
  expect(response.status).toBe(200);
  return response.json();
}

/** `counter` is a period no other test of this ledger uses; `account` is signed in by no other test of it this minute. */
export async function expectSignInCapWithoutPool(ledger: LeaseLedger, account: string, counter: number): Promise<void> {
  const first = await startLeaseServer(ledger, { holder: 'worker 1', signInsPerMinute: 1 });
  const second = await startLeaseServer(ledger, { holder: 'worker 2', signInsPerMinute: 1 });
  const pooled = await startLeaseServer(ledger, { holder: 'worker 3', signInsPerMinute: 1 });
  for (const server of [first, second, pooled]) server.allowOrigin(ORIGIN);
  try {
    expect(await ask(first, account, counter)).toEqual({ granted: true });
    // The same session again (a refused code's retry, next period): the same sign-in, no second slot.
    expect(await ask(first, account, counter + 1)).toEqual({ granted: true });
    // Another session's sign-in of the account within the minute waits for a slot...
    expect(await ask(second, account, counter + 2)).toEqual({ granted: false });
    expect(second.leases).toEqual([
      expect.objectContaining({ account, counter: counter + 2, granted: false, heldBy: null, signInCap: 1 }),
    ]);
    // ...without spending that period's code: a session that may sign in still has it.
    expect(await ask(first, account, counter + 2)).toEqual({ granted: true });
    // The pool took the slot when it handed the account over: its lease takes no second one.
    pooled.signInCounted(account.toUpperCase());
    expect(await ask(pooled, account, counter + 3)).toEqual({ granted: true });
    // A refusal for the code itself says who has it, and is no wait for a slot.
    expect(await ask(second, account, counter + 3)).toEqual({ granted: false });
    expect(second.leases.at(-1)?.signInCap).toBeUndefined();
  } finally {
    await Promise.all([first.close(), second.close(), pooled.close()]);
  }
}
