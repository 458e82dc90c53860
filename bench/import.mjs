const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const randomSecret = () => Array.from(crypto.getRandomValues(new Uint8Array(32)), (b) => ALPHABET[b % 32]).join('');

/** Preview and apply of an Entra CSV of `count` accounts through the background, as the options page does. */
export async function measureImport(page, count) {
  const rows = Array.from(
    { length: count },
    (_, i) => `bench.import${i}@fabrikam.onmicrosoft.com,${i},${randomSecret()},30,Fabrikam,Token`,
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
