/**
 * Code leases for QA automation (packages/playwright): many browsers on one machine, each with a
 * vault of its own, signing in the same test accounts. Microsoft refuses a code already accepted,
 * so before the background hands a page a code it asks the helper that launched this browser for
 * a lease on (account name, period counter); the helper keeps a machine-wide ledger and grants
 * each pair once. Refused: the page waits for the next period, as for a code this vault already used.
 *
 * Only the helper's setup writes the endpoint, from an extension page into storage.session, which
 * content scripts cannot read or write (its default access level; never widened). No endpoint (a
 * person's browser): no lease is asked for. What is sent: the account name and the counter,
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

/** The helper answers from memory and a file in the temp dir: far sooner than this. */
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
 * True when this code may be handed out. With no endpoint set, always. When the helper cannot be
 * reached it is granted too: the page's refused-code retry recovers from a clash, a stalled
 * sign-in would not.
 */
export async function leaseCode(
  account: string,
  counter: number,
  fetchLease: typeof fetch = fetch,
  endpoint: CodeLeaseEndpoint | null = null,
): Promise<boolean> {
  const target = endpoint ?? (await codeLeaseEndpointItem.getValue());
  if (!target || !isLoopbackHttp(target.url)) return true;
  try {
    const response = await fetchLease(target.url, {
      method: 'POST',
      headers: {
        authorization: `MfaLease ${await leaseProof(target.token, account, counter)}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ account, counter }),
      signal: AbortSignal.timeout(LEASE_TIMEOUT_MS),
    });
    if (!response.ok) return true;
    const answer = (await response.json()) as { granted?: unknown };
    return answer.granted !== false;
  } catch {
    return true;
  }
}
