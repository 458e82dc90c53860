import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { SIGNIN_MATCH_PATTERNS } from '../../lib/signin/hosts';

const TARGETS = ['chrome-mv3', 'edge-mv3', 'firefox-mv3'] as const;

/** Every permission the extension may hold, and why (README.md, 'Permissions'). */
const ALLOWED_PERMISSIONS: Record<(typeof TARGETS)[number], string[]> = {
  'chrome-mv3': ['storage', 'alarms', 'activeTab', 'clipboardWrite', 'idle', 'scripting', 'offscreen'],
  'edge-mv3': ['storage', 'alarms', 'activeTab', 'clipboardWrite', 'idle', 'scripting', 'offscreen'],
  // Firefox has no offscreen documents: its background page has a DOM.
  'firefox-mv3': ['storage', 'alarms', 'activeTab', 'clipboardWrite', 'idle', 'scripting'],
};

// biome-ignore lint/suspicious/noExplicitAny: a manifest is arbitrary JSON; the test inspects its shape.
function manifestOf(target: string): any {
  return JSON.parse(readFileSync(join('.output', target, 'manifest.json'), 'utf8'));
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe.each(TARGETS)('the %s build', (target) => {
  const manifest = manifestOf(target);
  const sorted = (list: string[]) => [...list].sort();

  it('is Manifest V3', () => {
    expect(manifest.manifest_version).toBe(3);
  });

  it('asks for the listed permissions and nothing else', () => {
    expect(sorted(manifest.permissions)).toEqual(sorted(ALLOWED_PERMISSIONS[target]));
    expect(manifest.optional_permissions ?? []).toEqual([]);
    expect(manifest.optional_host_permissions ?? []).toEqual([]);
  });

  it('has host permissions for exactly the https sign-in hosts', () => {
    expect(sorted(manifest.host_permissions)).toEqual(sorted([...SIGNIN_MATCH_PATTERNS]));
  });

  it('runs one content script, on exactly the sign-in hosts, in the top frame only', () => {
    expect(manifest.content_scripts).toHaveLength(1);
    const [script] = manifest.content_scripts;
    expect(sorted(script.matches)).toEqual(sorted([...SIGNIN_MATCH_PATTERNS]));
    expect(script.all_frames ?? false).toBe(false);
    expect(script.match_about_blank ?? false).toBe(false);
    expect(script.match_origin_as_fallback ?? false).toBe(false);
    for (const pattern of script.matches) expect(pattern).toMatch(/^https:\/\/[a-z.]+\/\*$/);
  });

  it("ships the content script without WXT's content-script runtime or the polyfill", () => {
    const [script] = manifest.content_scripts;
    expect(script.js).toEqual(['mfa.js']);
    const code = readFileSync(join('.output', target, 'mfa.js'), 'utf8');
    // That runtime posts "<id>:mfa:wxt:content-script-started" to the page and stops on it.
    expect(code).not.toContain('content-script-started');
    expect(code).not.toContain('postMessage');
    expect(code).not.toContain('webextension-polyfill');
  });

  it("loads at most 6 KiB gzipped on every sign-in page: the first stage only (README.md, 'Performance')", () => {
    const [script] = manifest.content_scripts;
    const bytes = script.js.map((file: string) => readFileSync(join('.output', target, file)));
    const gzipped = bytes.reduce((sum: number, code: Buffer) => sum + gzipSync(code, { level: 9 }).length, 0);
    expect(gzipped).toBeLessThanOrEqual(6 * 1024);
  });

  it('keeps the decision table in the runner, which the background runs on request, not in the content script', () => {
    const firstStage = readFileSync(join('.output', target, 'mfa.js'), 'utf8');
    const runner = readFileSync(join('.output', target, 'mfa-runner.js'), 'utf8');
    // Names only the decisions (lib/content/decisions) and the runner that carries them out use:
    // effects, inputs and the requests that follow from them.
    const decisionNames = [
      'ask-code',
      'ask-account',
      'switch-to-code',
      'no-visible-field',
      'content:code',
      'content:kmsi',
    ];
    for (const name of decisionNames) {
      expect(runner, name).toContain(name);
      expect(firstStage, name).not.toContain(name);
    }
    expect(firstStage).toContain('content:start-runner');
    expect(runner).not.toContain('postMessage');
    expect(runner).not.toContain('content-script-started');
    expect(JSON.stringify(manifest.content_scripts)).not.toContain('mfa-runner');
    expect(manifest.web_accessible_resources ?? []).toEqual([]);
  });

  it('keeps the screen report out of the content script, in a script the background runs on request', () => {
    const report = readFileSync(join('.output', target, 'screen-report.js'), 'utf8');
    expect(report).toContain('credentialTypes');
    expect(readFileSync(join('.output', target, 'mfa.js'), 'utf8')).not.toContain('credentialTypes');
    expect(report).not.toContain('postMessage');
    expect(JSON.stringify(manifest.content_scripts)).not.toContain('screen-report');
  });

  it('exposes nothing to web pages or other extensions and keeps the default CSP', () => {
    const text = JSON.stringify(manifest);
    expect(text).not.toContain('<all_urls>');
    expect(text).not.toMatch(/\*:\/\/\*\//);
    expect(manifest.web_accessible_resources).toBeUndefined();
    expect(manifest.externally_connectable).toBeUndefined();
    expect(manifest.content_security_policy).toBeUndefined();
  });

  it('loads no remote code', () => {
    for (const file of filesUnder(join('.output', target)).filter((f) => /\.(js|html)$/.test(f))) {
      const text = readFileSync(file, 'utf8');
      expect(text, file).not.toMatch(/<script[^>]+src=["']https?:/i);
      expect(text, file).not.toMatch(/import\(\s*["']https?:/);
      expect(text, file).not.toMatch(/importScripts\(\s*["']https?:/);
    }
  });

  if (target === 'firefox-mv3') {
    it('carries the gecko settings Firefox needs', () => {
      const gecko = manifest.browser_specific_settings.gecko;
      expect(gecko.id).toBe('mfa-autofill@contoso.invalid');
      // storage.session needs 115+; 140 is the ESR line that knows data_collection_permissions.
      expect(Number.parseFloat(gecko.strict_min_version)).toBeGreaterThanOrEqual(115);
      expect(gecko.data_collection_permissions).toEqual({ required: ['none'] });
      expect(manifest.background.scripts).toEqual(['background.js']);
    });
  } else {
    it('runs its background as a service worker', () => {
      expect(manifest.background.service_worker).toBe('background.js');
    });
  }

  it('offers the keyboard command "Fill verification code"', () => {
    expect(manifest.commands['fill-code'].description).toBe('__MSG_commandFillCode__');
    const messages = JSON.parse(readFileSync(join('.output', target, '_locales/en/messages.json'), 'utf8'));
    expect(messages.commandFillCode.message).toBe('Fill verification code');
  });
});
