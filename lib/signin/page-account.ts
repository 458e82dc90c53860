/**
 * The account the page is signing in: `#displayName` (class `identity`, inside `.identityBanner`),
 * whose text and `title` are the UPN; `$Config.sPOST_Username` when the banner is missing
 * (docs/ARCHITECTURE.md, 'Microsoft sign-in pages'); on login.live.com's new UI, the address shown
 * in `[data-testid="identityBanner"]` (TheNetsky/Microsoft-Rewards-Script
 * `src/browser/auth/Login.ts`).
 */
import { type PageConfig, readPageConfig } from './page-config';

export function pageAccount(doc: Document = document, config: PageConfig | null = readPageConfig(doc)): string | null {
  const banner = doc.getElementById('displayName');
  // The title holds the whole UPN where the text may be shortened for display.
  const fromBanner = clean(banner?.getAttribute('title')) ?? clean(banner?.textContent);
  return fromBanner ?? clean(config?.username) ?? liveBannerAddress(doc);
}

/**
 * The one address in the new live.com banner, wherever the view puts it; a view re-rendered in
 * steps may hold the banner twice, which is fine while both name the same address. None, or
 * several different ones, say nothing.
 */
function liveBannerAddress(doc: Document): string | null {
  const text = Array.from(doc.querySelectorAll('[data-testid="identityBanner"]'), (banner) => banner.textContent).join(
    ' ',
  );
  const addresses = new Set((text.match(/[^\s@]+@[^\s@]+\.[^\s@]+/g) ?? []).map((address) => address.toLowerCase()));
  return addresses.size === 1 ? ([...addresses][0] ?? null) : null;
}

function clean(value: string | null | undefined): string | null {
  const text = (value ?? '').replace(/\s+/g, ' ').trim();
  // No length limit here: the background, which trusts nothing from a page, cuts it to 256.
  return text === '' ? null : text;
}
