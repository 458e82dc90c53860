const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const randomSecret = () => Array.from(crypto.getRandomValues(new Uint8Array(32)), (b) => ALPHABET[b % 32]).join('');

/**
 * Preview and apply of an Entra CSV of `count` accounts through the background, as the options
 * page does. Each call imports names of its own (a batch tag), so a second import into the same
 * vault adds every account instead of skipping the first one's as duplicates.
 */
let batches = 0;
export async function measureImport(page, count) {
  const batch = ++batches;
  const rows = Array.from(
    { length: count },
    (_, i) => `bench.import${batch}.${i}@fabrikam.onmicrosoft.com,${i},${randomSecret()},30,Fabrikam,Token`,
  );
  const content = { text: `upn,serial number,secret key,time interval,manufacturer,model\n${rows.join('\n')}\n` };
  const send = (m) => page.evaluate((message) => chrome.runtime.sendMessage(message), m);
  let t = performance.now();
  const preview = await send({ type: 'import:preview', content });
  const previewMs = performance.now() - t;
  if (!preview.ok || preview.preview.validCount !== count) throw new Error(JSON.stringify(preview).slice(0, 300));
  t = performance.now();
  const applied = await send({ type: 'import:apply', content, choices: {}, importValidOnly: false });
  const applyMs = performance.now() - t;
  if (!applied.ok || applied.summary.added !== count) throw new Error(JSON.stringify(applied).slice(0, 300));
  return { previewMs, applyMs };
}

/**
 * `node bench/import.mjs [count]`: the import figure alone, into a fresh vault (default 10,000
 * accounts, applied in ≤ 3 s: docs/ARCHITECTURE.md, 'Performance budgets'). Needs a build
 * (`npm run build`).
 */
if (import.meta.url === `file://${process.argv[1]}`) {
  const { launchBenchBrowser } = await import('./browser.mjs');
  const count = Number(process.argv[2] ?? 10_000);
  const bench = await launchBenchBrowser();
  try {
    const page = await bench.context.newPage();
    await page.goto(bench.url('popup.html'));
    const passphrase = 'bench passphrase for the import';
    await page.evaluate(
      (p) => chrome.runtime.sendMessage({ type: 'vault:create', passphrase: p, confirmation: p }),
      passphrase,
    );
    const { previewMs, applyMs } = await measureImport(page, count);
    console.table([
      {
        figure: `import ${count.toLocaleString('en')} accounts (Entra CSV): check`,
        value: `${previewMs.toFixed(0)} ms`,
      },
      {
        figure: `import ${count.toLocaleString('en')} accounts: apply (one vault write)`,
        value: `${applyMs.toFixed(0)} ms`,
        target: '≤ 3 s',
      },
    ]);
  } finally {
    await bench.close();
  }
}
