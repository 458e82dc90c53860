/**
 * The account the page is signing in: `#displayName` (class `identity`, inside
 * `.identityBanner`), whose text and `title` are the UPN; `$Config.sPOST_Username` when the
 * banner is missing (DESIGN.md).
 */
import { type PageConfig, readPageConfig } from './page-config';

export function pageAccount(doc: Document = document, config: PageConfig | null = readPageConfig(doc)): string | null {
  const banner = doc.getElementById('displayName');
  // The title holds the whole UPN where the text may be shortened for display.
  const fromBanner = clean(banner?.getAttribute('title')) ?? clean(banner?.textContent);
  return fromBanner ?? clean(config?.username);
}

function clean(value: string | null | undefined): string | null {
  const text = (value ?? '').replace(/\s+/g, ' ').trim();
  // No length limit here: the background, which trusts nothing from a page, cuts it to 256.
  return text === '' ? null : text;
}
