/**
 * A passkey or security-key (WebAuthn) prompt, with its way out: the "Sign-in options" link
 * `#idA_PWD_SwitchToCredPicker`, which public SSO and automation scripts follow to the credential
 * picker (passkey.ts) when they do not want the passkey. The sources disagree on the prompt
 * around the link: a waiting prompt whose link reads "Sign-in options"
 * (`CT_PWD_STR_SwitchToCredPicker_Link`, the knockout template's `switchToCredPicker_onClick`),
 * and the page shown once the request failed, `#loginHeader` "We couldn't sign you in"
 * (`CT_FIDO_STR_Page_PasskeyError_Title`) with the same link reading "Sign in another way". Both
 * are recognised by the link's id, never its words (tests/fixtures/signin/entra.ts names the
 * sources). The username view carries the same link ("Sign-in options" under the username
 * field): a page with a username or password field is not this screen.
 *
 * The way out is taken by the push rule: the account is in the vault, the switch is allowed, and
 * the account has an app-code method: `$Config.arrUserProofs` lists `PhoneAppOTP`, or lists
 * nothing (the picker then decides by its tiles, passkey.ts).
 */
import { pageAccount } from '../page-account';
import { TOTP_PROOF } from '../proof-method';
import { PASSKEY_WAY_OUT, SCREEN_CUES } from '../screen-cues';
import { isVisible } from '../visibility';
import type { Screen } from './types';

export const passkeyPrompt: Screen = {
  name: 'passkey-prompt',
  order: 85,
  read(page) {
    const { doc } = page;
    const link = doc.querySelector<HTMLElement>(PASSKEY_WAY_OUT);
    if (!link || !SCREEN_CUES['passkey-prompt'](doc)) return null;
    const usable = isVisible(link, page.layout) ? link : null;
    const proofs = page.config?.proofs ?? [];
    return {
      screen: 'switch-to-code',
      from: 'passkey-prompt',
      account: pageAccount(doc, page.config),
      codeProof: proofs.length === 0 || proofs.some((proof) => proof.authMethodId === TOTP_PROOF),
      way: usable ? 'other-ways' : null,
      elements: usable ? { 'other-ways': usable } : {},
    };
  },
};
