/**
 * Conventions for tests/fixtures/signin: the e2e tests serve these pages at real Microsoft
 * URLs, so each must be self-contained, and they share one recording script the tests rely on.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FIXTURE_DIR, fixtureHtml } from './fixture-page.testing';

const FIXTURES = readdirSync(FIXTURE_DIR).filter((name) => name.endsWith('.html'));
const SHARED_SCRIPT = /<script>\n\/\/ ---- Shared fixture script[\s\S]*?<\/script>/;

describe('signin fixtures', () => {
  it('exist', () => {
    expect(FIXTURES.length).toBeGreaterThan(15);
  });

  it.each(FIXTURES)('%s carries the shared recording script unchanged', (name) => {
    const shared = SHARED_SCRIPT.exec(fixtureHtml('enter-code.html'))?.[0];
    expect(shared).toBeDefined();
    expect(SHARED_SCRIPT.exec(fixtureHtml(name))?.[0]).toBe(shared);
  });

  it.each(FIXTURES)('%s loads nothing from elsewhere', (name) => {
    const html = fixtureHtml(name);
    expect(html).not.toMatch(/<script[^>]+src=|<link\b|<img\b|url\(|@import/i);
    // The one exception: the frame of framed.html, which is the sign-in page itself.
    const sources = [...html.matchAll(/\bsrc="([^"]*)"/g)].map((match) => match[1]);
    expect(sources.every((source) => source?.startsWith('https://login.microsoftonline.com/'))).toBe(true);
  });

  it.each(FIXTURES)('%s uses made-up accounts only', (name) => {
    const addresses = fixtureHtml(name).match(/[\w.*+-]+@[\w.-]+\.[a-z]+/gi) ?? [];
    for (const address of addresses) expect(address).toMatch(/@(contoso|fabrikam)\./i);
  });
});
