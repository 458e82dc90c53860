/** Extension pages → background: create, unlock, lock, change the passphrase of, or delete the vault. */
import type { Reply, RequestsOf } from './common';
import { isFiniteNumber, isString, optional, shape } from './validate';

export type VaultState = 'none' | 'locked' | 'unlocked';

export const vaultRequests = {
  'vault:state': shape({}),
  'vault:create': shape({ passphrase: isString, confirmation: isString }),
  'vault:unlock': shape({ passphrase: isString }),
  'vault:lock': shape({}),
  'vault:change-passphrase': shape({
    current: isString,
    next: isString,
    confirmation: isString,
    iterations: optional(isFiniteNumber),
  }),
  'vault:delete': shape({ confirmation: isString }),
};

export type VaultRequest = RequestsOf<typeof vaultRequests>;

export interface VaultReplies {
  'vault:state': Reply<{ state: VaultState }>;
  'vault:create': Reply;
  'vault:unlock': Reply;
  'vault:lock': Reply;
  'vault:change-passphrase': Reply;
  'vault:delete': Reply;
}
