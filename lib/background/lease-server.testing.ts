/**
 * A real HTTP server on 127.0.0.1 standing in for the QA helper's lease endpoint, answering as a
 * test says: the extension side of the lease contract is tested over a real socket.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CodeLeaseEndpoint } from './code-lease';

/** A status and a raw body, or 'hang' to never answer. */
export type LeaseReply = { status: number; body: string } | 'hang';

export interface LeaseRequest {
  authorization: string | undefined;
  body: unknown;
}

export interface TestLeaseServer {
  endpoint: CodeLeaseEndpoint;
  requests: LeaseRequest[];
  /** Changes how the next requests are answered (a promise: answered once it settles). */
  answer(reply: () => LeaseReply | Promise<LeaseReply>): void;
  close(): Promise<void>;
}

export const GRANTED: LeaseReply = { status: 200, body: '{"granted":true}' };
export const REFUSED_LEASE: LeaseReply = { status: 200, body: '{"granted":false}' };
export const LEASE_UNAVAILABLE: LeaseReply = { status: 503, body: '{"granted":false,"error":"lease-unavailable"}' };

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    request.on('data', (chunk) => {
      text += chunk;
    });
    request.on('end', () => resolve(text));
    request.on('error', reject);
  });
}

/**
 * `allowOrigin`: the extension origin a browser's background asks from (end-to-end tests): its
 * fetch is cross-origin, so the server answers the CORS preflight for it, as the helper's does.
 */
export async function startLeaseServer(
  reply: () => LeaseReply | Promise<LeaseReply> = () => GRANTED,
  allowOrigin?: string,
): Promise<TestLeaseServer> {
  let current = reply;
  const requests: LeaseRequest[] = [];
  const cors: Record<string, string> = allowOrigin
    ? {
        'access-control-allow-origin': allowOrigin,
        'access-control-allow-methods': 'POST',
        'access-control-allow-headers': 'authorization, content-type',
        'access-control-allow-private-network': 'true',
      }
    : {};
  const server = createServer(async (request, response) => {
    if (request.method === 'OPTIONS') {
      response.writeHead(204, cors).end();
      return;
    }
    const text = await readBody(request);
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {}
    requests.push({ authorization: request.headers.authorization, body });
    const answer = await current();
    if (answer === 'hang') return;
    response.writeHead(answer.status, { ...cors, 'content-type': 'application/json' }).end(answer.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: { url: `http://127.0.0.1:${port}/lease`, token: `token-${port}` },
    requests,
    answer(next) {
      current = next;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
