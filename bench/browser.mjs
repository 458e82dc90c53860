import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** The built extension the bench loads; `BENCH_EXTENSION_DIR` compares another build (before/after). */
export const EXTENSION_DIR = process.env.BENCH_EXTENSION_DIR ?? '.output/chrome-mv3';

/**
 * A copy of the built extension with a static "floor" page added: the cheapest extension page
 * that shows a screenful of codes (eight), so the popup's own cost can be told apart from the
 * machine's.
 * The copy lives in a temp dir; the shipped build never has the floor page.
 */
function extensionWithFloorPage(rows) {
  const dir = mkdtempSync(join(tmpdir(), 'mfa-bench-ext-'));
  cpSync(resolve(EXTENSION_DIR), dir, { recursive: true });
  writeFileSync(
    join(dir, 'floor.html'),
    '<!doctype html><meta charset="utf-8"><ul id="list"></ul><script src="floor.js"></script>',
  );
  writeFileSync(
    join(dir, 'floor.js'),
    `const list = document.getElementById('list');
     for (let i = 0; i < ${rows}; i++) {
       const li = document.createElement('li');
       li.innerHTML = '<span class="name">account' + i + '@contoso.com</span><span class="code">123 456</span>';
       list.append(li);
     }`,
  );
  return dir;
}

export async function launchBenchBrowser({ floorRows = 8 } = {}) {
  const extensionDir = extensionWithFloorPage(floorRows);
  const profile = mkdtempSync(join(tmpdir(), 'mfa-bench-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    url: (path) => `chrome-extension://${extensionId}/${path}`,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
      rmSync(extensionDir, { recursive: true, force: true });
    },
  };
}

export function stats(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  return { n: sorted.length, median: at(0.5), p95: at(0.95), min: sorted[0], max: sorted[sorted.length - 1] };
}

/** Makes the page record when `count` elements match `selector` (ms since navigation start). */
export function whenCountReached(selector, count) {
  return `(() => {
    const check = () => {
      if (window.__benchShownAt === undefined && document.querySelectorAll(${JSON.stringify(selector)}).length >= ${count}) {
        window.__benchShownAt = performance.now();
        observer.disconnect();
      }
    };
    const observer = new MutationObserver(check);
    observer.observe(document, { childList: true, subtree: true, characterData: true });
  })();`;
}
