import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import { throwAwayCertificate } from '../../packages/playwright/src/fake-signin/certificate';

export { throwAwayCertificate };

export type PageHandler = (request: IncomingMessage, body: string, response: ServerResponse) => void;

export interface LocalHttpsServer {
  port: number;
  /** Serves `html` at exactly `url` (host and path; the query string is ignored). */
  page(url: string, html: string): void;
  /** Answers `url` with a handler of its own (e.g. a fake sign-in service). */
  handle(url: string, handler: PageHandler): void;
  close(): Promise<void>;
}

/**
 * An HTTPS server answering for the given host names (the browser is pointed at it with
 * `network.dns.localDomains` in Firefox). Port 443 by default, so URLs are the real ones.
 */
export async function startHttpsServer(hosts: readonly string[], port = 443): Promise<LocalHttpsServer> {
  const routes = new Map<string, PageHandler>();
  const keyOf = (url: string) => {
    const u = new URL(url);
    return `${u.hostname}${u.pathname}`;
  };
  const server: Server = createServer(throwAwayCertificate(hosts), (request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (c: Buffer) => chunks.push(c));
    request.on('end', () => {
      const host = (request.headers.host ?? '').replace(/:\d+$/, '');
      const path = new URL(request.url ?? '/', 'https://x').pathname;
      const handler = routes.get(`${host}${path}`);
      if (!handler) {
        response.writeHead(404, { 'content-type': 'text/plain' }).end(`No test page at ${host}${path}`);
        return;
      }
      handler(request, Buffer.concat(chunks).toString('utf8'), response);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return {
    port,
    page(url, html) {
      routes.set(keyOf(url), (_req, _body, res) => {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(html);
      });
    },
    handle(url, handler) {
      routes.set(keyOf(url), handler);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
