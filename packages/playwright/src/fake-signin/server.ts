/**
 * A fake Microsoft sign-in service and the app behind it, for the automation tests and the
 * bench: a Node HTTPS server that answers as login.microsoftonline.com and app.contoso.example
 * (the browser reaches it through Playwright routing, route.ts, so the extension sees the real
 * URLs). It checks passwords and TOTP codes itself, with its own RFC 6238 code (totp.ts):
 *
 *   app / → authorize → user name → password → ["Approve sign in request" → "I can't use my
 *   Microsoft Authenticator app right now" → "Use a verification code", for a user with
 *   pushFirst] → "Enter code" (EndAuth checks the code: ±1
 *   period, never a counter already accepted) → ProcessAuth → "Stay signed in?" → form_post
 *   to app /signin-oidc: "Signed in as <upn>"; app /signout: "Signed out of the app" (app-sessions.ts).
 *
 * No HTTP redirects: Playwright does not route the request a fulfilled redirect leads to.
 * The app sends the browser to sign in from script, as MSAL.js does, and the service returns
 * the authorization code with response_mode=form_post, as Entra does for web apps.
 *
 * State is per sign-in (a flow token posted with every form, as the real pages do), so no
 * cookies are needed; accepted counters are per user and shared by every browser that uses
 * this server, like the real service.
 */

import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { APP_SESSION_COOKIE, type AppSession, AppSessions } from './app-sessions.js';
import { throwAwayCertificate } from './certificate.js';
import {
  APP_ORIGIN,
  type AppSignIn,
  appErrorPage,
  appPage,
  appSignedOutPage,
  ERROR_REUSED_CODE,
  ERROR_UNKNOWN_USER,
  ERROR_WRONG_CODE,
  ERROR_WRONG_PASSWORD,
  enterCodePage,
  formPostPage,
  kmsiPage,
  LOGIN_ORIGIN,
  passwordPage,
  pushPage,
  redirectPage,
  TENANT,
  throttledPage,
  usernamePage,
  waitingForApprovalPage,
} from './pages.js';
import { checkCode, MICROSOFT_TOTP, type TotpParams } from './totp.js';

export const FAKE_HOSTS = [new URL(LOGIN_ORIGIN).hostname, new URL(APP_ORIGIN).hostname] as const;

export interface DirectoryUser {
  upn: string;
  password: string;
  /** Base32, as registered with the authenticator app. */
  secret: string;
  totp?: TotpParams;
  /**
   * Show "Approve sign in request" (the Authenticator push) first, as for an account whose default
   * method is the app's notification; the code prompt is then reached by "I can't use my Microsoft
   * Authenticator app right now" → "Use a verification code". Default: the service's `pushFirst`.
   */
  pushFirst?: boolean;
  /** After the password, Entra's "too many sign-ins" error page (AADSTS50196) instead of MFA. */
  throttled?: boolean;
}

/** A screen the service showed in a sign-in, in order, for tests to check the path taken. */
export interface ScreenRecord {
  upn: string;
  screen: 'push' | 'code' | 'waiting-for-approval' | 'kmsi' | 'throttled';
  at: number;
}

/** What the service decided about one code. */
export interface CodeCheckRecord {
  upn: string;
  code: string;
  at: number;
  result: 'accepted' | 'wrong' | 'reused';
}

export interface FakeSignin {
  port: number;
  /** The throw-away certificate the server presents (trust it for 127.0.0.1:port only). */
  certificate: Buffer;
  codeChecks: readonly CodeCheckRecord[];
  signIns: readonly AppSignIn[];
  /** Each sign-in's use of its account: from the account named to the service to the app's /signout. */
  appSessions: readonly AppSession[];
  screens: readonly ScreenRecord[];
  /** Ends every sign-in session (its ESTSAUTH cookie is refused from now on), as a password reset or a revocation does. */
  revokeSessions(): void;
  close(): Promise<void>;
}

export interface FakeSigninOptions {
  users: readonly DirectoryUser[];
  /** How long each page keeps its body hidden before showing the form (the real ones render late). */
  renderDelayMs?: number;
  /**
   * Keep sign-in sessions, as Entra does: an ESTSAUTH cookie after each sign-in, and single
   * sign-on (straight back to the app) for a browser that has a valid one. Off by default, so
   * one browser can sign several accounts in one after another without signing out.
   */
  keepSessions?: boolean;
  /** How long a kept session is honoured. Default 60 minutes. */
  sessionMinutes?: number;
  /** Every user's default for DirectoryUser.pushFirst. Default false: the code prompt first. */
  pushFirst?: boolean;
  /** Where to listen: 127.0.0.1 and a free port unless told (Firefox reaches it on 443 by DNS pref). */
  host?: string;
  port?: number;
}

