/**
 * The file code ledger and the lease server the extension's background asks (no browser here):
 * one claim per (account, counter) across helpers and processes; only the launched extension, with
 * the session's token, is answered; nothing but an account name and a counter is accepted; a
 * folder others could write is refused; a ledger that fails answers "unavailable", never "yes".
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { CodeLedger, defaultLedgerDir } from 'mfa-autofill-playwright';
// Not part of the package's API: the server is started by launchWithMfaAutofill.
import { ensurePrivateDir, UnsafeLedgerDirError } from '../../src/coordination/private-dir';
import { leaseProof, startLeaseServer } from '../../src/lease-server';
import { expectSignInCapWithoutPool } from './sign-in-cap';

let dir: string;
test.beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'mfa-ledger-test-'));
});
test.afterEach(() => rmSync(dir, { recursive: true, force: true }));

test('grants each account code once, whatever the case of the name, to whichever helper asks first', async () => {
  const one = new CodeLedger(dir);
  const other = new CodeLedger(dir);
  expect(await one.claim('a@contoso.com', 100)).toBe(true);
  expect(await other.claim('A@Contoso.com', 100)).toBe(false);
  expect(await one.claim('a@contoso.com', 100)).toBe(false);
  expect(await other.claim('a@contoso.com', 101)).toBe(true);
  expect(await other.claim('b@contoso.com', 100)).toBe(true);
});

test('names who claimed a code to those who then wait; a claim without a name names no one', async () => {
  const one = new CodeLedger(dir);
  const other = new CodeLedger(dir);
  expect(await one.claim('a@contoso.com', 100, 'worker 1: "signs in"')).toBe(true);
  expect(await other.claim('a@contoso.com', 100, 'worker 2: "also signs in"')).toBe(false);
  expect(await other.holderOf('A@Contoso.com', 100)).toBe('worker 1: "signs in"');
  expect(await other.claim('a@contoso.com', 101)).toBe(true);
  expect(await one.holderOf('a@contoso.com', 101)).toBeNull();
  expect(await one.holderOf('a@contoso.com', 102)).toBeNull();
});

test('another process (another suite on this machine) sees the same claims', async () => {
  await new CodeLedger(dir).claim('a@contoso.com', 7);
  const script = `import('mfa-autofill-playwright').then(async ({ CodeLedger }) => {
    const ledger = new CodeLedger(${JSON.stringify(dir)});
    process.stdout.write(JSON.stringify([await ledger.claim('a@contoso.com', 7), await ledger.claim('a@contoso.com', 8)]));
  })`;
  expect(JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }))).toEqual([false, true]);
});

test('the lease server answers only the extension it launched, with its token', async () => {
  const server = await startLeaseServer(new CodeLedger(dir), { holder: 'worker 0: "lease server"' });
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
    expect(
      server.leases.map(({ account, counter, granted, heldBy }) => ({ account, counter, granted, heldBy })),
    ).toEqual([
      { account: 'a@contoso.com', counter: 5, granted: true, heldBy: null },
      { account: 'a@contoso.com', counter: 5, granted: false, heldBy: 'worker 0: "lease server"' },
    ]);
  } finally {
    await server.close();
  }
});

test('without the account pool, the lease server keeps the sign-in cap: an extra sign-in is refused, its code left for others', async () => {
  await expectSignInCapWithoutPool(new CodeLedger(dir), 'a@contoso.com', 100);
});

test('a ledger folder open to other users, or a link, is refused, naming the folder and what to do', () => {
  const open = join(dir, 'open');
  mkdirSync(open);
  // As another local user would leave it, made first with claims planted for periods to come.
  chmodSync(open, 0o777);
  expect(() => new CodeLedger(open)).toThrow(
    `MFA Autofill: the code ledger folder ${open} is open to other users (mode 0777), so another user could plant or delete claims in it. Remove it (rm -r ${open}) or close it (chmod 700 ${open})`,
  );
  const link = join(dir, 'link');
  symlinkSync(join(dir, 'elsewhere'), link);
  expect(() => new CodeLedger(link)).toThrow(`the code ledger folder ${link} is a symbolic link`);
  const fresh = join(dir, 'fresh');
  new CodeLedger(fresh);
  expect(statSync(fresh).mode & 0o777).toBe(0o700);
});

test("a ledger folder of another user's is refused, even closed to others, naming its owner and what to do", () => {
  const foreign = join(dir, 'foreign');
  mkdirSync(foreign, { mode: 0o700 });
  const me = process.getuid!();
  // As root the folder really becomes nobody's (65534); otherwise it stays ours and we check as another uid.
  const [owner, checkedAs] = me === 0 ? [65_534, me] : [me, me + 1];
  if (me === 0) chownSync(foreign, owner, owner);
  expect(statSync(foreign).uid).toBe(owner);
  const message = `MFA Autofill: the code ledger folder ${foreign} belongs to another user (uid ${owner}, you are ${checkedAs}), so another user could plant or delete claims in it. Have it removed (rm -r ${foreign}), or set MFA_AUTOFILL_LEDGER (ledgerDir) to a folder of your own.`;
  if (me === 0) expect(() => new CodeLedger(foreign)).toThrow(message);
  expect(() => ensurePrivateDir(foreign, checkedAs)).toThrow(message);
  expect(() => ensurePrivateDir(foreign, checkedAs)).toThrow(UnsafeLedgerDirError);
});

test('the default ledger folder is per user', () => {
  expect(defaultLedgerDir({})).toBe(join(tmpdir(), `mfa-autofill-ledger-${process.getuid!()}`));
});

test('a claim that fails (not "exists") is answered "lease unavailable", and the server keeps answering', async () => {
  const ledgerDir = join(dir, 'ledger');
  const server = await startLeaseServer(new CodeLedger(ledgerDir));
  const origin = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
  server.allowOrigin(origin);
  const ask = (counter: number) =>
    fetch(server.endpoint.url, {
      method: 'POST',
      headers: { origin, authorization: `MfaLease ${leaseProof(server.endpoint.token, 'a@contoso.com', counter)}` },
      body: JSON.stringify({ account: 'a@contoso.com', counter }),
    });
  try {
    rmSync(ledgerDir, { recursive: true });
    const refused = await ask(1);
    expect(refused.status).toBe(503);
    expect(await refused.json()).toEqual({ granted: false, error: 'lease-unavailable' });
    expect(server.leases).toEqual([
      expect.objectContaining({
        counter: 1,
        granted: false,
        error: expect.stringContaining(`the code ledger in ${ledgerDir} failed`),
      }),
    ]);
    mkdirSync(ledgerDir, { mode: 0o700 });
    expect(await (await ask(1)).json()).toEqual({ granted: true });
  } finally {
    await server.close();
  }
});

test('pool holds: one holder at a time, renewed by its holder only, released, and lapsed when not renewed', async () => {
  const ledger = new CodeLedger(dir);
  const other = new CodeLedger(dir);
  expect(await ledger.hold('a@contoso.com', 'one', 20_000)).toBe(true);
  expect(await other.hold('A@contoso.com', 'two', 20_000)).toBe(false);
  expect(await other.renewHold('a@contoso.com', 'two', 20_000)).toBe(false);
  expect(await ledger.renewHold('a@contoso.com', 'one', 20_000)).toBe(true);
  expect(await ledger.heldSince('a@contoso.com')).toBeGreaterThan(Date.now() - 5_000);
  await other.releaseHold('a@contoso.com', 'two');
  expect(await other.hold('a@contoso.com', 'two', 20_000)).toBe(false);
  await ledger.releaseHold('a@contoso.com', 'one');
  expect(await ledger.heldSince('a@contoso.com')).toBeNull();
  expect(await other.hold('a@contoso.com', 'two', 20_000)).toBe(true);
  // A crashed holder's heartbeat stops: 25 s later its hold is taken over; its renewal then says "lost".
  expect(await ledger.hold('a@contoso.com', 'three', 20_000, Date.now() + 25_000)).toBe(true);
  expect(await other.renewHold('a@contoso.com', 'two', 20_000)).toBe(false);
});

test('sign-in slots: at most N a minute per account, free again a minute after', async () => {
  const ledger = new CodeLedger(dir);
  const now = Date.now();
  expect(await ledger.takeSignInSlot('a@contoso.com', 2, now)).toBe(true);
  expect(await ledger.takeSignInSlot('a@contoso.com', 2, now)).toBe(true);
  expect(await ledger.takeSignInSlot('a@contoso.com', 2, now)).toBe(false);
  expect(await ledger.takeSignInSlot('b@contoso.com', 2, now)).toBe(true);
  expect(await ledger.takeSignInSlot('a@contoso.com', 2, now + 61_000)).toBe(true);
});
