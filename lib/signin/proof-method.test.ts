import { describe, expect, it } from 'vitest';
import { type CodeMethod, methodOfProof } from './proof-method';

describe('methodOfProof', () => {
  it.each<[string, CodeMethod]>([
    ['PhoneAppOTP', 'totp'],
    ['OneWaySMS', 'phone'],
    ['TwoWayVoiceMobile', 'phone'],
    ['TwoWayVoiceOffice', 'phone'],
    ['TwoWayVoiceAlternateMobile', 'phone'],
    ['PhoneAppNotification', 'push'],
    ['FidoKey', 'other'],
    ['phoneappotp', 'other'],
  ])('%s → %s', (authMethodId, expected) => {
    expect(methodOfProof(authMethodId)).toBe(expected);
  });
});
