/**
 * The ledger across machines (ledger.ts) on Redis, with its documented lock pattern: every record
 * is `SET key value NX PX ms`, so exactly one claimant wins and a crashed holder's record expires
 * (https://redis.io/docs/latest/commands/set/). Keys (after the prefix, default "mfa-autofill:"):
 *   code:<key>:<counter>    a code handed out (10 minutes);
 *   hold:<key>              an account held by a test: "holder|since", extended by its heartbeat;
 *   signin:<key>:<n>        sign-in slot n of an account, for a minute;
 *   session:<key>           a kept sign-in, encrypted (shared-sessions.ts).
 * <key> is accountKey(): Redis never holds a name in clear, a secret or a code.
 *
 * The client (ioredis, an optional peer dependency) is loaded only when Redis is asked for. It
 * queues nothing while disconnected and gives each command two seconds, so with Redis gone a
 * lease is refused within seconds; it reconnects by itself, so the run goes on when Redis is back.
 */
import type { Redis as RedisClient } from 'ioredis';
import {
  accountKey,
  holdRecord,
  type Ledger,
  LedgerUnavailableError,
  parseHoldRecord,
  SIGN_IN_SLOT_MS,
} from './ledger.js';
import { DEFAULT_KEY_PREFIX, type RedisTarget, scrub } from './redis-url.js';

const CODE_KEEP_MS = 10 * 60_000;
const CONNECT_TIMEOUT_MS = 3_000;
const COMMAND_TIMEOUT_MS = 2_000;
export const IOREDIS_VERSION = '6.1.0';

/** Extends a hold only if it is still this holder's (Redis's documented safe-release pattern). */
const RENEW_IF_MINE = `local v = redis.call('GET', KEYS[1])
if v and string.sub(v, 1, string.len(ARGV[1]) + 1) == ARGV[1] .. '|' then
  return redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
return 0`;
const DELETE_IF_MINE = `local v = redis.call('GET', KEYS[1])
if v and string.sub(v, 1, string.len(ARGV[1]) + 1) == ARGV[1] .. '|' then
  return redis.call('DEL', KEYS[1])
end
return 0`;

function unreachable(target: RedisTarget, reason: string): LedgerUnavailableError {
  return new LedgerUnavailableError(
    `MFA Autofill: cannot reach Redis at ${target.where} (coordination, or MFA_AUTOFILL_REDIS_URL): ` +
      `${scrub(reason, target).replace(/\.+$/, '')}. Check that Redis runs there and that this machine can reach it ` +
      "(in CI: the job's Redis service and its port), and the user and password in the URL.",
  );
}

async function loadClient(): Promise<typeof import('ioredis').Redis> {
  try {
    return (await import('ioredis')).Redis;
  } catch {
    throw new LedgerUnavailableError(
      `MFA Autofill: coordination through Redis needs the Redis client ioredis: npm i -D ioredis@${IOREDIS_VERSION}`,
    );
  }
}

export class RedisLedger implements Ledger {
  private constructor(
    private readonly client: RedisClient,
    private readonly target: RedisTarget,
    private readonly prefix: string,
  ) {}

  get where(): string {
    return `Redis at ${this.target.where}`;
  }

  /** Connects, or throws at once naming host:port and what to check. */
  static async connect(target: RedisTarget, prefix = DEFAULT_KEY_PREFIX): Promise<RedisLedger> {
    const Redis = await loadClient();
    const client = new Redis(target.url, {
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      connectTimeout: CONNECT_TIMEOUT_MS,
      commandTimeout: COMMAND_TIMEOUT_MS,
      // Keep reconnecting, quickly: a Redis that restarts mid-run is used again as soon as it is back.
      retryStrategy: (attempt: number) => Math.min(attempt * 100, 1_000),
    });
    // Handled where each command fails; without a listener the client prints every reconnect attempt.
    client.on('error', () => undefined);
    try {
      await Promise.race([
        client.connect(),
        new Promise((_, reject) => setTimeout(() => reject(new Error('no answer')), CONNECT_TIMEOUT_MS).unref()),
      ]);
      await client.ping();
    } catch (error) {
      client.disconnect();
      throw unreachable(target, (error as Error).message);
    }
    return new RedisLedger(client, target, prefix);
  }

  private key(...parts: (string | number)[]): string {
    return `${this.prefix}${parts.join(':')}`;
  }

  private async run<T>(command: () => Promise<T>): Promise<T> {
    try {
      return await command();
    } catch (error) {
      throw unreachable(this.target, (error as Error).message);
    }
  }

  private async setIfAbsent(key: string, value: string, ttlMs: number): Promise<boolean> {
    return (await this.run(() => this.client.set(key, value, 'PX', ttlMs, 'NX'))) === 'OK';
  }

  /** `holder` is not kept: Redis holds no names (a claim is stored as '1'). */
  claim(account: string, counter: number, _holder?: string): Promise<boolean> {
    return this.setIfAbsent(this.key('code', accountKey(account), counter), '1', CODE_KEEP_MS);
  }

  /** Only the claimant can undo it: the key is set once (NX) and expires after CODE_KEEP_MS. */
  async releaseClaim(account: string, counter: number): Promise<void> {
    await this.run(() => this.client.del(this.key('code', accountKey(account), counter)));
  }

  /** Always null: Redis keeps no claimant's name, so a wait on Redis names no one. */
  async holderOf(_account: string, _counter: number): Promise<string | null> {
    return null;
  }

  hold(account: string, holder: string, ttlMs: number): Promise<boolean> {
    return this.setIfAbsent(this.key('hold', accountKey(account)), holdRecord(holder, Date.now()), ttlMs);
  }

  async renewHold(account: string, holder: string, ttlMs: number): Promise<boolean> {
    const key = this.key('hold', accountKey(account));
    return (await this.run(() => this.client.eval(RENEW_IF_MINE, 1, key, holder, ttlMs))) === 1;
  }

  async releaseHold(account: string, holder: string): Promise<void> {
    const key = this.key('hold', accountKey(account));
    await this.run(() => this.client.eval(DELETE_IF_MINE, 1, key, holder));
  }

  async heldSince(account: string): Promise<number | null> {
    const record = await this.run(() => this.client.get(this.key('hold', accountKey(account))));
    return record === null ? null : (parseHoldRecord(record)?.since ?? null);
  }

  async takeSignInSlot(account: string, perMinute: number): Promise<boolean> {
    const key = accountKey(account);
    for (let slot = 0; slot < perMinute; slot++) {
      if (await this.setIfAbsent(this.key('signin', key, slot), '1', SIGN_IN_SLOT_MS)) return true;
    }
    return false;
  }

  /** The encrypted kept sign-in of `account`, or null. */
  loadSession(account: string): Promise<string | null> {
    return this.run(() => this.client.get(this.key('session', accountKey(account))));
  }

  async saveSession(account: string, sealed: string, ttlMs: number): Promise<void> {
    await this.run(() => this.client.set(this.key('session', accountKey(account)), sealed, 'PX', ttlMs));
  }

  /** The Redis key a session of `account` is kept under (the encryption binds the blob to it). */
  sessionKey(account: string): string {
    return this.key('session', accountKey(account));
  }

  async close(): Promise<void> {
    this.client.disconnect();
  }
}
