/**
 * Sets the extension up the way a person would on its options page, through the same messages
 * (sent from an extension page so the background's sender check passes): a vault with a random
 * passphrase made inside the page and kept nowhere, the accounts imported, the settings for
 * unattended sign-in, and per-account "Submit after filling" overrides.
 *
 * Nothing secret is an argument or a result of `page.evaluate` (traces record both): the accounts,
 * a backup's passphrase and the code-lease endpoint with its token travel sealed (sealed.ts), the
 * vault passphrase never leaves the page. Sealing keeps them out of traces whatever Playwright
 * version runs the suite (its untraced calls, internal-call.ts, are not public API).
 */
import type { BrowserContext } from '@playwright/test';
import type { AccountsContent } from './accounts-source.js';
import type { HelperSettings, SubmitOverride } from './extension-protocol.js';
import { SEAL_INFO, type SealedEnvelope, sealTo } from './sealed.js';

export interface VaultSetup {
  accounts: AccountsContent;
  backupPassphrase?: string;
  settings: Pick<HelperSettings, 'submitAfterFill' | 'staySignedIn' | 'rememberDevice'>;
  /** By account name (case-insensitive): 'always' or 'never' instead of the setting. */
  submitAfterFillFor?: Readonly<Record<string, SubmitOverride>>;
  /** Where the background asks for a lease before handing out a code (lease-server.ts). */
  codeLease?: { url: string; token: string };
}

export class VaultSetupError extends Error {
  override name = 'VaultSetupError';
}

/** What the page's setup says back: names and messages only. */
type SetupOutcome = { ok: true; accounts: VaultAccount[] } | { ok: false; error: string };

/** An account now in the vault: its name and TOTP period (seconds), nothing secret. */
export interface VaultAccount {
  name: string;
  period: number;
}

export async function setUpVault(
  context: BrowserContext,
  extensionId: string,
  setup: VaultSetup,
): Promise<VaultAccount[]> {
  const page = await context.newPage();
  try {
    await page.goto(`chrome-extension://${extensionId}/options.html`);
    const recipient = await page.evaluate(makeRecipientKey);
    const envelope = await sealTo(
      recipient,
      JSON.stringify({
        content: setup.accounts.content,
        backupPassphrase: setup.backupPassphrase,
        codeLease: setup.codeLease ?? null,
      }),
    );
    const settings: Partial<HelperSettings> = {
      ...setup.settings,
      autofill: true,
      // Nobody is there to type the random passphrase again: lock only when the browser closes.
      autoLockMinutes: 0,
      lockWhenIdle: false,
    };
    const outcome = await page.evaluate(setUpInPage, {
      envelope,
      info: SEAL_INFO,
      label: setup.accounts.label,
      settings,
      overrides: setup.submitAfterFillFor ?? {},
    });
    if (!outcome.ok) throw new VaultSetupError(`MFA Autofill: ${outcome.error}`);
    return outcome.accounts;
  } finally {
    await page.close();
  }
}

interface PageGlobals {
  chrome: {
    runtime: { sendMessage(message: unknown): Promise<unknown> };
    storage: { session: { set(items: Record<string, unknown>): Promise<void> } };
  };
  mfaAutofillSetupKey?: CryptoKeyPair;
}

/** Runs in the options page: an ECDH key pair whose private key cannot be exported. */
async function makeRecipientKey(): Promise<string> {
  const pair = await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, false, ['deriveBits']);
  (globalThis as unknown as PageGlobals).mfaAutofillSetupKey = pair;
  const raw = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
  return btoa(String.fromCharCode(...raw));
}

/**
 * Runs in the options page, serialised by Playwright: everything it needs is inside it. Returns
 * account names and messages; the opened accounts and both passphrases stay in this function.
 */