type Stage = 'username' | 'password' | 'mfa' | 'mfa-verified' | 'kmsi' | 'done';

interface Flow {
  stage: Stage;
  redirectUri: string;
  state: string;
  user: DirectoryUser | null;
  /** When the user name was accepted: from then on this sign-in uses the account. */
  namedAt: number;
  rememberMfa: boolean;
  codeShownAt: number;
  codeSubmittedAt: number;
}

const REDIRECT_URI = `${APP_ORIGIN}/signin-oidc`;
const CLIENT_ID = '00000000-0000-0000-0000-00000000c0de';

const token = () => randomBytes(18).toString('base64url');

/** A timestamp a page posted, or 0 when it is missing or not one. */
function epochMs(value: string | null): number {
  const ms = Number(value);
  return Number.isFinite(ms) && ms > 0 ? ms : 0;
}

export function authorizeUrl(state = token()): string {
  const query = new URLSearchParams({
    client_id: CLIENT_ID,
    response_type: 'code',
    response_mode: 'form_post',
    redirect_uri: REDIRECT_URI,
    scope: 'openid profile',
    state,
  });
  return `${LOGIN_ORIGIN}/${TENANT}/oauth2/v2.0/authorize?${query}`;
}

export async function startFakeSignin({
  users,
  renderDelayMs = 80,
  pushFirst = false,
  keepSessions = false,
  sessionMinutes = 60,
  host: listenHost = '127.0.0.1',
  port: listenPort = 0,
}: FakeSigninOptions): Promise<FakeSignin> {
  const directory = new Map(users.map((u) => [u.upn.toLowerCase(), u]));
  const flows = new Map<string, Flow>();
  /** An authorization code → its sign-in, and when that sign-in named its account. */
  const authCodes = new Map<string, AppSignIn & { namedAt: number }>();
  const appSessions = new AppSessions();
  const lastAcceptedCounter = new Map<string, number>();
  const codeChecks: CodeCheckRecord[] = [];
  const signIns: AppSignIn[] = [];
  const screens: ScreenRecord[] = [];
  /** ESTSAUTH value → the signed-in user and when the session ends. */
  const sessions = new Map<string, { user: DirectoryUser; until: number }>();
  const shown = (user: DirectoryUser, screen: ScreenRecord['screen'], page: string): Answer => {
    screens.push({ upn: user.upn, screen, at: Date.now() });
    return html(page);
  };
  const { key, cert } = throwAwayCertificate(FAKE_HOSTS);

  /** What a handler answers; one place writes it. */
  type Answer = { status?: number; html: string; setCookie?: string } | { json: unknown };
  const html = (body: string, status = 200): Answer => ({ status, html: body });
  const json = (value: unknown): Answer => ({ json: value });

  function flowOf(form: URLSearchParams | Record<string, unknown>, stages: Stage[]): Flow | null {
    const id = form instanceof URLSearchParams ? form.get('flowToken') : form.FlowToken;
    const flow = typeof id === 'string' ? flows.get(id) : undefined;
    return flow && stages.includes(flow.stage) ? flow : null;
  }

  /** Single sign-on, as Entra does with a valid ESTSAUTH cookie: straight back to the app. */
  function signedInAlready(cookie: string, state: string): Answer | null {
    const value = /(?:^|;\s*)ESTSAUTH=([^;]+)/.exec(cookie)?.[1];
    const session = value ? sessions.get(value) : undefined;
    if (!session || session.until < Date.now()) return null;
    const code = token();
    authCodes.set(code, {
      upn: session.user.upn,
      staySignedIn: false,
      rememberMfa: false,
      timing: null,
      reusedSession: true,
      namedAt: Date.now(),
    });
    return html(formPostPage(REDIRECT_URI, { code, state }));
  }

  function login(method: string, url: URL, body: string, cookie: string): Answer {
    const path = url.pathname;
    if (method === 'GET' && /\/oauth2(\/v2\.0)?\/authorize$/.test(path)) {
      const sso = signedInAlready(cookie, url.searchParams.get('state') ?? '');
      if (sso) return sso;
      const id = token();
      const query = url.searchParams;
      flows.set(id, {
        stage: 'username',
        redirectUri: REDIRECT_URI,
        state: query.get('state') ?? '',
        user: null,
        namedAt: 0,
        rememberMfa: false,
        codeShownAt: 0,
        codeSubmittedAt: 0,
      });
      return html(usernamePage(id, renderDelayMs));
    }
    if (method !== 'POST') return html('Not found', 404);
    if (path === '/common/SAS/EndAuth') return endAuth(body);
    const form = new URLSearchParams(body);
    const id = form.get('flowToken') ?? '';
    if (path === '/common/login' && form.get('step') === 'username') {
      const flow = flowOf(form, ['username', 'password']);
      if (!flow) return html('Your session has expired: start again.', 400);
      const typed = (form.get('loginfmt') ?? '').trim();
      const user = directory.get(typed.toLowerCase());
      if (!user) return html(usernamePage(id, renderDelayMs, ERROR_UNKNOWN_USER, typed));
      flow.user = user;
      flow.namedAt = Date.now();
      flow.stage = 'password';
      return html(passwordPage(id, user.upn, renderDelayMs));
    }
    if (path === '/common/login' && form.get('step') === 'password') {
      const flow = flowOf(form, ['password']);
      if (!flow?.user) return html('Your session has expired: start again.', 400);
      if (form.get('passwd') !== flow.user.password) {
        return html(passwordPage(id, flow.user.upn, renderDelayMs, ERROR_WRONG_PASSWORD));
      }
      if (flow.user.throttled) {
        flows.delete(id);
        return shown(flow.user, 'throttled', throttledPage(flow.user.upn, renderDelayMs));
      }
      flow.stage = 'mfa';
      if (flow.user.pushFirst ?? pushFirst) {
        const displayedNumber = 10 + (randomBytes(1)[0]! % 90);
        return shown(flow.user, 'push', pushPage(id, flow.user.upn, renderDelayMs, displayedNumber));
      }
      return shown(flow.user, 'code', enterCodePage(id, flow.user.upn, renderDelayMs));
    }
    if (path === '/common/SAS/ChooseProof') {
      const flow = flowOf(form, ['mfa']);
      if (!flow?.user) return html('Your session has expired: start again.', 400);
      if (form.get('proof') === 'PhoneAppOTP') {
        return shown(flow.user, 'code', enterCodePage(id, flow.user.upn, renderDelayMs, true));
      }
      return shown(flow.user, 'waiting-for-approval', waitingForApprovalPage(flow.user.upn, renderDelayMs));
    }
    if (path === '/common/SAS/ProcessAuth') {
      const flow = flowOf(form, ['mfa-verified']);
      if (!flow?.user) return html('The verification code was not accepted for this sign-in.', 400);
      flow.rememberMfa = form.get('rememberMFA') === 'true';
      flow.codeShownAt = epochMs(form.get('codeShownAt'));
      flow.codeSubmittedAt = epochMs(form.get('codeSubmittedAt'));
      flow.stage = 'kmsi';
      return shown(flow.user, 'kmsi', kmsiPage(id, flow.user.upn, renderDelayMs));
    }
    if (path === '/kmsi') {
      const flow = flowOf(form, ['kmsi']);
      if (!flow?.user) return html('Your session has expired: start again.', 400);
      flow.stage = 'done';
      flows.delete(id);
      const code = token();
      const timing = {
        codeShownAt: flow.codeShownAt,
        codeSubmittedAt: flow.codeSubmittedAt,
        kmsiShownAt: epochMs(form.get('kmsiShownAt')),
        kmsiAnsweredAt: epochMs(form.get('kmsiAnsweredAt')),
      };
      authCodes.set(code, {
        upn: flow.user.upn,
        staySignedIn: form.get('LoginOptions') === '1',
        rememberMfa: flow.rememberMfa,
        timing: Object.values(timing).every((v) => v > 0) ? timing : null,
        reusedSession: false,
        namedAt: flow.namedAt,
      });
      const signedIn = html(formPostPage(flow.redirectUri, { code, state: flow.state }));
      if (!keepSessions) return signedIn;
      const session = token();
      sessions.set(session, { user: flow.user, until: Date.now() + sessionMinutes * 60_000 });
      return { ...signedIn, setCookie: `ESTSAUTH=${session}; Path=/; Secure; HttpOnly; SameSite=None` };
    }
    return html('Not found', 404);
  }

  /** The code check, as the real page's background POST: the answer is shown in the same page. */
  function endAuth(body: string): Answer {
    let request: Record<string, unknown>;
    try {
      request = JSON.parse(body) as Record<string, unknown>;
    } catch {
      return json({ Success: false, ResultValue: 'InvalidRequest', Message: 'Bad request.' });
    }
    const flow = flowOf(request, ['mfa']);
    if (!flow?.user) {
      return json({ Success: false, ResultValue: 'SessionExpired', Message: 'Start the sign-in again.' });
    }
    const { user } = flow;
    const code = String(request.AdditionalAuthData ?? '').trim();
    const at = Date.now();
    const key = user.upn.toLowerCase();
    const check = checkCode(user.secret, code, at, lastAcceptedCounter.get(key) ?? null, user.totp ?? MICROSOFT_TOTP);
    if (check.ok) {
      lastAcceptedCounter.set(key, check.counter);
      flow.stage = 'mfa-verified';
      codeChecks.push({ upn: user.upn, code, at, result: 'accepted' });
      return json({ Success: true, ResultValue: 'Success' });
    }
    codeChecks.push({ upn: user.upn, code, at, result: check.reason });
    return json({
      Success: false,
      ResultValue: check.reason === 'reused' ? 'OathCodeDuplicate' : 'OathCodeIncorrect',
      Message: check.reason === 'reused' ? ERROR_REUSED_CODE : ERROR_WRONG_CODE,
    });
  }

  function app(method: string, url: URL, body: string, cookie: string): Answer {
    if (method === 'GET' && url.pathname === '/') return html(redirectPage(authorizeUrl()));
    if (method === 'POST' && url.pathname === '/signin-oidc') {
      const code = new URLSearchParams(body).get('code') ?? '';
      const issued = authCodes.get(code);
      if (!issued) return html(appErrorPage('Sign-in failed: unknown or used authorization code.'), 400);
      authCodes.delete(code);
      const { namedAt, ...signIn } = issued;
      signIns.push(signIn);
      const session = appSessions.start({ upn: signIn.upn, reusedSession: signIn.reusedSession, since: namedAt });
      const setCookie = `${APP_SESSION_COOKIE}=${session}; Path=/; Secure; HttpOnly; SameSite=Lax`;
      return { ...html(appPage(signIn)), setCookie };
    }
    if (method === 'GET' && url.pathname === '/signout') {
      const ended = appSessions.signOut(cookie);
      return ended ? html(appSignedOutPage(ended.upn)) : html(appErrorPage('Not signed in to the app.'), 400);
    }
    return html(appErrorPage('Not found'), 404);
  }

  function answer(request: IncomingMessage, body: string): Answer {
    const host = (request.headers.host ?? '').replace(/:\d+$/, '');
    const method = request.method ?? 'GET';
    const url = new URL(request.url ?? '/', `https://${host}`);
    if (host === FAKE_HOSTS[0]) return login(method, url, body, request.headers.cookie ?? '');
    if (host === FAKE_HOSTS[1]) return app(method, url, body, request.headers.cookie ?? '');
    return html(`No fake service for ${host}`, 421);
  }

  function respond(response: ServerResponse, reply: Answer): void {
    const noStore = { 'cache-control': 'no-store' };
    if ('json' in reply) {
      response.writeHead(200, { ...noStore, 'content-type': 'application/json' }).end(JSON.stringify(reply.json));
    } else {
      const cookie = reply.setCookie ? { 'set-cookie': reply.setCookie } : {};
      response
        .writeHead(reply.status ?? 200, { ...noStore, ...cookie, 'content-type': 'text/html; charset=utf-8' })
        .end(reply.html);
    }
  }

  const server: Server = createServer({ key, cert }, (request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (c: Buffer) => chunks.push(c));
    request.on('end', () => respond(response, answer(request, Buffer.concat(chunks).toString('utf8'))));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(listenPort, listenHost, resolve);
  });
  return {
    port: (server.address() as AddressInfo).port,
    certificate: cert,
    codeChecks,
    signIns,
    appSessions: appSessions.list,
    screens,
    revokeSessions: () => sessions.clear(),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
