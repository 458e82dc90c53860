// Renders public/icon.svg to the PNG sizes browsers and stores ask for (public/icon/<size>.png;
// WXT lists every public/icon/<size>.png in the manifest's `icons`). No image tools are installed
// here, so the system Chromium draws them: a screenshot of the SVG on a transparent page.
//   node scripts/render-icons.mjs
import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { chromium } from '@playwright/test';

// 16/32 toolbar (1x/2x), 48 extensions page, 96 Firefox add-ons manager at 2x, 128 stores.
export const ICON_SIZES = [16, 32, 48, 96, 128];

const svg = readFileSync(resolve('public/icon.svg'), 'utf8');
const outDir = resolve('public/icon');
await mkdir(outDir, { recursive: true });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  for (const size of ICON_SIZES) {
    await page.setViewportSize({ width: size, height: size });
    const sized = svg.replace(/width="\d+" height="\d+"/, `width="${size}" height="${size}"`);
    await page.setContent(`<!doctype html><body style="margin:0;background:transparent">${sized}</body>`);
    await page.locator('svg').screenshot({ path: `${outDir}/${size}.png`, omitBackground: true });
    console.log(`public/icon/${size}.png`);
  }
} finally {
  await browser.close();
}
