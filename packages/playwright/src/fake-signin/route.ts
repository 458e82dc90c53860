/**
 * Points a browser context's requests for login.microsoftonline.com and app.contoso.example at
 * the fake service: the browser (and so the extension's content script, with its exact-host
 * match patterns) sees the real https URLs, Node carries each request to 127.0.0.1:<port>.
 * Redirects are handed back to the browser, not followed here, so it navigates as it would.
 */
import { request as httpsRequest } from 'node:https';
import type { BrowserContext, Route } from '@playwright/test';
import { FAKE_HOSTS, type FakeSignin } from './server.js';

/** Request headers the browser sets itself or that describe this hop, not the request. */
const HOP_HEADERS = new Set(['host', 'connection', 'content-length', 'accept-encoding', 'transfer-encoding']);

async function forward(route: Route, service: Pick<FakeSignin, 'port' | 'certificate'>): Promise<void> {
  const request = route.request();
  const url = new URL(request.url());
  const body = request.postDataBuffer();
  const headers: Record<string, string> = { host: url.host };
  // allHeaders: with the cookies, which headers() leaves out.
  for (const [name, value] of Object.entries(await request.allHeaders())) {
    if (!HOP_HEADERS.has(name.toLowerCase())) headers[name] = value;
  }
  if (body) headers['content-length'] = String(body.length);
  return new Promise<void>((resolve, reject) => {
    const outgoing = httpsRequest(
      {
        host: '127.0.0.1',
        port: service.port,
        method: request.method(),
        path: `${url.pathname}${url.search}`,
        headers,
        // Trust exactly the fake service's own throw-away certificate, under the name asked for.
        servername: url.hostname,
        ca: service.certificate,
      },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (c: Buffer) => chunks.push(c));
        incoming.on('end', () => {
          const responseHeaders: Record<string, string> = {};
          for (const [name, value] of Object.entries(incoming.headers)) {
            if (value !== undefined) responseHeaders[name] = Array.isArray(value) ? value.join('\n') : value;
          }
          route
            .fulfill({ status: incoming.statusCode ?? 502, headers: responseHeaders, body: Buffer.concat(chunks) })
            .then(resolve, reject);
        });
        incoming.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body ?? undefined);
  });
}

/** Routes the fake hosts of `context` to `service` until the context closes. */
export async function routeToFakeSignin(
  context: BrowserContext,
  service: Pick<FakeSignin, 'port' | 'certificate'>,
): Promise<void> {
  await context.route(
    (url) => url.protocol === 'https:' && (FAKE_HOSTS as readonly string[]).includes(url.hostname),
    async (route) => {
      try {
        await forward(route, service);
      } catch (error) {
        // The page or context went away mid-request (a test that closed it): nothing to answer.
        await route.abort().catch(() => undefined);
        if (!/closed|Target/i.test(String(error))) throw error;
      }
    },
  );
}
