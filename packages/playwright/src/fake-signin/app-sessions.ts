/**
 * The fake app's own sessions (server.ts): who used the app as which account, from the moment the
 * account was named to the service (its user name typed, or a kept sign-in's single sign-on) to the
 * app's sign-out. One record per sign-in, kept by the one service every browser of a run shares,
 * so a test can check that no two browsers used one account at once (fleet.spec.ts).
 */
import { randomBytes } from 'node:crypto';

export interface AppSession {
  upn: string;
  /** Signed in by a kept session (no password, no MFA). */
  reusedSession: boolean;
  /** When the account was named to the service for this sign-in (epoch ms). */
  since: number;
  /** When the browser signed out of the app; null while it has not. */
  signedOutAt: number | null;
}

export const APP_SESSION_COOKIE = 'ContosoAppSession';

export class AppSessions {
  readonly list: AppSession[] = [];
  private readonly byCookie = new Map<string, AppSession>();

  /** A signed-in browser's session; answers the cookie value that names it. */
  start(session: Omit<AppSession, 'signedOutAt'>): string {
    const id = randomBytes(18).toString('base64url');
    const record: AppSession = { ...session, signedOutAt: null };
    this.list.push(record);
    this.byCookie.set(id, record);
    return id;
  }

  /** Ends the session the request's cookie names; null when it names none (or one already ended). */
  signOut(cookieHeader: string, at = Date.now()): AppSession | null {
    const id = new RegExp(`(?:^|;\\s*)${APP_SESSION_COOKIE}=([^;]+)`).exec(cookieHeader)?.[1];
    const session = id ? this.byCookie.get(id) : undefined;
    if (!session || session.signedOutAt !== null) return null;
    session.signedOutAt = at;
    return session;
  }
}
