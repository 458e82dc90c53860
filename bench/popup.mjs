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
