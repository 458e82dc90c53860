/**
 * The helper's side of code leases (the extension's lib/background/code-lease.ts): a server on
 * 127.0.0.1 that the browser's background asks before handing a page a code, answering from the
 * ledger (files on this machine, or Redis across machines: coordination/ledger.ts). It hears only
 * an account name and a period counter, never a code. It answers only the extension it launched
 * (its origin) with a proof of this session's random token (leaseProof): the token never crosses
 * the wire, where a trace would record it.
 *   200 {"granted":true}    the code may be handed out;
 *   200 {"granted":false}   it was handed out already in this period, or the account has no
 *       sign-in slot free (below): the extension asks again next period either way;
 *   503 {"granted":false,"error":"lease-unavailable"}  the ledger could not answer (a file error,
 *       Redis gone): no code without a lease (README.md, 'Parallel runs').
 *
 * The fleet-wide cap on sign-ins (`signInsPerMinute`): the first lease of an account in this session
 * is a sign-in, so it also takes one of the account's sign-in slots, unless the account pool took
 * one when it handed this session the account (signInCounted). With no slot free the code's claim
 * is undone, so another browser that may sign in can still have that period's code, and the lease
 * is refused: the extension waits for the next period and asks again, and the session reports a
 * wait for a sign-in slot (waits.ts).
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEFAULT_SIGN_INS_PER_MINUTE } from './coordination/account-pool.js';
import type { Ledger } from './coordination/ledger.js';

export interface LeaseRecord {
  account: string;
  counter: number;
  granted: boolean;
  at: number;
  /** When refused: who holds the code for that period, as it named itself (the ledger's holder), when the ledger keeps it. */
  heldBy: string | null;
  /** Why the ledger could not answer (then not granted, and no one is waited for). */
  error?: string;
  /** When refused for want of a sign-in slot: the cap it met (at most this many sign-ins of the account a minute). */
  signInCap?: number;
}

/** What the lease server asks of the ledger. */
export type LeaseLedger = Pick<Ledger, 'claim' | 'releaseClaim' | 'holderOf' | 'takeSignInSlot'>;

export interface LeaseServerOptions {
  /** How this session names itself to those who then wait (the ledger's holder). Not a secret. */
  holder?: string;
  /** At most this many sign-ins of one account a minute, across everyone the ledger reaches. Default 6. */
  signInsPerMinute?: number;
}

