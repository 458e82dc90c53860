/**
 * Code leases for QA automation (packages/playwright): many browsers, on one machine or several,
 * each with a vault of its own, signing in the same test accounts. Microsoft refuses a code
 * already accepted, so before the background hands a page a code it asks the helper that
 * launched this browser for a lease on (account name, period counter); the helper's ledger (a
 * file on one machine, Redis across several) grants each pair once.
 *
 * Only the helper's setup writes the endpoint, from an extension page into storage.session, which
 * content scripts cannot read or write (its default access level; never widened). No endpoint (a
 * person's browser): no lease is asked for. With one, no code is handed out without a lease: an
 * unreachable helper, an error or an answer that is not understood is "unavailable", never
 * "granted" (docs/SECURITY.md, 'What is not guaranteed', on code leases). What is sent: the account name and the counter,
 * never a code or a secret, and a proof of the token (leaseProof), never the token itself:
 * Playwright records a service worker's requests, headers included, in a suite's traces.
 */
import { storage } from 'wxt/utils/storage';

export interface CodeLeaseEndpoint {
  /** http://127.0.0.1:<port>/lease, the helper's own server. */
  url: string;
  /** Random per helper session: the server answers only requests that carry it. */
  token: string;
}

export const codeLeaseEndpointItem = storage.defineItem<CodeLeaseEndpoint | null>('session:codeLease', {
  fallback: null,
});

/**
 * 'granted': hand the code out. 'refused': another browser has this period's code, wait for the
 * next. 'unavailable': the lease could not be had (helper or its coordination service down):
 * hand nothing out, say so, and ask again later.
 */
export type LeaseAnswer = 'granted' | 'refused' | 'unavailable';

/** The helper answers from memory, a file or Redis: far sooner than this, or not at all. */
const LEASE_TIMEOUT_MS = 5_000;

/**
 * HMAC-SHA256 under the token of "<account>\n<counter>", base64url: what the helper's lease server
 * checks (packages/playwright/src/lease-server.ts computes the same). A recorded request can only
 * be replayed for the same account and period, which the ledger has already answered.
 */
export async function leaseProof(token: string, account: string, counter: number): Promise<string> {
  const encoder = new TextEncoder();
  const key = await crypto.subtle.importKey('raw', encoder.encode(token), { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
  ]);
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, encoder.encode(`${account}\n${counter}`)));
  return btoa(String.fromCharCode(...mac))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

function isLoopbackHttp(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' && (parsed.hostname === '127.0.0.1' || parsed.hostname === '[::1]');
  } catch {
    return false;
  }
}

/**
 * Asks the helper at `endpoint` for the lease on (account, counter). Only a 200 with
 * `{"granted": true}` grants and only a 200 with `{"granted": false}` refuses; anything else
 * (503 "lease-unavailable", another status, a malformed body, a timeout, no answer, an endpoint
 * that is not this machine) is 'unavailable'.
 */
export async function leaseCode(
  account: string,
  counter: number,
  endpoint: CodeLeaseEndpoint,
  timeoutMs = LEASE_TIMEOUT_MS,
): Promise<LeaseAnswer> {
  if (!isLoopbackHttp(endpoint.url)) return 'unavailable';
  try {
    const response = await fetch(endpoint.url, {
      method: 'POST',
      headers: {
        authorization: `MfaLease ${await leaseProof(endpoint.token, account, counter)}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ account, counter }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (response.status !== 200) return 'unavailable';
    const granted = ((await response.json()) as { granted?: unknown } | null)?.granted;
    if (granted === true) return 'granted';
    return granted === false ? 'refused' : 'unavailable';
  } catch {
    return 'unavailable';
  }
}
