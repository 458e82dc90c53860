import { stats, whenCountReached } from './browser.mjs';

const PASSPHRASE = 'bench passphrase 0123';
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const randomSecret = () => Array.from(crypto.getRandomValues(new Uint8Array(32)), (b) => ALPHABET[b % 32]).join('');

async function sendFrom(page, message) {
  return page.evaluate((m) => chrome.runtime.sendMessage(m), message);
}

/** Creates a vault with `count` accounts through the background, as the popup would. */
export async function seedVault(bench, count) {
  const page = await bench.context.newPage();
  await page.goto(bench.url('popup.html'));
  const started = performance.now();
  const created = await sendFrom(page, { type: 'vault:create', passphrase: PASSPHRASE, confirmation: PASSPHRASE });
  const createMs = performance.now() - started;
  if (!created.ok) throw new Error(created.error);
  for (let i = 0; i < count; i++) {
    const reply = await sendFrom(page, {
      type: 'accounts:add',
      input: { name: `qa.user${i}@contoso.onmicrosoft.com`, secret: randomSecret(), issuer: 'Contoso' },
    });
    if (!reply.ok) throw new Error(reply.error);
  }
  await sendFrom(page, { type: 'vault:lock' });
  const unlockSamples = [];
  for (let i = 0; i < 3; i++) {
    await sendFrom(page, { type: 'vault:lock' });
    const t = performance.now();
    const unlocked = await sendFrom(page, { type: 'vault:unlock', passphrase: PASSPHRASE });
    unlockSamples.push(performance.now() - t);
    if (!unlocked.ok) throw new Error(unlocked.error);
  }
  return { page, createMs, unlock: stats(unlockSamples) };
}

/** Opens `path` `runs` times (one copy stays open) and returns ms from navigation start to `count` rows shown. */
export async function timeOpen(bench, path, selector, count, runs) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const page = await bench.context.newPage();
    await page.addInitScript(whenCountReached(selector, count));
    await page.goto(bench.url(path));
    await page.waitForFunction(() => window.__benchShownAt !== undefined, null, { timeout: 10_000 });
    samples.push(await page.evaluate(() => window.__benchShownAt));
    await page.close();
  }
  return stats(samples);
}

/** Search keystroke → filtered list, in a popup showing `count` accounts: ms per keystroke. */
export async function timeSearch(bench, count, runs) {
  const page = await bench.context.newPage();
  await page.goto(bench.url('popup.html'));
  await page.waitForFunction((n) => document.querySelectorAll('li .code').length >= n, count);
  const samples = await page.evaluate(async (n) => {
    const box = document.querySelector('input[type="search"]');
    const list = () => document.querySelector('ul');
    const times = [];
    const queries = [];
    for (let i = 0; i < n; i++) queries.push(i % 2 === 0 ? `user${i % 10}` : '');
    for (const query of queries) {
      const changed = new Promise((resolve) => {
        const observer = new MutationObserver(() => {
          observer.disconnect();
          resolve(performance.now());
        });
        observer.observe(list()?.parentElement ?? document.body, {
          childList: true,
          subtree: true,
          characterData: true,
        });
      });
      const start = performance.now();
      box.value = query;
      box.dispatchEvent(new Event('input', { bubbles: true }));
      times.push((await changed) - start);
      await new Promise((r) => setTimeout(r, 20));
    }
    return times;
  }, runs);
  await page.close();
  return stats(samples);
}