async function setUpInPage(input: {
  envelope: SealedEnvelope;
  info: string;
  label: string;
  settings: Record<string, unknown>;
  overrides: Record<string, string>;
}): Promise<SetupOutcome> {
  type Reply = { ok: true; [key: string]: unknown } | { ok: false; error: string };
  const globals = globalThis as unknown as PageGlobals;
  const send = (message: unknown) => globals.chrome.runtime.sendMessage(message) as Promise<Reply>;
  const bytes = (b64: string) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
  const pair = globals.mfaAutofillSetupKey;
  delete globals.mfaAutofillSetupKey;
  if (!pair) return { ok: false, error: 'the setup key was lost (was the options page reloaded?).' };

  const curve = { name: 'ECDH', namedCurve: 'P-256' };
  const sender = await crypto.subtle.importKey('raw', bytes(input.envelope.publicKey), curve, false, []);
  const shared = await crypto.subtle.deriveBits({ name: 'ECDH', public: sender }, pair.privateKey, 256);
  const hkdf = await crypto.subtle.importKey('raw', shared, 'HKDF', false, ['deriveKey']);
  const key = await crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(32), info: new TextEncoder().encode(input.info) },
    hkdf,
    { name: 'AES-GCM', length: 256 },
    false,
    ['decrypt'],
  );
  const plain = await crypto.subtle.decrypt(
    { name: 'AES-GCM', iv: bytes(input.envelope.iv) },
    key,
    bytes(input.envelope.ciphertext),
  );
  const { content, backupPassphrase, codeLease } = JSON.parse(new TextDecoder().decode(plain)) as {
    content: unknown;
    backupPassphrase?: string;
    codeLease: { url: string; token: string } | null;
  };

  // lib/background/code-lease.ts reads it from 'session:codeLease'; content scripts cannot reach storage.session.
  if (codeLease) await globals.chrome.storage.session.set({ codeLease });

  const state = await send({ type: 'vault:state' });
  if (!state.ok) return { ok: false, error: `Reading the vault state failed: ${state.error}` };
  if (state.state !== 'none') return { ok: false, error: 'this profile already has a vault. Use a fresh profile.' };
  // Random, held only here and in the extension; never returned, written or logged.
  const passphrase = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(32))));
  const created = await send({ type: 'vault:create', passphrase, confirmation: passphrase });
  if (!created.ok) return { ok: false, error: `Creating the vault failed: ${created.error}` };

  const changed = await send({ type: 'settings:set', changes: input.settings });
  if (!changed.ok) return { ok: false, error: `Changing the settings failed: ${changed.error}` };
  // The background drops values it does not know: an older build would silently ignore them.
  const applied = changed.settings as Record<string, unknown>;
  const ignored = Object.keys(input.settings).filter((k) => applied[k] !== input.settings[k]);
  if (ignored.length > 0) {
    return { ok: false, error: `this build of the extension ignores the settings ${ignored.join(', ')}.` };
  }

  // Problems arrive as codes (never the file's text); the options page words them (its main.tsx).
  const wordsFor = (reply: unknown): string[] =>
    (globalThis as unknown as { mfaAutofillDescribeImport(r: unknown): string[] }).mfaAutofillDescribeImport(reply);
  const previewed = await send({ type: 'import:preview', content, backupPassphrase });
  if (!previewed.ok) {
    const why = 'problem' in previewed ? wordsFor(previewed).join(' ') : previewed.error;
    return { ok: false, error: `Reading the accounts from ${input.label} failed: ${why}` };
  }
  const p = previewed.preview as {
    needsPassphrase: boolean;
    error: unknown;
    conflicts: unknown[];
    validCount: number;
  };
  if (p.needsPassphrase && !backupPassphrase) {
    return {
      ok: false,
      error: `the accounts in ${input.label} are an encrypted backup: set MFA_ACCOUNTS_PASSPHRASE to its passphrase.`,
    };
  }
  const problems = wordsFor({ preview: previewed.preview });
  if (problems.length > 0) {
    return { ok: false, error: `the accounts in ${input.label} cannot be imported:\n${problems.join('\n')}` };
  }
  if (p.validCount === 0) return { ok: false, error: `no accounts found in ${input.label}.` };
  const imported = await send({ type: 'import:apply', content, backupPassphrase, choices: {}, importValidOnly: false });
  if (!imported.ok) {
    const why = 'problem' in imported ? wordsFor(imported).join(' ') : imported.error;
    return { ok: false, error: `Importing the accounts from ${input.label} failed: ${why}` };
  }

  const listed = await send({ type: 'accounts:list' });
  if (!listed.ok) return { ok: false, error: `Listing the accounts failed: ${listed.error}` };
  const accounts = listed.accounts as { id: string; name: string; period: number }[];
  const byName = new Map(accounts.map((a) => [a.name.toLowerCase(), a]));
  for (const [name, submitAfterFill] of Object.entries(input.overrides)) {
    const account = byName.get(name.toLowerCase());
    if (!account) {
      return { ok: false, error: `submitAfterFillFor names ${name}, which is not among the imported accounts.` };
    }
    const updated = await send({ type: 'accounts:update', id: account.id, changes: { submitAfterFill } });
    if (!updated.ok) return { ok: false, error: `Setting "Submit after filling" for ${name} failed: ${updated.error}` };
  }
  return { ok: true, accounts: accounts.map((a) => ({ name: a.name, period: a.period })) };
}
