/**
 * Only the extension's own pages and background may read or change its stored data. Chrome
 * lets content scripts use storage.local and storage.sync unless their access level is set to
 * trusted contexts (StorageArea.setAccessLevel, kept by Chrome per extension); storage.session
 * is trusted-only by default, and is set so again here so that nothing ever widens it. Firefox
 * has setAccessLevel for storage.session only: there a content script can read and write
 * storage.local, which is why everything that matters is inside the authenticated vault
 * record (docs/SECURITY.md).
 */
export type StorageAreaName = 'local' | 'sync' | 'session';

interface AccessLevelArea {
  setAccessLevel?: (options: { accessLevel: 'TRUSTED_CONTEXTS' }) => Promise<void>;
}

export const RESTRICTED_AREAS: readonly StorageAreaName[] = ['local', 'sync', 'session'];

/** Restricts each area the browser lets us; returns the ones it did (the others it does not support). */
export async function restrictStorageToTrustedContexts(
  storage: Partial<Record<StorageAreaName, AccessLevelArea | undefined>>,
): Promise<StorageAreaName[]> {
  const restricted = await Promise.all(
    RESTRICTED_AREAS.map(async (name) => {
      const area = storage[name];
      if (typeof area?.setAccessLevel !== 'function') return null;
      try {
        await area.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' });
        return name;
      } catch {
        return null; // e.g. Firefox: "only supported for storage.session"
      }
    }),
  );
  return restricted.filter((name): name is StorageAreaName => name !== null);
}
