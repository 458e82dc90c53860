/**
 * The helper's side of code leases (the extension's lib/background/code-lease.ts): a server on
 * 127.0.0.1 that the browser's background asks before handing a page a code, answering from the
 * machine-wide ledger. It hears only an account name and a period counter, never a code. It
 * answers only the extension it launched (its origin) with a proof of this session's random token
 * (leaseProof): the token never crosses the wire, where a trace would record it.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CodeLedger } from './ledger.js';

export interface LeaseRecord {
  account: string;
  counter: number;
  granted: boolean;
  at: number;
  /** When refused: who holds the code for that period, as it named itself (the ledger's holder). */
  heldBy: string | null;
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

export async function startLeaseServer(ledger: CodeLedger, holder = ''): Promise<LeaseServer> {
  const token = randomBytes(24).toString('base64url');
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

  function answer(request: IncomingMessage, response: ServerResponse, body: string): void {
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
    const granted = ledger.claim(account, counter as number, holder);
    const heldBy = granted ? null : ledger.holderOf(account, counter as number);
    const record: LeaseRecord = { account, counter: counter as number, granted, at: Date.now(), heldBy };
    leases.push(record);
    listener?.(record);
    response.writeHead(200, { ...cors, 'content-type': 'application/json' }).end(JSON.stringify({ granted }));
  }

  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) request.destroy();
      else chunks.push(chunk);
    });
    request.on('end', () => answer(request, response, Buffer.concat(chunks).toString('utf8')));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  ledger.prune();
  return {
    endpoint: { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/lease`, token },
    leases,
    allowOrigin(origin) {
      allowedOrigin = origin;
    },
    onAnswer(call) {
      listener = call;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
