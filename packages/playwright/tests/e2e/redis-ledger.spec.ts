/**
 * The ledger on a real Redis (redis-server started on a free port, redis-server.ts), no browser:
 * the same meaning as the file ledger across "machines" (separate connections); nothing but hashes,
 * counters and encrypted blobs in Redis; an unreachable Redis stops the start at once naming
 * host:port and never the password; a Redis lost mid-run gets "lease unavailable" within seconds,
 * and the run goes on once it is back.
 */
import { expect, test } from '@playwright/test';
import { Redis } from 'ioredis';
import { launchWithMfaAutofill } from 'mfa-autofill-playwright';

import { RedisLedger } from '../../src/coordination/redis-ledger';
import { redisTarget } from '../../src/coordination/redis-url';
import { SESSION_KEY_VARIABLE, SessionKeyError, sessionKeyFrom } from '../../src/coordination/session-key';
import { leaseProof, startLeaseServer } from '../../src/lease-server';
import { redisSessionStore, sessionStoreFor } from '../../src/reuse-signin';
import { type RedisServer, startRedisServer } from './redis-server';
import { expectSignInCapWithoutPool } from './sign-in-cap';

const ACCOUNT = 'megan.bowen@contoso.onmicrosoft.com';
let redis: RedisServer;
test.beforeAll(async () => {
  redis = await startRedisServer();
});
test.afterAll(async () => {
  await redis?.stop();
});

const connect = (prefix: string) => RedisLedger.connect(redisTarget(redis.url)!, prefix);

async function everything(prefix: string): Promise<string> {
  const client = new Redis(redis.url);
  try {
    const keys = await client.keys(`${prefix}*`);
    const values = await Promise.all(keys.map((k) => client.get(k)));
    return JSON.stringify({ keys, values });
  } finally {
    client.disconnect();
  }
}

test('two machines: each code once, pool holds one at a time and lapse, sign-in slots, and no name in Redis', async () => {
  const prefix = `t${Date.now()}:`;
  const [one, other] = await Promise.all([connect(prefix), connect(prefix)]);
  try {
    // The claimant's name is for the file ledger's waits only: Redis keeps '1', so no one is named.
    expect(await one.claim(ACCOUNT, 100, 'worker 1: "signs in megan"')).toBe(true);
    expect(await other.claim(ACCOUNT.toUpperCase(), 100, 'worker 2')).toBe(false);
    expect(await other.holderOf(ACCOUNT, 100)).toBeNull();
    expect(await other.claim(ACCOUNT, 101)).toBe(true);

    expect(await one.hold(ACCOUNT, 'one', 20_000)).toBe(true);
    expect(await other.hold(ACCOUNT, 'two', 20_000)).toBe(false);
    expect(await other.renewHold(ACCOUNT, 'two', 20_000)).toBe(false);
    await other.releaseHold(ACCOUNT, 'two');
    expect(await one.heldSince(ACCOUNT)).toBeGreaterThan(Date.now() - 5_000);
    expect(await one.renewHold(ACCOUNT, 'one', 300)).toBe(true);
    // Its heartbeat stopped (a crashed worker): Redis expires the hold, another takes the account.
    await expect.poll(() => other.hold(ACCOUNT, 'two', 20_000), { intervals: [100] }).toBe(true);
    expect(await one.renewHold(ACCOUNT, 'one', 20_000)).toBe(false);
    await other.releaseHold(ACCOUNT, 'two');
    expect(await one.heldSince(ACCOUNT)).toBeNull();

    expect(await one.takeSignInSlot(ACCOUNT, 2)).toBe(true);
    expect(await other.takeSignInSlot(ACCOUNT, 2)).toBe(true);
    expect(await one.takeSignInSlot(ACCOUNT, 2)).toBe(false);

    const key = Buffer.alloc(32, 7);
    await redisSessionStore({}, one, key).save({ account: ACCOUNT, savedAt: Date.now(), cookies: [] });
    expect((await redisSessionStore({}, other, key).load(ACCOUNT))?.account).toBe(ACCOUNT);
    expect(await redisSessionStore({}, other, Buffer.alloc(32, 8)).load(ACCOUNT)).toBeNull();

    const stored = await everything(prefix);
    expect(stored).toContain(`${prefix}code:`);
    expect(stored).not.toContain('worker');
    expect(stored).toContain(`${prefix}session:`);
    for (const clear of ['megan', 'contoso', 'cookies']) expect(stored.toLowerCase()).not.toContain(clear);
  } finally {
    await one.close();
    await other.close();
  }
});

test('without the account pool, the sign-in cap holds across machines: an extra sign-in is refused, its code left for others', async () => {
  const ledger = await connect(`t${Date.now()}:`);
  try {
    await expectSignInCapWithoutPool(ledger, ACCOUNT, 100);
  } finally {
    await ledger.close();
  }
});

test('an unreachable Redis stops the start at once, naming host:port and what to check, never the password', async () => {
  const password = 'pa55-w0rd-never-printed';
  const started = Date.now();
  const error = await RedisLedger.connect(redisTarget(`redis://qa:${password}@127.0.0.1:1/`)!).catch((e: Error) => e);
  expect(Date.now() - started).toBeLessThan(5_000);
  expect(String(error)).toContain(
    'MFA Autofill: cannot reach Redis at 127.0.0.1:1 (coordination, or MFA_AUTOFILL_REDIS_URL)',
  );
  expect(String(error)).toContain('Check that Redis runs there');
  expect(String(error)).not.toContain(password);
});

