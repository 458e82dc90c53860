/**
 * The code ledger and the lease server the extension's background asks (no browser here): one
 * claim per (account, counter) across helpers and processes; only the launched extension, with
 * the session's token, is answered; nothing but an account name and a counter is accepted.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { CodeLedger } from 'mfa-autofill-playwright';
// Not part of the package's API: the server is started by launchWithMfaAutofill.
import { leaseProof, startLeaseServer } from '../../src/lease-server';

let dir: string;
test.beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'mfa-ledger-test-'));
});
test.afterEach(() => rmSync(dir, { recursive: true, force: true }));

test('grants each account code once, whatever the case of the name, to whichever helper asks first', () => {
  const one = new CodeLedger(dir);
  const other = new CodeLedger(dir);
  expect(one.claim('a@contoso.com', 100)).toBe(true);
  expect(other.claim('A@Contoso.com', 100)).toBe(false);
  expect(one.claim('a@contoso.com', 100)).toBe(false);
  expect(other.claim('a@contoso.com', 101)).toBe(true);
  expect(other.claim('b@contoso.com', 100)).toBe(true);
});

test('another process (another suite on this machine) sees the same claims', () => {
  new CodeLedger(dir).claim('a@contoso.com', 7);
  const script = `import('mfa-autofill-playwright').then(({ CodeLedger }) => {
    const ledger = new CodeLedger(${JSON.stringify(dir)});
    process.stdout.write(JSON.stringify([ledger.claim('a@contoso.com', 7), ledger.claim('a@contoso.com', 8)]));
  })`;
  expect(JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }))).toEqual([false, true]);
});

test('the lease server answers only the extension it launched, with its token', async () => {
  const server = await startLeaseServer(new CodeLedger(dir));
  const origin = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
  server.allowOrigin(origin);
  const ask = (headers: Record<string, string>, body: unknown = { account: 'a@contoso.com', counter: 5 }) =>
    fetch(server.endpoint.url, { method: 'POST', headers, body: JSON.stringify(body) });
  const bearer = `MfaLease ${leaseProof(server.endpoint.token, 'a@contoso.com', 5)}`;
  try {
    const preflight = await fetch(server.endpoint.url, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-private-network': 'true' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(origin);
    expect(preflight.headers.get('access-control-allow-private-network')).toBe('true');

    expect((await ask({ origin, authorization: 'Bearer wrong' })).status).toBe(403);
    // The token itself, or a proof for another account or period, is no proof.
    expect((await ask({ origin, authorization: `Bearer ${server.endpoint.token}` })).status).toBe(403);
    expect((await ask({ origin, authorization: bearer }, { account: 'a@contoso.com', counter: 6 })).status).toBe(403);
    expect((await ask({ origin: 'https://evil.example', authorization: bearer })).status).toBe(403);
    expect((await ask({ authorization: bearer })).status).toBe(403);
    expect((await ask({ origin, authorization: bearer }, { account: 'a@contoso.com', counter: '5' })).status).toBe(400);
    expect(server.leases).toEqual([]);

    expect(await (await ask({ origin, authorization: bearer })).json()).toEqual({ granted: true });
    expect(await (await ask({ origin, authorization: bearer })).json()).toEqual({ granted: false });
    expect(server.leases.map(({ account, counter, granted }) => ({ account, counter, granted }))).toEqual([
      { account: 'a@contoso.com', counter: 5, granted: true },
      { account: 'a@contoso.com', counter: 5, granted: false },
    ]);
  } finally {
    await server.close();
  }
});
