/**
 * mfa-autofill-playwright: Playwright tests (and plain Node scripts) that get through Microsoft
 * MFA on their own, with the MFA Autofill extension filling the TOTP code.
 *
 *   import { test as base } from '@playwright/test';
 *   import { withMfaAutofill } from 'mfa-autofill-playwright';
 *   export const test = withMfaAutofill(base);
 */
export type { AccountsSource } from './accounts-source.js';
export {
  ACCOUNTS_FILE_VARIABLE,
  ACCOUNTS_TEXT_VARIABLE,
  AccountsSourceError,
  BACKUP_PASSPHRASE_VARIABLE,
} from './accounts-source.js';
export type { ContextOptions, ExtensionLaunch } from './browser.js';
export { DEFAULT_EXTENSION_DIR, defaultChromiumPath, EXTENSION_DIR_VARIABLE } from './browser.js';
export { type AccountPoolOptions, AccountPoolTimeoutError } from './coordination/account-pool.js';
export { CodeLedger, defaultLedgerDir, LEDGER_DIR_VARIABLE } from './coordination/file-ledger.js';
export type { Ledger } from './coordination/ledger.js';
export { LedgerUnavailableError } from './coordination/ledger.js';
export type { CoordinationOptions } from './coordination/open-ledger.js';
export { UnsafeLedgerDirError } from './coordination/private-dir.js';
export { CoordinationConfigError, DEFAULT_KEY_PREFIX, REDIS_URL_VARIABLE } from './coordination/redis-url.js';
export { SESSION_KEY_VARIABLE, SessionKeyError } from './coordination/session-key.js';
export { MESSAGE_PREFIX, MfaAutofillError, type MfaEvent } from './events.js';
export type { SubmitOverride, TabStatus } from './extension-protocol.js';
export { type MfaFixtures, withMfaAutofill } from './fixtures.js';
export { InsecureSigninError } from './insecure-signin.js';
export type { LeaseRecord } from './lease-server.js';
export type { PlaywrightLike } from './playwright-module.js';
export type { ReuseSignIn } from './reuse-signin.js';
export {
  launchWithMfaAutofill,
  type MfaAutofill,
  type MfaAutofillOptions,
  type ProblemScreenshot,
} from './session.js';
export { extendTestTimeout } from './test-timeout.js';
export { VaultSetupError } from './vault-setup.js';
export { describeWait, type MfaWait } from './waits.js';
