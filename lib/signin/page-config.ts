/**
 * The page's inline `$Config={...}` script, read from the script text (docs/ARCHITECTURE.md,
 * 'Microsoft sign-in pages'): a content script lives in an isolated world and cannot see the page's
 * `window.$Config`, but it can read the `<script>` element that assigns it.
 */

export interface UserProof {
  /** `PhoneAppOTP`, `OneWaySMS`, `TwoWayVoiceMobile`, `PhoneAppNotification`, … */
  authMethodId: string;
  isDefault: boolean;
}

export interface PageConfig {
  /** Which server page this is, `$Config.pgid` (`ConvergedTFA` for the code prompt). */
  pageId: string | null;
  /** The account being signed in, when the page knows it. */
  username: string | null;
  proofs: UserProof[];
}

const CONFIG_ASSIGNMENT = /\$Config\s*=\s*\{/;

/** The script text is immutable once parsed, so each script element is parsed at most once. */
const parsedScripts = new WeakMap<Element, PageConfig | null>();

export function readPageConfig(doc: Document = document): PageConfig | null {
  for (const script of Array.from(doc.querySelectorAll('script:not([src])'))) {
    let config = parsedScripts.get(script);
    if (config === undefined) {
      config = parseConfigScript(script.textContent ?? '');
      parsedScripts.set(script, config);
    }
    if (config) return config;
  }
  return null;
}

/**
 * readPageConfig, remembered per document: once the `$Config` script is found it is not looked
 * for again while it stays in the page (the content script reads the page on every change).
 */
const configOfDocument = new WeakMap<Document, { script: Element; config: PageConfig }>();

export function cachedPageConfig(doc: Document = document): PageConfig | null {
  const known = configOfDocument.get(doc);
  if (known?.script.isConnected) return known.config;
  for (const script of Array.from(doc.querySelectorAll('script:not([src])'))) {
    let config = parsedScripts.get(script);
    if (config === undefined) {
      config = parseConfigScript(script.textContent ?? '');
      parsedScripts.set(script, config);
    }
    if (config) {
      configOfDocument.set(doc, { script, config });
      return config;
    }
  }
  return null;
}

/**
 * The `$Config` object assigned in one script's text, or null when there is none or it is not
 * JSON. The pages put it in a script of its own (`//<![CDATA[ $Config={...}; //]]>`), so the
 * object runs from the `{` after `$Config=` to the script's last `}`; anything else fails to parse.
 */
export function parseConfigScript(text: string): PageConfig | null {
  const match = CONFIG_ASSIGNMENT.exec(text);
  if (!match) return null;
  try {
    const raw: unknown = JSON.parse(text.slice(match.index + match[0].length - 1, text.lastIndexOf('}') + 1));
    return raw && typeof raw === 'object' && !Array.isArray(raw) ? toPageConfig(raw as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function toPageConfig(raw: Record<string, unknown>): PageConfig {
  const proofs: unknown[] = Array.isArray(raw.arrUserProofs) ? raw.arrUserProofs : [];
  return {
    pageId: textOf(raw.pgid),
    username: textOf(raw.sPOST_Username),
    proofs: proofs.flatMap((proof) => {
      const fields = proof as Record<string, unknown> | null;
      const authMethodId = textOf(fields?.authMethodId);
      return authMethodId ? [{ authMethodId, isDefault: fields?.isDefault === true }] : [];
    }),
  };
}

function textOf(value: unknown): string | null {
  return (typeof value === 'string' && value.trim()) || null;
}
