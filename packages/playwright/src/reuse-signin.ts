/**
 * Sign in once, reuse: Microsoft throttles rapid sign-ins (AADSTS50196 after about 20), so a long
 * suite must not sign each account in for every test. After a session's sign-in of an account
 * completes, its cookies for the Microsoft sign-in hosts (those only) are kept in a file of that
 * account's (mode 0600, in a 0700 directory); a later browser for that account starts with them
 * and Microsoft signs it in without password or MFA. An expired file is deleted; a session
 * Microsoft rejects goes through the normal sign-in with MFA, and its new cookies replace the file.
 */
import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext } from '@playwright/test';
import { internally } from './internal-call.js';

export interface ReuseSignIn {
  /** Where the per-account cookie files live. Treat it as secret: the cookies are sign-in sessions. */
  dir: string;
  /** A kept session older than this is not used (and deleted). Default 60. */
  maxAgeMinutes?: number;
  /** Whose session a new browser starts with. Default: the vault's only account, if it has one. */
  account?: string;
}

type Cookie = Awaited<ReturnType<BrowserContext['cookies']>>[number];

interface KeptSession {
  account: string;
  savedAt: number;
  cookies: Cookie[];
}

function fileOf(dir: string, account: string): string {
  return join(dir, `${createHash('sha256').update(account.trim().toLowerCase()).digest('hex').slice(0, 32)}.json`);
}

function isSigninCookie(cookie: Cookie, hosts: readonly string[]): boolean {
  return hosts.includes(cookie.domain.replace(/^\./, ''));
}

/** Adds the kept session of `account` to the browser; false when there is none fresh enough. */
export async function restoreSignIn(
  context: BrowserContext,
  reuse: ReuseSignIn,
  account: string,
  hosts: readonly string[],
  now = Date.now(),
): Promise<boolean> {
  const file = fileOf(reuse.dir, account);
  let kept: KeptSession;
  try {
    kept = JSON.parse(readFileSync(file, 'utf8')) as KeptSession;
  } catch {
    return false;
  }
  if (now - kept.savedAt > (reuse.maxAgeMinutes ?? 60) * 60_000) {
    rmSync(file, { force: true });
    return false;
  }
  const cookies = kept.cookies.filter((c) => isSigninCookie(c, hosts));
  if (cookies.length === 0) return false;
  await internally(context, () => context.addCookies(cookies));
  return true;
}

/** Keeps the browser's sign-in-host cookies as `account`'s session (mode 0600, written whole). */
export async function keepSignIn(
  context: BrowserContext,
  reuse: ReuseSignIn,
  account: string,
  hosts: readonly string[],
  now = Date.now(),
): Promise<void> {
  const all = await internally(context, () => context.cookies(hosts.map((h) => `https://${h}/`)));
  const cookies = all.filter((c) => isSigninCookie(c, hosts));
  if (cookies.length === 0) return;
  mkdirSync(reuse.dir, { recursive: true, mode: 0o700 });
  if ((statSync(reuse.dir).mode & 0o077) !== 0) chmodSync(reuse.dir, 0o700);
  const file = fileOf(reuse.dir, account);
  const partial = `${file}.${process.pid}.${now}.tmp`;
  const kept: KeptSession = { account, savedAt: now, cookies };
  writeFileSync(partial, JSON.stringify(kept), { mode: 0o600 });
  renameSync(partial, file);
}
