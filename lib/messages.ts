/**
 * The typed message protocol, split by trust level (docs/ARCHITECTURE.md, 'Messages and who may
 * send them'). Extension pages (popup, options) may ask for anything in PageRequest; a content
 * script on a sign-in page may only send ContentRequest, and never receives a secret or the account
 * list. Each part lives in lib/protocol/ (the content script's in protocol/content.ts); this file
 * gathers them under one name.
 */
import type { AccountTableReplies, AccountTableRequest } from './protocol/account-table';
import type { AccountReplies, AccountRequest } from './protocol/accounts';
import type { ImportExportReplies, ImportExportRequest } from './protocol/import-export';
import type { ScreenReportReplies, ScreenReportRequest } from './protocol/screen-report';
import type { SettingsReplies, SettingsRequest } from './protocol/settings';
import type { VaultReplies, VaultRequest } from './protocol/vault';

export type { AccountCodes } from './protocol/account-table';
export type { AccountChanges, AccountView } from './protocol/accounts';
export { NEXT_CODE_WINDOW_MS } from './protocol/accounts';
export type { Failure, Ok, Reply } from './protocol/common';
export type {
  CodeResponse,
  ContentCommand,
  ContentRequest,
  FillEvent,
  HasAccountResponse,
  KmsiResponse,
  NotFilledReason,
  StartRunnerResponse,
} from './protocol/content';
export { isContentRequest, NOT_FILLED_REASONS } from './protocol/content';
export type { ExportedFile, ImportContent, PlainExportKind } from './protocol/import-export';
export type { ClearClipboardCommand } from './protocol/offscreen';
export { isClearClipboardCommand } from './protocol/offscreen';
export type { NextPeriodReason, TabStatus, TabStatusEvent } from './protocol/tab-status';
export type { VaultState } from './protocol/vault';
export type { ScreenSummary } from './signin/screen-summary';

// ---------- extension pages → background (trusted) ----------
// One file per area under protocol/, each request described by a validator the background runs
// (background/page-handlers.ts) and its type derived from it.

export type PageRequest =
  | VaultRequest
  | AccountRequest
  | AccountTableRequest
  | SettingsRequest
  | ImportExportRequest
  | ScreenReportRequest;

export interface PageReplies
  extends VaultReplies,
    AccountReplies,
    AccountTableReplies,
    SettingsReplies,
    ImportExportReplies,
    ScreenReportReplies {}
