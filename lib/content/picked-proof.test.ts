import { describe, expect, it } from 'vitest';
import { MemoryStorage } from './memory-storage.testing';
import { PICK_LIFETIME_MS, recallPickedProof, storePickedProof, tabSessionStorage } from './picked-proof';

const NOW = 1_750_000_000_000;

describe('the chooser pick', () => {
  it.each<[string, number, string | null]>([
    ['just picked', NOW, 'PhoneAppOTP'],
    ['picked a while ago, still this sign-in', NOW + PICK_LIFETIME_MS, 'PhoneAppOTP'],
    ['picked during an earlier sign-in', NOW + PICK_LIFETIME_MS + 1, null],
    ['picked "in the future" (clock changed)', NOW - 1, null],
  ])('%s', (_case, readAt, expected) => {
    const storage = new MemoryStorage();
    storePickedProof(storage, 'PhoneAppOTP', NOW);
    expect(recallPickedProof(storage, readAt)).toBe(expected);
  });

  it.each<[string, string]>([
    ['no proof', `${NOW} `],
    ['no time', 'PhoneAppOTP'],
    ['not a time', 'soon PhoneAppOTP'],
    ['an older format', JSON.stringify({ proof: 'PhoneAppOTP', at: NOW })],
  ])('ignores a damaged entry: %s', (_case, raw) => {
    const storage = new MemoryStorage();
    storage.setItem('mfa-autofill:picked-proof', raw);
    expect(recallPickedProof(storage, NOW)).toBeNull();
  });

  it('is forgotten on demand', () => {
    const storage = new MemoryStorage();
    storePickedProof(storage, 'OneWaySMS', NOW);
    storePickedProof(storage, null, NOW);
    expect(recallPickedProof(storage, NOW)).toBeNull();
  });

  it('works without storage, and with storage that throws', () => {
    const throwing = new MemoryStorage();
    throwing.setItem = () => {
      throw new Error('QuotaExceededError');
    };
    throwing.getItem = () => {
      throw new Error('SecurityError');
    };
    expect(() => storePickedProof(null, 'PhoneAppOTP', NOW)).not.toThrow();
    expect(() => storePickedProof(throwing, 'PhoneAppOTP', NOW)).not.toThrow();
    expect(recallPickedProof(throwing, NOW)).toBeNull();
    expect(recallPickedProof(null, NOW)).toBeNull();
    expect(() => storePickedProof(null, null, NOW)).not.toThrow();
  });

  it('tabSessionStorage survives a window whose storage is blocked', () => {
    const blocked = {
      get sessionStorage(): Storage {
        throw new Error('SecurityError');
      },
    } as unknown as Window;
    expect(tabSessionStorage(blocked)).toBeNull();
    expect(tabSessionStorage(null)).toBeNull();
  });
});
