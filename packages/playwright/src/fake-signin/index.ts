/**
 * `mfa-autofill-playwright/fake-signin`: a fake Microsoft sign-in service and an app behind it,
 * so a team can test its wiring of the helper offline. It checks passwords and TOTP codes with
 * its own RFC 6238 code and refuses a code already accepted, for every browser, as Microsoft does.
 */
export type { AppSession } from './app-sessions.js';
export { throwAwayCertificate } from './certificate.js';
export {
  APP_ORIGIN,
  type AppSignIn,
  ERROR_REUSED_CODE,
  ERROR_UNKNOWN_USER,
  ERROR_WRONG_CODE,
  ERROR_WRONG_PASSWORD,
  LOGIN_ORIGIN,
  type SignInTiming,
  TENANT,
} from './pages.js';
export { routeToFakeSignin } from './route.js';
export {
  authorizeUrl,
  type CodeCheckRecord,
  type DirectoryUser,
  FAKE_HOSTS,
  type FakeSignin,
  type FakeSigninOptions,
  type ScreenRecord,
  startFakeSignin,
} from './server.js';
export { fakeSigninSwitches } from './switches.js';
export {
  base32Decode,
  checkCode,
  codeAt,
  codeForCounter,
  counterAt,
  MICROSOFT_TOTP,
  type TotpAlgorithm,
  type TotpParams,
} from './totp.js';
