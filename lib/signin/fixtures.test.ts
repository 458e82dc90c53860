/**
 * Conventions for the sign-in fixture pages (tests/fixtures/signin): rendered from one template
 * per UI family, self-contained (the e2e tests serve them at real Microsoft URLs), made-up
 * accounts only, and no hand-copied page files left beside the templates.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, fixtureHtml } from '../../tests/fixtures/signin';

const NAMES = Object.keys(FIXTURES);
const DIR = join('tests', 'fixtures', 'signin');

describe('signin fixtures', () => {
  it('are rendered from templates: no page files remain', () => {
    expect(readdirSync(DIR).filter((name) => !name.endsWith('.ts'))).toEqual([]);
    expect(NAMES.length).toBeGreaterThan(25);
  });

  it('each template names its public sources', () => {
    for (const template of ['entra.ts', 'live.ts']) {
      const head = readFileSync(join(DIR, template), 'utf8').split('*/')[0] ?? '';
      expect(head).toMatch(/(estruyf|aws-azure-login|TheNetsky\/Microsoft-Rewards-Script)/);
    }
  });

  it.each(NAMES)('%s loads nothing from elsewhere', (name) => {
    const html = fixtureHtml(name);
    expect(html).not.toMatch(/<script[^>]+src=|<link\b|url\(|@import/i);
    // The one exception: the frame of the framed page, which is the sign-in page itself.
    const sources = [...html.matchAll(/\bsrc="([^"]*)"/g)].map((match) => match[1]);
    expect(
      sources.every(
        (source) => source?.startsWith('https://login.microsoftonline.com/') || source?.startsWith('data:'),
      ),
    ).toBe(true);
  });

  it.each(NAMES)('%s uses made-up accounts only', (name) => {
    const addresses = fixtureHtml(name).match(/[\w.*+-]+@[\w.-]+\.[a-z]+/gi) ?? [];
    for (const address of addresses) expect(address).toMatch(/@(contoso|fabrikam)\./i);
  });

  it('renames the page account everywhere it appears', () => {
    const html = fixtureHtml('enter-code', 'qa.user7@contoso.onmicrosoft.com');
    expect(html).not.toContain('adele.vance');
    expect(html.match(/qa\.user7@contoso\.onmicrosoft\.com/g)?.length).toBeGreaterThan(2);
  });
});
