/**
 * The background's hold on the vault: the single writer (mutations run one after another) and
 * the only place the vault is decrypted. The data key lives in storage.session so that a service
 * worker restarted after ~30 s idle comes back unlocked; the decrypted contents are cached in
 * memory only for the life of the worker.
 */
import type { Account } from '../accounts';
import {
  DEFAULT_PBKDF2_ITERATIONS,
  fromBase64,
  isAllowedIterationCount,
  MAX_PBKDF2_ITERATIONS,
  MIN_PBKDF2_ITERATIONS,
  toBase64,
} from '../crypto';
import type { VaultState } from '../messages';
import type { Result } from '../totp';
import {
  createVault,
  parseVaultRecord,
  readContents,
  rewrapDataKey,
  unwrapDataKey,
  type VaultContents,
  type VaultRecord,
  validateNewPassphrase,
  writeContents,
} from '../vault';
import { forgetCachedCodes } from './account-views';
import { sessionKeyItem, vaultRecordItem } from './storage';

export interface Unlocked {
  record: VaultRecord;
  contents: VaultContents;
  dataKey: Uint8Array<ArrayBuffer>;
}

export const LOCKED_MESSAGE = 'The vault is locked. Unlock it with your passphrase first.';
export const NO_VAULT_MESSAGE = 'There is no vault yet. Create one first.';
export const ITERATIONS_OUT_OF_RANGE = `The key-derivation cost must be a whole number of iterations from ${MIN_PBKDF2_ITERATIONS.toLocaleString('en')} to ${MAX_PBKDF2_ITERATIONS.toLocaleString('en')}. Nothing was changed.`;

export class VaultSession {
  private queue: Promise<unknown> = Promise.resolve();
  private cache: { keyBase64: string; unlocked: Unlocked } | null = null;

  constructor(private readonly iterations = DEFAULT_PBKDF2_ITERATIONS) {}

  /** Runs mutations one at a time so two open pages cannot lose each other's writes. */
  private serialize<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  async state(): Promise<VaultState> {
    const stored = await vaultRecordItem.getValue();
    if (stored === null || stored === undefined) return 'none';
    return (await sessionKeyItem.getValue()) ? 'unlocked' : 'locked';
  }

  create(passphrase: string, confirmation: string): Promise<Result<void>> {
    return this.serialize(async () => {
      if ((await vaultRecordItem.getValue()) !== null) {
        return { ok: false, error: 'A vault already exists. Unlock it, or delete it on the options page first.' };
      }
      const problem = validateNewPassphrase(passphrase, confirmation);
      if (problem) return { ok: false, error: problem };
      const { record, dataKey } = await createVault(passphrase, { accounts: [] }, this.iterations);
      await vaultRecordItem.setValue(record);
      await this.remember(record, { accounts: [] }, dataKey);
      return { ok: true, value: undefined };
    });
  }

  async unlock(passphrase: string): Promise<Result<void>> {
    const record = await this.storedRecord();
    if (!record.ok) return record;
    const key = await unwrapDataKey(record.value, passphrase);
    if (!key.ok) return key;
    const contents = await readContents(record.value, key.value);
    if (!contents.ok) return contents;
    await this.remember(record.value, contents.value, key.value);
    return { ok: true, value: undefined };
  }

  async lock(): Promise<void> {
    this.cache = null;
    forgetCachedCodes();
    await sessionKeyItem.removeValue();
  }

  /** The decrypted vault, or why not (locked, none, damaged). */
  async open(): Promise<Result<Unlocked>> {
    const keyBase64 = await sessionKeyItem.getValue();
    if (!keyBase64) {
      this.cache = null;
      return { ok: false, error: (await this.state()) === 'none' ? NO_VAULT_MESSAGE : LOCKED_MESSAGE };
    }
    if (this.cache?.keyBase64 === keyBase64) return { ok: true, value: this.cache.unlocked };
    const record = await this.storedRecord();
    if (!record.ok) return record;
    const dataKey = fromBase64(keyBase64);
    const contents = await readContents(record.value, dataKey);
    if (!contents.ok) return contents;
    this.cache = { keyBase64, unlocked: { record: record.value, contents: contents.value, dataKey } };
    return { ok: true, value: this.cache.unlocked };
  }

  async accounts(): Promise<Result<Account[]>> {
    const vault = await this.open();
    return vault.ok ? { ok: true, value: vault.value.contents.accounts } : vault;
  }

  /**
   * Applies `change` to the decrypted contents and stores the result in one storage.local.set.
   * A change that returns an error writes nothing.
   */
  mutate<T>(change: (contents: VaultContents) => Result<{ contents: VaultContents; result: T }>): Promise<Result<T>> {
    return this.serialize(async () => {
      const vault = await this.open();
      if (!vault.ok) return vault;
      const outcome = change(structuredClone(vault.value.contents));
      if (!outcome.ok) return outcome;
      const record = await writeContents(vault.value.record, vault.value.dataKey, outcome.value.contents);
      await vaultRecordItem.setValue(record);
      this.cache = {
        keyBase64: toBase64(vault.value.dataKey),
        unlocked: { ...vault.value, record, contents: outcome.value.contents },
      };
      return { ok: true, value: outcome.value.result };
    });
  }

  /** Re-wraps the data key under a new passphrase (and optionally more KDF iterations). */
  changePassphrase(current: string, next: string, confirmation: string, iterations?: number): Promise<Result<void>> {
    return this.serialize(async () => {
      const record = await this.storedRecord();
      if (!record.ok) return record;
      const problem = validateNewPassphrase(next, confirmation);
      if (problem) return { ok: false, error: problem };
      const target = iterations ?? record.value.kdf.iterations;
      if (!isAllowedIterationCount(target)) return { ok: false, error: ITERATIONS_OUT_OF_RANGE };
      const key = await unwrapDataKey(record.value, current);
      if (!key.ok) return { ok: false, error: 'The current passphrase is wrong. Nothing was changed.' };
      const rewrapped = await rewrapDataKey(record.value, key.value, next, target);
      await vaultRecordItem.setValue(rewrapped);
      const contents = await readContents(rewrapped, key.value);
      if (contents.ok) await this.remember(rewrapped, contents.value, key.value);
      return { ok: true, value: undefined };
    });
  }

  /** Checks a passphrase without changing anything (e.g. before a plain export). */
  async verifyPassphrase(passphrase: string): Promise<Result<void>> {
    const record = await this.storedRecord();
    if (!record.ok) return record;
    const key = await unwrapDataKey(record.value, passphrase);
    return key.ok ? { ok: true, value: undefined } : key;
  }

  deleteVault(): Promise<void> {
    return this.serialize(async () => {
      await this.lock();
      await vaultRecordItem.removeValue();
    });
  }

  async iterationsInUse(): Promise<number | null> {
    const record = await this.storedRecord();
    return record.ok ? record.value.kdf.iterations : null;
  }

  private async storedRecord(): Promise<Result<VaultRecord>> {
    const stored = await vaultRecordItem.getValue();
    if (stored === null || stored === undefined) return { ok: false, error: NO_VAULT_MESSAGE };
    return parseVaultRecord(stored);
  }

  private async remember(record: VaultRecord, contents: VaultContents, dataKey: Uint8Array<ArrayBuffer>) {
    const keyBase64 = toBase64(dataKey);
    await sessionKeyItem.setValue(keyBase64);
    this.cache = { keyBase64, unlocked: { record, contents, dataKey } };
  }
}
