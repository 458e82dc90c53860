/**
 * Sign in once, reuse: Microsoft throttles rapid sign-ins (AADSTS50196 after about 20), so a long
 * suite must not sign each account in for every test. After a session's sign-in of an account
 * completes, its cookies for the Microsoft sign-in hosts (those only) are kept; a later browser for
 * that account starts with them and Microsoft signs it in without password or MFA. Kept where the
 * run coordinates (sessionStoreFor): in Redis, encrypted under $MFA_AUTOFILL_SESSION_KEY, so one
 * runner's sign-in serves the others; else in a file of that account's (mode 0600, in a 0700
 * directory). An expired one is dropped; a session Microsoft rejects goes through the normal
 * sign-in with MFA, and its new cookies replace it.
 */
import { chmodSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext } from '@playwright/test';
import { accountKey } from './coordination/ledger.js';
import type { RedisLedger } from './coordination/redis-ledger.js';
import { openSession, sealSession } from './coordination/sealed-session.js';
import { SESSION_KEY_VARIABLE, sessionKeyFrom } from './coordination/session-key.js';
import { internally } from './internal-call.js';

export interface ReuseSignIn {
  /**
   * Where the per-account cookie files live on this machine. Treat it as secret: the cookies are
   * sign-in sessions. Not needed when sessions are shared through Redis.
   */
  dir?: string;
  /** A kept session older than this is not used (and deleted). Default 60. */
  maxAgeMinutes?: number;
  /** Whose session a new browser starts with. Default: the pool's account, else the vault's only account. */
  account?: string;
}

type Cookie = Awaited<ReturnType<BrowserContext['cookies']>>[number];

export interface KeptSession {
  account: string;
  savedAt: number;
  cookies: Cookie[];
}

/** Where kept sessions live: a folder of this machine, or Redis. */
export interface SessionStore {
  /** "in <dir>" or "in Redis at host:port, encrypted", for messages. */
  readonly where: string;
  /** The kept session of `account` if there is one younger than maxAgeMinutes (an older one is deleted). */
  load(account: string, now?: number): Promise<KeptSession | null>;
  save(kept: KeptSession): Promise<void>;
}

function maxAgeMs(reuse: ReuseSignIn): number {
  return (reuse.maxAgeMinutes ?? 60) * 60_000;
}

export function fileSessionStore(reuse: ReuseSignIn & { dir: string }): SessionStore {
  const fileOf = (account: string) => join(reuse.dir, `${accountKey(account)}.json`);
  return {
    where: `in ${reuse.dir}`,
    async load(account, now = Date.now()) {
      const file = fileOf(account);
      let kept: KeptSession;
      try {
        kept = JSON.parse(readFileSync(file, 'utf8')) as KeptSession;
      } catch {
        return null;
      }
      if (now - kept.savedAt > maxAgeMs(reuse)) {
        rmSync(file, { force: true });
        return null;
      }
      return kept;
    },
    async save(kept) {
      mkdirSync(reuse.dir, { recursive: true, mode: 0o700 });
      if ((statSync(reuse.dir).mode & 0o077) !== 0) chmodSync(reuse.dir, 0o700);
      const file = fileOf(kept.account);
      const partial = `${file}.${process.pid}.${kept.savedAt}.tmp`;
      writeFileSync(partial, JSON.stringify(kept), { mode: 0o600 });
      renameSync(partial, file);
    },
  };
}

export function redisSessionStore(reuse: ReuseSignIn, redis: RedisLedger, key: Buffer): SessionStore {
  return {
    where: `in ${redis.where}, encrypted`,
    async load(account, now = Date.now()) {
      const sealed = await redis.loadSession(account);
      if (sealed === null) return null;
      const plain = openSession(sealed, key, redis.sessionKey(account));
      if (plain === null) {
        console.warn(
          `MFA Autofill: the kept sign-in of ${account} in ${redis.where} does not open with this ` +
            `${SESSION_KEY_VARIABLE}: give every machine of the run the same key. Signing in instead.`,
        );
        return null;
      }
      const kept = JSON.parse(plain) as KeptSession;
      return now - kept.savedAt > maxAgeMs(reuse) ? null : kept;
    },
    async save(kept) {
      const sealed = sealSession(JSON.stringify(kept), key, redis.sessionKey(kept.account));
      // Redis drops it when it is too old to use: nothing stale stays behind.
      await redis.saveSession(kept.account, sealed, maxAgeMs(reuse));
    },
  };
}

const warned = new Set<string>();
function warnOnce(message: string): void {
  if (warned.has(message)) return;
  warned.add(message);
  console.warn(message);
}

/**
 * Where this run keeps sessions: Redis (encrypted) when it coordinates through Redis and has a
 * session key; without the key, refuses to share them (a session in clear in Redis would be a
 * sign-in for anyone who can read it) and keeps them in `dir`, if given. Null: no reuse.
 */
export function sessionStoreFor(
  reuse: ReuseSignIn,
  redis: RedisLedger | null,
  env: NodeJS.ProcessEnv = process.env,
): SessionStore | null {
  if (redis) {
    const key = sessionKeyFrom(env);
    if (key) return redisSessionStore(reuse, redis, key);
    const local = reuse.dir
      ? `they are kept on this machine only, in ${reuse.dir}`
      : 'and reuseSignIn has no dir to keep them on this machine either: every test signs in';
    warnOnce(
      `MFA Autofill: reuseSignIn does not share sign-ins through ${redis.where}: ${SESSION_KEY_VARIABLE} ` +
        `is not set (32 random bytes, hex or base64: openssl rand -base64 32, the same on every machine); ${local}.`,
    );
  }
  if (reuse.dir) return fileSessionStore({ ...reuse, dir: reuse.dir });
  if (!redis) {
    warnOnce(
      'MFA Autofill: reuseSignIn has no dir (and the run does not coordinate through Redis): every test signs in.',
    );
  }
  return null;
}

function isSigninCookie(cookie: Cookie, hosts: readonly string[]): boolean {
  return hosts.includes(cookie.domain.replace(/^\./, ''));
}

/** Adds the kept session of `account` to the browser; false when there is none fresh enough. */
export async function restoreSignIn(
  context: BrowserContext,
  store: SessionStore,
  account: string,
  hosts: readonly string[],
  now = Date.now(),
): Promise<boolean> {
  const kept = await store.load(account, now);
  const cookies = kept?.cookies.filter((c) => isSigninCookie(c, hosts)) ?? [];
  if (cookies.length === 0) return false;
  await internally(context, () => context.addCookies(cookies));
  return true;
}

/** Keeps the browser's sign-in-host cookies as `account`'s session. */
export async function keepSignIn(
  context: BrowserContext,
  store: SessionStore,
  account: string,
  hosts: readonly string[],
  now = Date.now(),
): Promise<void> {
  const all = await internally(context, () => context.cookies(hosts.map((h) => `https://${h}/`)));
  const cookies = all.filter((c) => isSigninCookie(c, hosts));
  if (cookies.length === 0) return;
  await store.save({ account, savedAt: now, cookies });
}
