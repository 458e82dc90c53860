/**
 * Extension pages → background: codes of the popup's rows in view (its list is windowed), and the
 * options page's account table, which acts on several accounts at once.
 */
import type { Reply, RequestsOf } from './common';
import { isBoolean, shape, type Validator } from './validate';

/** The codes of one account, for rows the popup scrolls to. */
export interface AccountCodes {
  id: string;
  code: string;
  nextCode: string;
  validUntil: number;
}

export const isStringArray: Validator<string[]> = (v): v is string[] =>
  Array.isArray(v) && v.every((item) => typeof item === 'string');

export const accountTableRequests = {
  'accounts:codes': shape({ ids: isStringArray }),
  /** Deletes the selected accounts in one vault write, once the page confirmed it with the user. */
  'accounts:delete-many': shape({ ids: isStringArray, confirmed: isBoolean }),
};

export type AccountTableRequest = RequestsOf<typeof accountTableRequests>;

export interface AccountTableReplies {
  'accounts:codes': Reply<{ codes: AccountCodes[] }>;
  'accounts:delete-many': Reply<{ deleted: number }>;
}
