import { stats } from './browser.mjs';

// A busy page with no code prompt: it adds and removes 2,000 elements in batches, the way a
// single-page app re-renders, and reports how long that took.
const BUSY_PAGE = `<!doctype html><meta charset="utf-8"><title>Sign in</title><body><div id="app"></div><script>
  window.runBusyWork = async () => {
    const app = document.getElementById('app');
    const start = performance.now();
    for (let batch = 0; batch < 40; batch++) {
      for (let i = 0; i < 50; i++) {
        const row = document.createElement('div');
        row.className = 'row';
        row.textContent = 'Item ' + batch + '-' + i;
        app.append(row);
      }
      await new Promise((r) => setTimeout(r, 0));
      app.firstElementChild?.remove();
    }
    return performance.now() - start;
  };
</script>`;

/**
 * The content script's cost on a page without a prompt: the same busy page on a sign-in host
 * (content script injected) and on another host (not injected). Medians in ms.
 */
export async function measureIdleCost(bench, runs) {
  const urls = {
    withScript: 'https://login.microsoftonline.com/common/busy',
    without: 'https://app.contoso.example/busy',
  };
  for (const url of Object.values(urls)) {
    await bench.context.route(url, (route) => route.fulfill({ contentType: 'text/html', body: BUSY_PAGE }));
  }
  const samples = { withScript: [], without: [] };
  for (let i = 0; i < runs; i++) {
    for (const [kind, url] of Object.entries(urls)) {
      const page = await bench.context.newPage();
      await page.goto(url);
      await page.waitForTimeout(50);
      samples[kind].push(await page.evaluate(() => window.runBusyWork()));
      await page.close();
    }
  }
  return { withScript: stats(samples.withScript), without: stats(samples.without) };
}
