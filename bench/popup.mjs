import { stats, whenCountReached } from './browser.mjs';

const PASSPHRASE = 'bench passphrase 0123';
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const randomSecret = () => Array.from(crypto.getRandomValues(new Uint8Array(32)), (b) => ALPHABET[b % 32]).join('');

/** Codes shown in the popup: rows whose code has arrived (an empty data-code is the "…" placeholder). */
export const SHOWN_CODE = 'li .code[data-code]:not([data-code=""])';
/** The first screenful the popup and the floor page are both timed to: eight codes. */
export const FIRST_SCREEN_CODES = 8;

async function sendFrom(page, message) {
  return page.evaluate((m) => chrome.runtime.sendMessage(m), message);
}

/** Adds `count` accounts in one import (one vault write), as the options page would. */
async function importAccounts(page, count, from) {
  const lines = Array.from(
    { length: count },
    (_, i) =>
      `otpauth://totp/Contoso:qa.user${from + i}%40contoso.onmicrosoft.com?secret=${randomSecret()}&issuer=Contoso`,
  );
  const applied = await sendFrom(page, {
    type: 'import:apply',
    content: { text: lines.join('\n') },
    choices: {},
    importValidOnly: false,
  });
  if (!applied.ok || applied.summary.added !== count) throw new Error(JSON.stringify(applied).slice(0, 300));
}

/** Creates a vault with `count` accounts through the background. */
export async function seedVault(bench, count) {
  const page = await bench.context.newPage();
  await page.goto(bench.url('popup.html'));
  const started = performance.now();
  const created = await sendFrom(page, { type: 'vault:create', passphrase: PASSPHRASE, confirmation: PASSPHRASE });
  const createMs = performance.now() - started;
  if (!created.ok) throw new Error(created.error);
  await importAccounts(page, count, 0);
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

/** Adds accounts until the vault holds `total`. */
export async function growVault(page, total) {
  const listed = await sendFrom(page, { type: 'accounts:list', limit: 0 });
  if (!listed.ok) throw new Error(listed.error);
  if (listed.total < total) await importAccounts(page, total - listed.total, 100_000);
  return total;
}

/** ms from navigation start to `count` elements matching `selector`, in a fresh page of `path`. */
async function openOnce(bench, path, selector, count) {
  const page = await bench.context.newPage();
  await page.addInitScript(whenCountReached(selector, count));
  await page.goto(bench.url(path));
  await page.waitForFunction(() => window.__benchShownAt !== undefined, null, { timeout: 10_000 });
  const shown = await page.evaluate(() => window.__benchShownAt);
  // The page's own user-timing marks (the popup's: request sent, reply, UI start, rendered).
  const marks = await page.evaluate(() =>
    Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])),
  );
  await page.close();
  return { shown, marks };
}

/**
 * The popup and the static floor page (eight codes), opened turn about `runs` times each, so both
 * see the same machine load: the difference is the popup's own cost.
 */
export async function timeOpenAgainstFloor(bench, runs) {
  const floor = [];
  const popup = [];
  const timeline = {};
  for (let i = 0; i < runs; i++) {
    floor.push((await openOnce(bench, 'floor.html', 'li .code', FIRST_SCREEN_CODES)).shown);
    const opened = await openOnce(bench, 'popup.html', SHOWN_CODE, FIRST_SCREEN_CODES);
    popup.push(opened.shown);
    for (const [name, at] of Object.entries(opened.marks)) {
      timeline[name] ??= [];
      timeline[name].push(at);
    }
  }
  const diffs = popup.map((p, i) => p - floor[i]);
  const medians = Object.fromEntries(Object.entries(timeline).map(([name, at]) => [name, stats(at).median]));
  return { floor: stats(floor), popup: stats(popup), difference: stats(diffs), timeline: medians };
}

/** Search keystroke → filtered list in the DOM, in a popup over the whole vault: ms per keystroke. */
export async function timeSearch(bench, runs) {
  const page = await bench.context.newPage();
  await page.goto(bench.url('popup.html'));
  await page.waitForFunction(
    ([selector, n]) => document.querySelectorAll(selector).length >= n,
    [SHOWN_CODE, FIRST_SCREEN_CODES],
  );
  // Let the rest of the list arrive (the first screenful comes first).
  await page.waitForTimeout(500);
  const samples = await page.evaluate(async (n) => {
    const box = document.querySelector('input[type="search"]');
    const times = [];
    const queries = [];
    for (let i = 0; i < n; i++) queries.push(i % 2 === 0 ? `user${i % 10}${(i * 7) % 10}` : '');
    for (const query of queries) {
      const changed = new Promise((resolve) => {
        const observer = new MutationObserver(() => {
          observer.disconnect();
          resolve(performance.now());
        });
        observer.observe(document.querySelector('.unlocked') ?? document.body, {
          childList: true,
          subtree: true,
          characterData: true,
        });
      });
      const start = performance.now();
      box.value = query;
      box.dispatchEvent(new Event('input', { bubbles: true }));
      times.push((await changed) - start);
      // The next keystroke after a frame, as typing is.
      await new Promise((r) => setTimeout(r, 20));
    }
    return times;
  }, runs);
  await page.close();
  return stats(samples);
}

/**
 * Unlock pressed → first screenful of codes, in the popup; against the KDF alone (600,000
 * PBKDF2-SHA256 iterations in the same browser) measured turn about.
 */
export async function timeUnlockToList(bench, setupPage, runs) {
  const unlock = [];
  const kdf = [];
  for (let i = 0; i < runs; i++) {
    await sendFrom(setupPage, { type: 'vault:lock' });
    const page = await bench.context.newPage();
    await page.goto(bench.url('popup.html'));
    await page.waitForSelector('input[type="password"]');
    unlock.push(
      await page.evaluate(
        async ([passphrase, selector, n]) => {
          const field = document.querySelector('input[type="password"]');
          field.value = passphrase;
          field.dispatchEvent(new Event('input', { bubbles: true }));
          await new Promise((r) => setTimeout(r, 0));
          const shown = new Promise((resolve) => {
            const check = () => {
              if (document.querySelectorAll(selector).length >= n) {
                observer.disconnect();
                resolve(performance.now());
              }
            };
            const observer = new MutationObserver(check);
            observer.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
          });
          const start = performance.now();
          document.querySelector('button[type="submit"]').click();
          return (await shown) - start;
        },
        [PASSPHRASE, SHOWN_CODE, FIRST_SCREEN_CODES],
      ),
    );
    kdf.push(
      await page.evaluate(async () => {
        const start = performance.now();
        const key = await crypto.subtle.importKey('raw', new TextEncoder().encode('bench kdf'), 'PBKDF2', false, [
          'deriveBits',
        ]);
        await crypto.subtle.deriveBits(
          { name: 'PBKDF2', hash: 'SHA-256', salt: crypto.getRandomValues(new Uint8Array(16)), iterations: 600_000 },
          key,
          256,
        );
        return performance.now() - start;
      }),
    );
    await page.close();
  }
  const over = unlock.map((u, i) => u - kdf[i]);
  return { unlock: stats(unlock), kdf: stats(kdf), overKdf: stats(over) };
}
