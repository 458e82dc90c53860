/** Extension pages → background: list, add, edit, delete accounts; reveal a secret; note a copied code. */
import type { SubmitOverride } from '../accounts';
import type { Algorithm, Digits, Period } from '../totp';
import type { Reply, RequestsOf } from './common';
import {
  either,
  type Infer,
  isBoolean,
  isFiniteNumber,
  isString,
  oneOf,
  optional,
  shape,
  type Validator,
} from './validate';

/** What the popup shows of an account: never its secret. */
export interface AccountView {
  id: string;
  name: string;
  issuer: string;
  notes: string;
  digits: Digits;
  period: Period;
  algorithm: Algorithm;
  pinned: boolean;
  lastUsedAt: number;
  submitAfterFill: SubmitOverride;
  /** Override of "Use a code instead of approving on the phone". */
  codeInsteadOfPush?: SubmitOverride;
  code: string;
  nextCode: string;
  /** Epoch ms when `code` stops being valid; 0 when the list was sent without this account's codes. */
  validUntil: number;
}

/** `AccountView.nextCode` is filled in only this close to the end of a period. */
export const NEXT_CODE_WINDOW_MS = 10_000;

export const isSubmitOverride: Validator<SubmitOverride> = oneOf('default', 'always', 'never');

const optionalText = optional(isString);
const optionalNumberOrText = optional(either(isFiniteNumber, isString));

/** Form or import input, strings as typed (lib/accounts.ts validates the values). */
export const isAccountInput = shape({
  name: optionalText,
  secret: optionalText,
  issuer: optionalText,
  digits: optionalNumberOrText,
  period: optionalNumberOrText,
  algorithm: optionalText,
  notes: optionalText,
});

export const isAccountChanges = shape({
  name: optionalText,
  issuer: optionalText,
  notes: optionalText,
  pinned: optional(isBoolean),
  submitAfterFill: optional(isSubmitOverride),
  codeInsteadOfPush: optional(isSubmitOverride),
});
export type AccountChanges = Infer<typeof isAccountChanges>;

export const accountRequests = {
  /** In list order; `limit` rows only, codes for the first `codesFor` only (both default to all). */
  'accounts:list': shape({ limit: optional(isFiniteNumber), codesFor: optional(isFiniteNumber) }),
  'accounts:add': shape({ input: isAccountInput }),
  'accounts:update': shape({ id: isString, changes: isAccountChanges }),
  'accounts:delete': shape({ id: isString }),
  'accounts:reveal-secret': shape({ id: isString }),
  'accounts:mark-used': shape({ id: isString }),
  /** The popup copied a code: clear the clipboard after the delay the settings say. */
  'clipboard:copied': shape({}),
};

export type AccountRequest = RequestsOf<typeof accountRequests>;

export interface AccountReplies {
  'accounts:list': Reply<{ accounts: AccountView[]; total: number }>;
  'accounts:add': Reply<{ id: string }>;
  'accounts:update': Reply;
  'accounts:delete': Reply;
  'accounts:reveal-secret': Reply<{ secret: string }>;
  'accounts:mark-used': Reply;
  'clipboard:copied': Reply<{ clearsInSeconds: number }>;
}
