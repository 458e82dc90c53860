// @vitest-environment node
// Node's own fetch against a real server on 127.0.0.1, as the service worker's fetch would reach the helper.
import { afterEach, describe, expect, it } from 'vitest';
import { leaseCode, leaseProof } from './code-lease';
import {
  GRANTED,
  LEASE_UNAVAILABLE,
  type LeaseReply,
  REFUSED_LEASE,
  startLeaseServer,
  type TestLeaseServer,
} from './lease-server.testing';

let server: TestLeaseServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serverAnswering(reply: LeaseReply) {
  server = await startLeaseServer(() => reply);
  return server;
}

describe('leaseCode', () => {
  it('sends the account name and the counter only, with a proof of the token (never the token), and is granted on 200 {"granted":true}', async () => {
    const { endpoint, requests } = await serverAnswering(GRANTED);
    expect(await leaseCode('a@contoso.com', 100, endpoint)).toBe('granted');
    expect(requests).toEqual([
      {
        authorization: `MfaLease ${await leaseProof(endpoint.token, 'a@contoso.com', 100)}`,
        body: { account: 'a@contoso.com', counter: 100 },
      },
    ]);
  });

  it('is refused on 200 {"granted":false}: another browser has that code', async () => {
    const { endpoint } = await serverAnswering(REFUSED_LEASE);
    expect(await leaseCode('a@contoso.com', 100, endpoint)).toBe('refused');
  });

  it.each<[string, LeaseReply]>([
    ['503 lease-unavailable (its coordination service is down)', LEASE_UNAVAILABLE],
    ['500', { status: 500, body: 'no' }],
    ['401 (a wrong token)', { status: 401, body: '{"granted":true}' }],
    ['204, another 2xx', { status: 204, body: '' }],
    ['200 with a body that is not JSON', { status: 200, body: 'granted' }],
    ['200 with JSON null', { status: 200, body: 'null' }],
    ['200 without "granted"', { status: 200, body: '{}' }],
    ['200 with "granted":"yes"', { status: 200, body: '{"granted":"yes"}' }],
  ])('is unavailable, never granted, when the helper answers %s', async (_, reply) => {
    const { endpoint } = await serverAnswering(reply);
    expect(await leaseCode('a@contoso.com', 100, endpoint)).toBe('unavailable');
  });

  it('is unavailable when the helper does not answer in time', async () => {
    const { endpoint, requests } = await serverAnswering('hang');
    expect(await leaseCode('a@contoso.com', 100, endpoint, 300)).toBe('unavailable');
    expect(requests).toHaveLength(1);
  });

  it('is unavailable when nothing listens at the endpoint', async () => {
    const { endpoint } = await serverAnswering(GRANTED);
    await server?.close();
    server = undefined;
    expect(await leaseCode('a@contoso.com', 100, endpoint)).toBe('unavailable');
  });

  it.each([
    'https://evil.example/lease',
    'http://evil.example/lease',
    'http://127.0.0.1.evil.example/lease',
    'not a url',
  ])('never asks %s, an endpoint that is not this machine, and hands nothing out', async (url) => {
    expect(await leaseCode('a@contoso.com', 100, { url, token: 't' })).toBe('unavailable');
  });
});

describe('who can set the lease endpoint', () => {
  it('storage.session keeps its default access level (extension pages only): nothing widens it for content scripts', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const sources = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory()
          ? sources(join(dir, entry.name))
          : /\.tsx?$/.test(entry.name) && !entry.name.includes('.test.')
            ? [join(dir, entry.name)]
            : [],
      );
    const files = [...sources('lib'), ...sources('entrypoints'), ...sources('components')];
    expect(files.length).toBeGreaterThan(20);
    // storage-access.ts narrows every area to TRUSTED_CONTEXTS (its own test checks nothing wider is asked for).
    const narrowing = join('lib', 'background', 'storage-access.ts');
    // Spelled in two parts so this guard is not itself a source that names the wider level.
    const widerLevel = ['TRUSTED_AND', 'UNTRUSTED_CONTEXTS'].join('_');
    expect(
      files.filter((f) => {
        const text = readFileSync(f, 'utf8');
        return f !== narrowing && (text.includes('setAccessLevel') || text.includes(widerLevel));
      }),
    ).toEqual([]);
    expect(readFileSync(narrowing, 'utf8')).not.toContain(widerLevel);
  });
});
