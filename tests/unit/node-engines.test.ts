import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

// semver has no types of its own here; these two functions are all the test needs.
const semver = createRequire(import.meta.url)('semver') as {
  satisfies(version: string, range: string): boolean;
  minVersion(range: string): { version: string } | null;
};

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'));
const engines: string = pkg.engines.node;
/** The oldest Node of each line the engines admit (20.19.0, 22.13.0, 24.0.0), and CI's. */
const lowestOfEachLine = engines.split('||').map((part) => semver.minVersion(part.trim())?.version ?? part);

describe('the Node version is told the truth', () => {
  it.each(lowestOfEachLine)('every dependency in the lockfile accepts Node %s, which package.json admits', (node) => {
    const refusing = Object.entries(lock.packages as Record<string, { version?: string; engines?: { node?: string } }>)
      .filter(([, info]) => typeof info.engines?.node === 'string' && !semver.satisfies(node, info.engines.node))
      .map(([path, info]) => `${path}@${info.version} wants node ${info.engines?.node}`);
    expect(refusing).toEqual([]);
  });

  it('admits the Node this suite runs on (CI: Node 20)', () => {
    expect(semver.satisfies(process.versions.node, engines)).toBe(true);
  });

  it('the README names the same versions, and npm refuses others', () => {
    const readme = readFileSync('README.md', 'utf8').replace(/\s+/g, ' ');
    expect(readme).toContain('Node 20.19 or later on the 20 line, 22.13 or later on the 22 line, or 24 and later');
    expect(lowestOfEachLine).toEqual(['20.19.0', '22.13.0', '24.0.0']);
    expect(readFileSync('.npmrc', 'utf8')).toMatch(/^engine-strict=true$/m);
  });
});