export interface LeaseServer {
  /** What the extension is told: where to ask and the token to show. */
  endpoint: { url: string; token: string };
  /** Every answer given, oldest first. */
  readonly leases: readonly LeaseRecord[];
  /** Set once the extension's id is known: requests from any other origin are refused. */
  allowOrigin(origin: string): void;
  /** Called with each answer as it is given (the session notes waits from refusals). */
  onAnswer(listener: (record: LeaseRecord) => void): void;
  /** This session's sign-in of `account` took its slot already (the account pool's hold): its leases take none. */
  signInCounted(account: string): void;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 4_096;

/** HMAC-SHA256 under `token` of "<account>\n<counter>", base64url (lib/background/code-lease.ts sends it). */
export function leaseProof(token: string, account: string, counter: number): string {
  return createHmac('sha256', token).update(`${account}\n${counter}`).digest('base64url');
}

function hasProof(header: string | undefined, token: string, account: string, counter: number): boolean {
  const given = Buffer.from(header ?? '');
  const expected = Buffer.from(`MfaLease ${leaseProof(token, account, counter)}`);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The ledger's answer as a record; a ledger that cannot answer gives a refusal with its error, never a throw. */
async function claimLease(
  ledger: LeaseLedger,
  request: { account: string; counter: number; holder: string },
  signInCap: { perMinute: number; counted: Set<string> },
): Promise<LeaseRecord> {
  const { account, counter, holder } = request;
  const record = (granted: boolean, more: Partial<LeaseRecord> = {}): LeaseRecord => ({
    account,
    counter,
    granted,
    at: Date.now(),
    heldBy: null,
    ...more,
  });
  try {
    if (!(await ledger.claim(account, counter, holder))) {
      // Only words for those who wait: a ledger that cannot say who holds the code names no one.
      return record(false, { heldBy: await ledger.holderOf(account, counter).catch(() => null) });
    }
    const name = account.toLowerCase();
    if (signInCap.counted.has(name)) return record(true);
    if (!(await takeSlotOrUnclaim(ledger, account, counter, signInCap.perMinute))) {
      return record(false, { signInCap: signInCap.perMinute });
    }
    signInCap.counted.add(name);
    return record(true);
  } catch (error) {
    return record(false, { error: (error as Error).message });
  }
}

/** A sign-in slot of `account`; without one (or with an error) the claim just won is undone, as far as the ledger lets. */
async function takeSlotOrUnclaim(
  ledger: LeaseLedger,
  account: string,
  counter: number,
  perMinute: number,
): Promise<boolean> {
  let slot: boolean;
  try {
    slot = await ledger.takeSignInSlot(account, perMinute);
  } catch (error) {
    await ledger.releaseClaim(account, counter).catch(() => undefined);
    throw error;
  }
  // Left in place if the ledger cannot undo it: that period's code is then lost to others, never handed out twice.
  if (!slot) await ledger.releaseClaim(account, counter).catch(() => undefined);
  return slot;
}

export async function startLeaseServer(ledger: LeaseLedger, options: LeaseServerOptions = {}): Promise<LeaseServer> {
  const token = randomBytes(24).toString('base64url');
  const holder = options.holder ?? '';
  const signInCap = {
    perMinute: options.signInsPerMinute ?? DEFAULT_SIGN_INS_PER_MINUTE,
    counted: new Set<string>(),
  };
  const leases: LeaseRecord[] = [];
  let listener: ((record: LeaseRecord) => void) | null = null;
  let allowedOrigin: string | null = null;

  function corsHeaders(request: IncomingMessage): Record<string, string> {
    const origin = request.headers.origin;
    if (!allowedOrigin || origin !== allowedOrigin) return {};
    return {
      'access-control-allow-origin': origin,
      'access-control-allow-methods': 'POST',
      'access-control-allow-headers': 'authorization, content-type',
      // Chromium's Private Network Access preflight, for a request to a loopback address.
      'access-control-allow-private-network': 'true',
      vary: 'origin',
    };
  }

  async function answer(request: IncomingMessage, response: ServerResponse, body: string): Promise<void> {
    const cors = corsHeaders(request);
    if (request.method === 'OPTIONS') {
      response.writeHead(Object.keys(cors).length > 0 ? 204 : 403, cors).end();
      return;
    }
    if (request.method !== 'POST' || request.url !== '/lease' || Object.keys(cors).length === 0) {
      response.writeHead(403, cors).end();
      return;
    }
    let account: unknown;
    let counter: unknown;
    try {
      ({ account, counter } = JSON.parse(body) as { account?: unknown; counter?: unknown });
    } catch {
      // Answered below as a bad request.
    }
    if (typeof account !== 'string' || account.length > 256 || !Number.isSafeInteger(counter)) {
      response.writeHead(400, cors).end();
      return;
    }
    if (!hasProof(request.headers.authorization, token, account, counter as number)) {
      response.writeHead(403, cors).end();
      return;
    }
    const json = { ...cors, 'content-type': 'application/json' };
    const record = await claimLease(ledger, { account, counter: counter as number, holder }, signInCap);
    leases.push(record);
    listener?.(record);
    if (record.error !== undefined) {
      response.writeHead(503, json).end(JSON.stringify({ granted: false, error: 'lease-unavailable' }));
    } else {
      response.writeHead(200, json).end(JSON.stringify({ granted: record.granted }));
    }
  }

  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) request.destroy();
      else chunks.push(chunk);
    });
    request.on('end', () => {
      answer(request, response, Buffer.concat(chunks).toString('utf8')).catch((error: unknown) => {
        // A bug, not a ledger failure (those are answered above): still answer, never crash the worker.
        console.error('MFA Autofill: the lease server failed:', error);
        if (!response.headersSent) response.writeHead(500).end();
      });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  return {
    endpoint: { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/lease`, token },
    leases,
    allowOrigin(origin) {
      allowedOrigin = origin;
    },
    onAnswer(call) {
      listener = call;
    },
    signInCounted(account) {
      signInCap.counted.add(account.toLowerCase());
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
