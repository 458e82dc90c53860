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
    ["Entrez le code affiché dans l'application d'authentification", 'totp'],
    ['Geben Sie den Code ein, der in Ihrer Authenticator-App angezeigt wird.', 'totp'],
    ['認証アプリに表示されているコードを入力してください。', 'totp'],
    ['Wir haben Ihnen eine SMS an +X XXXXXXXX12 gesendet.', 'phone'],
    ['Nous avons envoyé un SMS au +X XXXXXXXX12.', 'phone'],
    ['Wir rufen Sie unter +X XXXXXXXX34 an. Bitte nehmen Sie den Anruf an.', 'phone'],
    ['Nous vous appelons au +X XXXXXXXX34.', 'phone'],
    ['+X XXXXXXXX12 に SMS を送信しました。', 'phone'],
    ['+X XXXXXXXX34 に電話をかけています。', 'phone'],
    ['Wir haben einen Code per E-Mail an jo*****@fabrikam.com gesendet.', 'email'],
    ['Nous avons envoyé un code par courriel.', 'email'],
    ['jo*****@fabrikam.com にメールでコードを送信しました。', 'email'],
    ['Code eingeben', null],
    ['コードの入力', null],
    ['', null],
    [null, null],
  ])('%s → %s', (text, expected) => {
    expect(methodFromWording(text)).toBe(expected);
  });
});
