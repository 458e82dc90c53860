import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type CodeLeaseEndpoint, codeLeaseEndpointItem, leaseCode, leaseProof } from './code-lease';

const ENDPOINT: CodeLeaseEndpoint = { url: 'http://127.0.0.1:41234/lease', token: 'tok3n' };

interface Call {
  url: string;
  init: RequestInit;
}

function fakeFetch(answer: () => Response | Promise<Response>) {
  const calls: Call[] = [];
  const fetchLease = (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return answer();
  }) as unknown as typeof fetch;
  return { calls, fetchLease };
}

describe('leaseCode', () => {
  beforeEach(() => fakeBrowser.reset());

  it('asks nobody when no helper set an endpoint (a person using the extension)', async () => {
    const { calls, fetchLease } = fakeFetch(() => Response.json({ granted: false }));
    expect(await leaseCode('a@contoso.com', 100, fetchLease)).toBe(true);
    expect(calls).toEqual([]);
  });

  it('sends the account name and the counter only, with a proof of the token (never the token), to the endpoint in storage.session', async () => {
    await codeLeaseEndpointItem.setValue(ENDPOINT);
    const { calls, fetchLease } = fakeFetch(() => Response.json({ granted: true }));
    expect(await leaseCode('a@contoso.com', 100, fetchLease)).toBe(true);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.url).toBe(ENDPOINT.url);
    expect(calls[0]!.init.method).toBe('POST');
    const authorization = (calls[0]!.init.headers as Record<string, string>).authorization;
    expect(authorization).toBe(`MfaLease ${await leaseProof('tok3n', 'a@contoso.com', 100)}`);
    expect(JSON.stringify(calls[0]!.init)).not.toContain('tok3n');
    expect(JSON.parse(String(calls[0]!.init.body))).toEqual({ account: 'a@contoso.com', counter: 100 });
  });

  it('is refused when the helper says another browser has that code', async () => {
    const { fetchLease } = fakeFetch(() => Response.json({ granted: false }));
    expect(await leaseCode('a@contoso.com', 100, fetchLease, ENDPOINT)).toBe(false);
  });

  it.each([
    ['the helper cannot be reached', () => Promise.reject(new TypeError('Failed to fetch'))],
    ['the helper answers an error', () => new Response('no', { status: 500 })],
  ])('is granted when %s: a clash is recovered by the retry, a stall would not be', async (_, answer) => {
    const { fetchLease } = fakeFetch(answer as () => Response);
    expect(await leaseCode('a@contoso.com', 100, fetchLease, ENDPOINT)).toBe(true);
  });

  it.each([
    'https://evil.example/lease',
    'http://evil.example/lease',
    'http://127.0.0.1.evil.example/lease',
    'not a url',
  ])('never sends anything to %s, an endpoint that is not this machine', async (url) => {
    const { calls, fetchLease } = fakeFetch(() => Response.json({ granted: false }));
    expect(await leaseCode('a@contoso.com', 100, fetchLease, { url, token: 't' })).toBe(true);
    expect(calls).toEqual([]);
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
