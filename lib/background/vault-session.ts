/**
 * The background's hold on the vault: the single writer (operations run one after another in a
 * SerialQueue) and the only place the vault is decrypted. The data key lives in storage.session
 * so that a service worker restarted after ~30 s idle comes back unlocked; the decrypted contents
 * are held in memory only for the life of the worker (DecryptedVaultCache).
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
import { validateNewPassphrase } from '../new-passphrase';
import type { Result } from '../problems';
import { fail, failedWith } from '../problems';
import { mergeSettings, type Settings } from '../settings';
import {
  CONTENTS_VERSION,
  createVault,
  emptyContents,
  parseVaultRecord,
  readContents,
  rewrapDataKey,
  unwrapDataKey,
  type VaultContents,
  type VaultRecord,
  writeContents,
} from '../vault';
import { DecryptedVaultCache, type Unlocked } from './decrypted-vault-cache';
import { SerialQueue } from './serial-queue';
import { legacySettingsItem, sessionKeyItem, vaultRecordItem } from './storage';

export const LOCKED = fail('problemVaultLocked');
export const NO_VAULT = fail('problemNoVault');
export const ITERATIONS_OUT_OF_RANGE = fail(
  'problemIterationsOutOfRange',
  MIN_PBKDF2_ITERATIONS,
  MAX_PBKDF2_ITERATIONS,
);

/**
 * Every operation that reads or writes the vault (create, unlock, lock, open, each write, a
 * passphrase change, delete) runs in one queue, one at a time. Each that writes starts from the
 * record in storage, never from what the session saw earlier; an open uses what the session saw
 * only while storage is known to hold the same (see DecryptedVaultCache). Otherwise an unlock with
 * the old passphrase that finished after a passphrase change remembered the old record, and the
 * next edit wrote the old key wrapping back: the new passphrase stopped working and the old one
 * opened the vault.
 */
export class VaultSession {
  private readonly queue = new SerialQueue();
  private readonly cache = new DecryptedVaultCache();

  constructor(private readonly iterations = DEFAULT_PBKDF2_ITERATIONS) {}

  async state(): Promise<VaultState> {
    if (this.cache.trusted()) return 'unlocked';
    const stored = await vaultRecordItem.getValue();
    if (stored === null || stored === undefined) return 'none';
    return (await sessionKeyItem.getValue()) ? 'unlocked' : 'locked';
  }

  create(passphrase: string, confirmation: string): Promise<Result<void>> {
    return this.queue.run(async () => {
      const checkedAt = this.cache.mark();
      if ((await vaultRecordItem.getValue()) !== null) {
        return fail('problemVaultExists');
      }
      const problem = validateNewPassphrase(passphrase, confirmation);
      if (problem) return problem;
      const { record, dataKey } = await createVault(passphrase, emptyContents(), this.iterations);
      await vaultRecordItem.setValue(record);
      await legacySettingsItem.removeValue();
      await this.writeKey({ record, contents: emptyContents(), dataKey }, checkedAt);
      return { ok: true, value: undefined };
    });
  }

  unlock(passphrase: string): Promise<Result<void>> {
    return this.queue.run(async () => {
      const checkedAt = this.cache.mark();
      const record = await this.storedRecord();
      if (!record.ok) return record;
      const key = await unwrapDataKey(record.value, passphrase);
      if (!key.ok) return key;
      const contents = await readContents(record.value, key.value);
      if (!contents.ok) return contents;
      const read = await this.withLegacySettings({
        record: record.value,
        contents: contents.value,
        dataKey: key.value,
      });
      await this.writeKey(await this.writeCurrentForm(read), checkedAt);
      return { ok: true, value: undefined };
    });
  }

  lock(): Promise<void> {
    return this.queue.run(() => this.lockNow());
  }

  /**
   * The decrypted vault, or why not (locked, none, damaged). Reads only: a vault an earlier version
   * wrote is brought to the current form by the next unlock or write (mutate).
   */
  open(): Promise<Result<Unlocked>> {
    return this.queue.run(async () => {
      const cached = this.cache.trusted();
      return cached ? { ok: true, value: cached } : this.openNow();
    });
  }

  async accounts(): Promise<Result<Account[]>> {
    const vault = await this.open();
    return vault.ok ? { ok: true, value: vault.value.contents.accounts } : vault;
  }

  /** The settings, read from the vault: while it is locked there are none to read. */
  async settings(): Promise<Result<Settings>> {
    const vault = await this.open();
    return vault.ok ? { ok: true, value: mergeSettings(vault.value.contents.settings) } : vault;
  }

  /** Stores the changes (those out of range are dropped) in the vault; returns the settings now in force. */
  changeSettings(changes: Partial<Settings>): Promise<Result<Settings>> {
    return this.mutate((contents) => {
      const settings = mergeSettings(contents.settings, changes);
      return { ok: true, value: { contents: { ...contents, settings }, result: settings } };
    });
  }

  /**
   * Applies `change` to the decrypted contents and stores the result, in the current form, in one
   * storage.local.set. A change that returns an error writes nothing.
   */
  mutate<T>(change: (contents: VaultContents) => Result<{ contents: VaultContents; result: T }>): Promise<Result<T>> {
    return this.queue.run(async () => {
      const checkedAt = this.cache.mark();
      const vault = await this.openNow();
      if (!vault.ok) return vault;
      const outcome = change(structuredClone(vault.value.contents));
      if (!outcome.ok) return outcome;
      const contents: VaultContents = { ...outcome.value.contents, version: CONTENTS_VERSION };
      // vault.value.record is the stored record (openNow re-read it): only the contents change.
      const record = await writeContents(vault.value.record, vault.value.dataKey, contents);
      const unlocked = { ...vault.value, record, contents };
      await this.cache.holdAndWrite(toBase64(vault.value.dataKey), unlocked, checkedAt, () =>
        vaultRecordItem.setValue(record),
      );
      if (isEarlierForm(vault.value.contents)) await legacySettingsItem.removeValue();
      return { ok: true, value: outcome.value.result };
    });
  }

