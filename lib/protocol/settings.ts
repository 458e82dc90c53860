/** Extension pages → background: read and change settings; what happened on a tab. */

import type { Settings } from '../settings';
import type { Reply, RequestsOf } from './common';
import type { TabStatus } from './tab-status';
import { isInteger, isRecord, shape, type Validator } from './validate';

/** Any object: mergeSettings keeps each known setting only when its value is one it allows. */
const isSettingsChanges: Validator<Partial<Settings>> = (v): v is Partial<Settings> => isRecord(v);

export const settingsRequests = {
  'settings:get': shape({}),
  'settings:set': shape({ changes: isSettingsChanges }),
  'tab:status': shape({ tabId: isInteger }),
};

export type SettingsRequest = RequestsOf<typeof settingsRequests>;

export interface SettingsReplies {
  'settings:get': Reply<{ settings: Settings; iterations: number | null }>;
  'settings:set': Reply<{ settings: Settings }>;
  'tab:status': Reply<{ status: TabStatus | null }>;
}
