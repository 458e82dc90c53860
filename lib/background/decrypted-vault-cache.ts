/**
 * The background's decrypted copy of the vault, and when it may be trusted without reading
 * storage. A 2,000-account record takes milliseconds to read, on every fill and popup message;
 * reading from memory is safe only while storage holds what was decrypted. So every change to the
 * record or the key that differs from the copy, as storage.onChanged announces it, is counted;
 * the copy is trusted only while the count is the one it was checked at. A session's own writes,
 * held here before they are written, are announced as what the copy already holds: no change.
 * Codes computed from the contents (account-views.ts) are forgotten whenever the copy changes.
 */
import type { VaultContents, VaultRecord } from '../vault';
import { parseVaultRecord } from '../vault';
import { forgetCachedCodes } from './account-views';
import { sessionKeyItem, vaultRecordItem } from './storage';

export interface Unlocked {
  record: VaultRecord;
  contents: VaultContents;
  dataKey: Uint8Array<ArrayBuffer>;
}

/** Same stored bytes: what was decrypted from `a` still describes `b`. */
export function sameRecord(a: VaultRecord, b: VaultRecord): boolean {
  return (
    a.version === b.version &&
    a.kdf.iterations === b.kdf.iterations &&
    a.kdf.salt === b.kdf.salt &&
    a.wrappedKey.iv === b.wrappedKey.iv &&
    a.wrappedKey.data === b.wrappedKey.data &&
    a.contents.iv === b.contents.iv &&
    a.contents.data === b.contents.data
  );
}

export class DecryptedVaultCache {
  private held: { keyBase64: string; unlocked: Unlocked } | null = null;
  private storageChanges = 0;
  private checkedAtChange = -1;

  constructor() {
    vaultRecordItem.watch((value) => {
      const record = parseVaultRecord(value);
      if (!this.held || !record.ok || !sameRecord(this.held.unlocked.record, record.value)) this.storageChanges++;
    });
    sessionKeyItem.watch((value) => {
      if (value !== this.held?.keyBase64) this.storageChanges++;
    });
  }

  /**
   * Where storage stands now, taken when an operation begins reading it: a copy held with this
   * mark is trusted only if nothing else changed storage after the mark was taken.
   */
  mark(): number {
    return this.storageChanges;
  }

  /** The decrypted contents while storage is not known to hold anything else. */
  trusted(): Unlocked | null {
    return this.held && this.checkedAtChange === this.storageChanges ? this.held.unlocked : null;
  }

  /**
   * The copy, if it was decrypted from exactly this key and record (just read from storage at
   * `checkedAt`): then it is trusted again from that mark on, with nothing decrypted.
   */
  confirm(keyBase64: string, record: VaultRecord, checkedAt: number): Unlocked | null {
    if (this.held?.keyBase64 !== keyBase64 || !sameRecord(this.held.unlocked.record, record)) return null;
    this.checkedAtChange = checkedAt;
    return this.held.unlocked;
  }

  /** Holds `unlocked`, decrypted with `keyBase64` from storage as it stood at `checkedAt`. */
  hold(keyBase64: string, unlocked: Unlocked, checkedAt: number): void {
    this.held = { keyBase64, unlocked };
    this.checkedAtChange = checkedAt;
    forgetCachedCodes();
  }

  forget(): void {
    this.held = null;
    this.checkedAtChange = -1;
    forgetCachedCodes();
  }

  /**
   * Holds `unlocked`, then runs `write`, which stores it: held first, so the change storage then
   * announces is recognised as the one held and leaves the copy trusted. A write that fails
   * leaves nothing held, so the next open reads storage.
   */
  async holdAndWrite(
    keyBase64: string,
    unlocked: Unlocked,
    checkedAt: number,
    write: () => Promise<void>,
  ): Promise<void> {
    this.hold(keyBase64, unlocked, checkedAt);
    try {
      await write();
    } catch (error) {
      this.forget();
      throw error;
    }
  }
}
