import { describe, expect, it } from 'vitest';
import { methodFromWording } from './method-wording';

describe('methodFromWording', () => {
  it.each<[string | null, ReturnType<typeof methodFromWording>]>([
    ['Enter the code displayed in the authenticator app on your mobile device', 'totp'],
    ['Enter the code displayed in the Microsoft Authenticator app on your mobile device', 'totp'],
    ['Enter the code from your hardware token', 'totp'],
    ['Enter the code displayed in your authenticator app.', 'totp'],
    ['We texted your phone +X XXXXXXXX12. Please enter the code to sign in.', 'phone'],
    ['We sent an SMS to your phone.', 'phone'],
    ["We're calling your phone. Please answer it to continue.", 'phone'],
    ['We emailed a code to jo*****@fabrikam.com. Please enter the code to sign in.', 'email'],
    ['We texted a code; or enter the one from your authenticator app', 'mixed'],
    ['Enter code', null],
    ["Entrez le code affiché dans l'application d'authentification", null],
    ['', null],
    [null, null],
  ])('%s → %s', (text, expected) => {
    expect(methodFromWording(text)).toBe(expected);
  });
});
