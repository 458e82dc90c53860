/**
 * What kind of code an `$Config.arrUserProofs[].authMethodId` (or a chooser tile's
 * `data-value`) produces (`PhoneAppOTP` = app or hardware-token TOTP;
 * `OneWaySMS`, `TwoWayVoice*` = phone: docs/ARCHITECTURE.md, 'Microsoft sign-in pages').
 */
export type CodeMethod = 'totp' | 'phone' | 'email' | 'push' | 'other';

export const TOTP_PROOF = 'PhoneAppOTP';

export function methodOfProof(authMethodId: string): CodeMethod {
  if (authMethodId === TOTP_PROOF) return 'totp';
  if (authMethodId === 'OneWaySMS' || authMethodId.startsWith('TwoWayVoice')) return 'phone';
  if (authMethodId === 'PhoneAppNotification') return 'push';
  return 'other';
}
