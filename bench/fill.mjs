import { build } from 'esbuild';
import { stats } from './browser.mjs';

// The fixture pages are rendered by TypeScript templates (tests/fixtures/signin): bundle them with
// esbuild (Vite's own, already installed) and load the result, since Node 20 cannot strip types.
const bundled = await build({
  entryPoints: ['tests/fixtures/signin/index.ts'],
  bundle: true,
  format: 'esm',
  platform: 'node',
  write: false,
});
const { fixtureHtml } = await import(
  `data:text/javascript;base64,${Buffer.from(bundled.outputFiles[0].text).toString('base64')}`
);
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const randomSecret = () => Array.from(crypto.getRandomValues(new Uint8Array(32)), (b) => ALPHABET[b % 32]).join('');

// Runs in the page before its own scripts: notes when the code field (the fixtures mark it
// data-code-field) enters the DOM and when the page's bindings see the filled value (its `input`
// event).
const TIMING_PROBE = `(() => {
  const observer = new MutationObserver(() => {
    if (window.__fieldAt === undefined && document.querySelector('[data-code-field]')) window.__fieldAt = performance.now();
  });
  observer.observe(document, { childList: true, subtree: true });
  document.addEventListener('input', (e) => {
    if (e.target.hasAttribute?.('data-code-field') && window.__filledAt === undefined) window.__filledAt = performance.now();
  }, true);
})();`;

/** login.live.com's password view (lib/signin/screens/sign-in-form.ts), shown before the code view. */
const PASSWORD_VIEW =
  '<template id="view"><form><input type="password" name="passwd" data-testid="passwordEntry" class="form-control"></form></template>';
/** How long the password view stays before the code view replaces it: the person typing. */
const SINGLE_PAGE_PASSWORD_MS = 300;

/** Stops the extension's service worker (as the browser does after ~30 s idle) and waits until it has. */
async function stopServiceWorker(bench, page) {
  const cdp = await page.context().newCDPSession(page);
  const stopped = new Promise((resolve) => {
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      const ours = versions.filter((v) => v.scriptURL.startsWith(`chrome-extension://${bench.extensionId}/`));
      if (ours.length > 0 && ours.every((v) => v.runningStatus === 'stopped')) resolve();
    });
  });
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await Promise.race([stopped, new Promise((resolve) => setTimeout(resolve, 2_000))]);
  await cdp.detach();
}

/**
 * Field inserted → code filled, over `loads` page loads of the "Enter code" fixture served at the
 * real URL, vault unlocked. A fresh account per load: a code is handed out once per period.
 * `cold`: the service worker is stopped just before each load, so the fill pays for starting it.
 * `singlePage`: login.live.com's single-page app instead, which carries no `$Config`: the password
 * view is shown first, and the app-code view replaces it in the same document after a while, as
 * after the password; nothing on the page says "code prompt" before the box itself
 * (docs/ARCHITECTURE.md, 'Content script').
 */
export async function measureFillLatency(bench, page, loads, { cold = false, singlePage = false } = {}) {
  const names = [];
  for (let i = 0; i < loads; i++) {
    const name = `bench.${singlePage ? 'spa' : cold ? 'cold' : 'warm'}${i}.${Date.now()}@contoso.onmicrosoft.com`;
    const reply = await page.evaluate((m) => chrome.runtime.sendMessage(m), {
      type: 'accounts:add',
      input: { name, secret: randomSecret() },
    });
    if (!reply.ok) throw new Error(reply.error);
    names.push(name);
  }
  const samples = [];
  let skipped = 0;
  for (const name of names) {
    const host = singlePage ? 'login.live.com' : 'login.microsoftonline.com';
    const url = `https://${host}/common/login?bench=${encodeURIComponent(name)}`;
    const body = singlePage
      ? fixtureHtml('live-totp-banner', name).replace(
          '<template id="view">',
          `${PASSWORD_VIEW}\n<template id="view-unused">`,
        )
      : fixtureHtml('enter-code', name);
    await bench.context.route(url, (route) => route.fulfill({ contentType: 'text/html', body }));
    const signin = await bench.context.newPage();
    await signin.addInitScript(TIMING_PROBE);
    if (cold) await stopServiceWorker(bench, page);
    await signin.goto(url);
    if (singlePage) {
      await signin.waitForFunction(() => window.rendered === true);
      await signin.waitForTimeout(SINGLE_PAGE_PASSWORD_MS);
      await signin.evaluate(() => window.fixtureRender('view-totp'));
    }
    await signin.waitForFunction(() => window.__filledAt !== undefined, null, { timeout: 10_000 });
    const [fieldAt, filledAt] = await signin.evaluate(() => [window.__fieldAt, window.__filledAt]);
    // A code with < 3 s of life waits for the next period by design: that is not latency.
    if (filledAt - fieldAt > 2_000) skipped++;
    else samples.push(filledAt - fieldAt);
    await signin.close();
  }
  return { ...stats(samples), skipped };
}