test('Redis lost mid-run: leases are answered "unavailable" within seconds, never granted; back: granted again', async () => {
  const ledger = await connect(`t${Date.now()}:`);
  const server = await startLeaseServer(ledger);
  const origin = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
  server.allowOrigin(origin);
  const ask = async (counter: number) => {
    const response = await fetch(server.endpoint.url, {
      method: 'POST',
      headers: { origin, authorization: `MfaLease ${leaseProof(server.endpoint.token, ACCOUNT, counter)}` },
      body: JSON.stringify({ account: ACCOUNT, counter }),
    });
    return { status: response.status, body: await response.json() };
  };
  try {
    expect(await ask(1)).toEqual({ status: 200, body: { granted: true } });
    await redis.stop();
    const asked = Date.now();
    expect(await ask(2)).toEqual({ status: 503, body: { granted: false, error: 'lease-unavailable' } });
    expect(Date.now() - asked).toBeLessThan(3_000);
    expect(server.leases.at(-1)).toMatchObject({ counter: 2, granted: false });
    expect(server.leases.at(-1)?.error).toContain(`cannot reach Redis at 127.0.0.1:${redis.port}`);

    await redis.start();
    // The client reconnects by itself: the same server grants again.
    await expect.poll(async () => (await ask(3)).status, { timeout: 10_000 }).toBe(200);
    expect(server.leases.filter((l) => l.granted).map((l) => l.counter)).toEqual([1, 3]);
  } finally {
    await server.close();
    await ledger.close();
  }
});

test('the session key: 32 bytes as hex or base64; anything else is refused saying the format, never the value', () => {
  expect(sessionKeyFrom({})).toBeNull();
  expect(sessionKeyFrom({ [SESSION_KEY_VARIABLE]: 'ab'.repeat(32) })).toEqual(Buffer.alloc(32, 0xab));
  expect(sessionKeyFrom({ [SESSION_KEY_VARIABLE]: Buffer.alloc(32, 5).toString('base64') })).toEqual(
    Buffer.alloc(32, 5),
  );
  const bad = 'not-a-key-but-a-passphrase';
  expect(() => sessionKeyFrom({ [SESSION_KEY_VARIABLE]: bad })).toThrow(SessionKeyError);
  expect(() => sessionKeyFrom({ [SESSION_KEY_VARIABLE]: bad })).toThrow(
    `MFA Autofill: ${SESSION_KEY_VARIABLE} must be 32 random bytes, as 64 hex digits or 44 base64 characters (make one with: openssl rand -base64 32); it is ${bad.length} characters that are neither.`,
  );
});

test('no Redis at the start: stopped before any browser starts, naming host:port, never the password', async ({
  playwright,
}) => {
  const password = 'never-printed-0f3a';
  const started = Date.now();
  const error = await launchWithMfaAutofill({
    playwright,
    coordination: `redis://qa:${password}@127.0.0.1:1`,
  }).catch((e: Error) => e);
  expect(Date.now() - started).toBeLessThan(5_000);
  expect(String(error)).toContain('MFA Autofill: cannot reach Redis at 127.0.0.1:1');
  expect(String(error)).not.toContain(password);
});

test('a worker whose Redis did not answer at the start fails every later test the same way, even once it answers', async ({
  playwright,
}) => {
  // A port of our own, free now: the Redis on it starts only after the run has begun.
  const late = await startRedisServer();
  await late.stop();
  try {
    const error = await launchWithMfaAutofill({ playwright, coordination: late.url }).catch((e: Error) => e);
    expect(String(error)).toContain(`MFA Autofill: cannot reach Redis at 127.0.0.1:${late.port}`);
    // Had the worker asked again, this Redis would have answered and a browser started: the run that
    // began without its Redis stops test after test with the same words, as the globalSetup stops it.
    await late.start();
    const next = await launchWithMfaAutofill({ playwright, coordination: late.url }).catch((e: Error) => e);
    if (!(next instanceof Error)) await next.close();
    expect(String(next)).toBe(String(error));
  } finally {
    await late.stop();
  }
});

test('without MFA_AUTOFILL_SESSION_KEY, sessions are not shared through Redis, and the run says why', async () => {
  const ledger = await connect(`t${Date.now()}:`);
  const warnings: string[] = [];
  const warn = console.warn;
  console.warn = (message: string) => warnings.push(message);
  try {
    expect(sessionStoreFor({ dir: '/tmp/kept' }, ledger, {})?.where).toBe('in /tmp/kept');
    expect(sessionStoreFor({}, ledger, {})).toBeNull();
    expect(sessionStoreFor({}, ledger, { [SESSION_KEY_VARIABLE]: 'ab'.repeat(32) })?.where).toBe(
      `in Redis at 127.0.0.1:${redis.port}, encrypted`,
    );
    expect(() => sessionStoreFor({}, ledger, { [SESSION_KEY_VARIABLE]: 'short' })).toThrow(SessionKeyError);
  } finally {
    console.warn = warn;
    await ledger.close();
  }
  expect(warnings).toEqual([
    `MFA Autofill: reuseSignIn does not share sign-ins through Redis at 127.0.0.1:${redis.port}: ${SESSION_KEY_VARIABLE} is not set (32 random bytes, hex or base64: openssl rand -base64 32, the same on every machine); they are kept on this machine only, in /tmp/kept.`,
    `MFA Autofill: reuseSignIn does not share sign-ins through Redis at 127.0.0.1:${redis.port}: ${SESSION_KEY_VARIABLE} is not set (32 random bytes, hex or base64: openssl rand -base64 32, the same on every machine); and reuseSignIn has no dir to keep them on this machine either: every test signs in.`,
  ]);
});
