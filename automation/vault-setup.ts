/**
 * Sets the extension up the way a person would on its options page, through the same messages
 * (lib/messages.ts, sent from an extension page so the background's sender check passes):
 * a vault with a random passphrase that exists only in memory, the accounts imported, the
 * settings for unattended sign-in, and per-account "Submit after filling" overrides.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from '@playwright/test';
import type { SubmitOverride } from '../lib/accounts';
import { describeImportErrors, describeImportProblem, describeLocation } from '../lib/formats/describe';
import type { ImportProblem } from '../lib/formats/problems';
import { type Words, wordsFrom } from '../lib/formats/words';
import type { ImportContent, PageReplies, PageRequest } from '../lib/messages';
import type { Settings } from '../lib/settings';
import type { AccountsContent } from './accounts-source';

export interface VaultSetup {
  accounts: AccountsContent;
  backupPassphrase?: string;
  settings: Pick<Settings, 'submitAfterFill' | 'staySignedIn' | 'rememberDevice'>;
  /** By account name (case-insensitive): 'always' or 'never' instead of the setting. */
  submitAfterFillFor?: Readonly<Record<string, SubmitOverride>>;
}

export class VaultSetupError extends Error {
  override name = 'VaultSetupError';
}

interface ExtensionPageGlobals {
  chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };
}

async function send<R extends PageRequest>(page: Page, request: R): Promise<PageReplies[R['type']]> {
  const reply = await page.evaluate(
    (m) => (globalThis as unknown as ExtensionPageGlobals).chrome.runtime.sendMessage(m),
    request as unknown,
  );
  return reply as PageReplies[R['type']];
}

function fail(reply: { ok: false; error: string; problem?: ImportProblem }, doing: string): never {
  const why = reply.problem ? describeImportProblem(reply.problem, englishWords()) : reply.error;
  throw new VaultSetupError(`MFA Autofill: ${doing} failed: ${why}`);
}

function englishWords(): Words {
  const messages = JSON.parse(readFileSync(new URL('../public/_locales/en/messages.json', import.meta.url), 'utf8'));
  return wordsFrom(messages, 'en');
}

/** Returns the names of the accounts now in the vault. */
export async function setUpVault(context: BrowserContext, extensionId: string, setup: VaultSetup): Promise<string[]> {
  const page = await context.newPage();
  try {
    await page.goto(`chrome-extension://${extensionId}/options.html`);
    await createVault(page);
    await applySettings(page, setup.settings);
    await importAccounts(page, setup.accounts, setup.backupPassphrase);
    return await applyOverrides(page, setup.submitAfterFillFor ?? {});
  } finally {
    await page.close();
  }
}

async function createVault(page: Page): Promise<void> {
  // Random, held only in this function's memory and the extension's; never written anywhere.
  const passphrase = randomBytes(32).toString('base64url');
  const state = await send(page, { type: 'vault:state' });
  if (state.ok && state.state !== 'none') {
    throw new VaultSetupError('MFA Autofill: this profile already has a vault. Use a fresh profile.');
  }
  const created = await send(page, { type: 'vault:create', passphrase, confirmation: passphrase });
  if (!created.ok) fail(created, 'Creating the vault');
}

async function applySettings(page: Page, wanted: VaultSetup['settings']): Promise<void> {
  const changes: Partial<Settings> = {
    ...wanted,
    autofill: true,
    // Nobody is there to type the random passphrase again: lock only when the browser closes.
    autoLockMinutes: 0,
    lockWhenIdle: false,
  };
  const reply = await send(page, { type: 'settings:set', changes });
  if (!reply.ok) fail(reply, 'Changing the settings');
  // The background drops values it does not know: an older build would silently ignore them.
  const ignored = (Object.keys(changes) as (keyof Settings)[]).filter((k) => reply.settings[k] !== changes[k]);
  if (ignored.length > 0) {
    throw new VaultSetupError(`MFA Autofill: this build of the extension ignores the settings ${ignored.join(', ')}.`);
  }
}

async function importAccounts(page: Page, source: AccountsContent, backupPassphrase?: string): Promise<void> {
  const content: ImportContent = source.content;
  const preview = await send(page, { type: 'import:preview', content, backupPassphrase });
  if (!preview.ok) fail(preview, `Reading the accounts from ${source.label}`);
  const p = preview.preview;
  if (p.needsPassphrase && !backupPassphrase) {
    throw new VaultSetupError(
      `MFA Autofill: the accounts in ${source.label} are an encrypted backup: set MFA_ACCOUNTS_PASSPHRASE to its passphrase.`,
    );
  }
  // The extension sends problems as codes; worded here in English from its own messages,
  // never quoting the file (a JSON error names a line and column, not the text around it).
  const words = englishWords();
  const problems = [
    ...describeImportErrors(p, words),
    ...p.conflicts.map((c) => {
      const where = describeLocation(c.where, words);
      return `${where ? `${where}: ` : ''}${c.name} is in the file twice, with different secrets.`;
    }),
  ];
  if (problems.length > 0) {
    throw new VaultSetupError(
      `MFA Autofill: the accounts in ${source.label} cannot be imported:\n${problems.join('\n')}`,
    );
  }
  if (p.validCount === 0) throw new VaultSetupError(`MFA Autofill: no accounts found in ${source.label}.`);
  const applied = await send(page, {
    type: 'import:apply',
    content,
    backupPassphrase,
    choices: {},
    importValidOnly: false,
  });
  if (!applied.ok) fail(applied, `Importing the accounts from ${source.label}`);
}

async function applyOverrides(page: Page, overrides: Readonly<Record<string, SubmitOverride>>): Promise<string[]> {
  const listed = await send(page, { type: 'accounts:list' });
  if (!listed.ok) fail(listed, 'Listing the accounts');
  const byName = new Map(listed.accounts.map((a) => [a.name.toLowerCase(), a]));
  for (const [name, submitAfterFill] of Object.entries(overrides)) {
    const account = byName.get(name.toLowerCase());
    if (!account) {
      throw new VaultSetupError(
        `MFA Autofill: submitAfterFillFor names ${name}, which is not among the imported accounts.`,
      );
    }
    const updated = await send(page, { type: 'accounts:update', id: account.id, changes: { submitAfterFill } });
    if (!updated.ok) fail(updated, `Setting "Submit after filling" for ${name}`);
  }
  return listed.accounts.map((a) => a.name);
}