  /** Re-wraps the data key under a new passphrase (and optionally another KDF iteration count). */
  changePassphrase(current: string, next: string, confirmation: string, iterations?: number): Promise<Result<void>> {
    return this.queue.run(async () => {
      const checkedAt = this.cache.mark();
      const record = await this.storedRecord();
      if (!record.ok) return record;
      const problem = validateNewPassphrase(next, confirmation);
      if (problem) return problem;
      const target = iterations ?? record.value.kdf.iterations;
      if (!isAllowedIterationCount(target)) return ITERATIONS_OUT_OF_RANGE;
      const key = await unwrapDataKey(record.value, current);
      if (!key.ok) return failedWith(key, 'problemWrongPassphrase') ? fail('problemCurrentPassphraseWrong') : key;
      const rewrapped = await rewrapDataKey(record.value, key.value, next, target);
      await vaultRecordItem.setValue(rewrapped);
      const contents = await readContents(rewrapped, key.value);
      if (contents.ok) {
        await this.writeKey({ record: rewrapped, contents: contents.value, dataKey: key.value }, checkedAt);
      }
      return { ok: true, value: undefined };
    });
  }

  /** Checks a passphrase without changing anything (e.g. before a plain export). */
  verifyPassphrase(passphrase: string): Promise<Result<void>> {
    return this.queue.run(async () => {
      const record = await this.storedRecord();
      if (!record.ok) return record;
      const key = await unwrapDataKey(record.value, passphrase);
      return key.ok ? { ok: true, value: undefined } : key;
    });
  }

  deleteVault(): Promise<void> {
    return this.queue.run(async () => {
      await this.lockNow();
      await vaultRecordItem.removeValue();
    });
  }

  async iterationsInUse(): Promise<number | null> {
    const cached = this.cache.trusted();
    if (cached) return cached.record.kdf.iterations;
    const record = await this.storedRecord();
    return record.ok ? record.value.kdf.iterations : null;
  }

  private async lockNow(): Promise<void> {
    this.cache.forget();
    await sessionKeyItem.removeValue();
  }

  /**
   * Reads the stored record; decrypts again only when it is not the one already decrypted. Writes
   * nothing: an earlier version's contents come back with their settings read beside them.
   */
  private async openNow(): Promise<Result<Unlocked>> {
    const checkedAt = this.cache.mark();
    const [keyBase64, stored] = await Promise.all([sessionKeyItem.getValue(), vaultRecordItem.getValue()]);
    if (stored === null || stored === undefined) {
      this.cache.forget();
      return NO_VAULT;
    }
    if (!keyBase64) {
      this.cache.forget();
      return LOCKED;
    }
    const record = parseVaultRecord(stored);
    if (!record.ok) return record;
    const held = this.cache.confirm(keyBase64, record.value, checkedAt);
    if (held) return { ok: true, value: held };
    const dataKey = fromBase64(keyBase64);
    const contents = await readContents(record.value, dataKey);
    if (!contents.ok) return contents;
    const unlocked = await this.withLegacySettings({ record: record.value, contents: contents.value, dataKey });
    this.cache.hold(keyBase64, unlocked, checkedAt);
    return { ok: true, value: unlocked };
  }

  /**
   * Contents written by an earlier version, with the settings that version kept in plain
   * storage.local (values out of range take their default). Reads only; the contents keep their
   * version, so the next write knows to store the current form and remove the plain copy.
   */
  private async withLegacySettings(vault: Unlocked): Promise<Unlocked> {
    if (!isEarlierForm(vault.contents)) return vault;
    const legacy = await legacySettingsItem.getValue();
    const settings = mergeSettings(typeof legacy === 'object' && legacy !== null ? (legacy as Partial<Settings>) : {});
    return { ...vault, contents: { ...vault.contents, settings } };
  }

  /**
   * Stores an earlier version's contents in the current form, in one write, and removes the plain
   * copy of the settings: on the first unlock after an update.
   */
  private async writeCurrentForm(vault: Unlocked): Promise<Unlocked> {
    if (!isEarlierForm(vault.contents)) return vault;
    const contents: VaultContents = { ...vault.contents, version: CONTENTS_VERSION };
    const record = await writeContents(vault.record, vault.dataKey, contents);
    await vaultRecordItem.setValue(record);
    await legacySettingsItem.removeValue();
    return { ...vault, record, contents };
  }

  private async storedRecord(): Promise<Result<VaultRecord>> {
    const stored = await vaultRecordItem.getValue();
    if (stored === null || stored === undefined) return NO_VAULT;
    return parseVaultRecord(stored);
  }

  /**
   * Writes the data key to storage.session (so a restarted worker comes back unlocked), holding
   * `unlocked` as the decrypted vault: after an unlock, a create or a passphrase change.
   */
  private async writeKey(unlocked: Unlocked, checkedAt: number): Promise<void> {
    const keyBase64 = toBase64(unlocked.dataKey);
    await this.cache.holdAndWrite(keyBase64, unlocked, checkedAt, () => sessionKeyItem.setValue(keyBase64));
  }
}

/** Contents an earlier version wrote (before settings moved into the vault). */
function isEarlierForm(contents: VaultContents): boolean {
  return (contents.version ?? 1) < CONTENTS_VERSION;
}
