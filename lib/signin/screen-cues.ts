/**
 * The first test of every screen module in lib/signin/screens: the cheap look (an id, a selector,
 * the host) each module's `read` starts with and returns null without. They live here, apart from
 * the readers, so the content script's first stage can ask "might the extension act on this page?"
 * without loading the readers or the decisions (docs/ARCHITECTURE.md, 'Content script'). Because
 * every reader begins with its cue, a page no cue matches is a page no reader recognises: the
 * first stage's trigger is a superset of what the decisions act on by construction, and
 * lib/content/stage-one.test.ts checks it on every fixture and markup variant.
 */
import { isChooserPage } from './chooser';
import { LIVE_CODE_FIELD_SELECTOR } from './code-field';
import { LIVE_HOST } from './hosts';
import { shownAadsts } from './screen-summary';

export type ScreenCue = (doc: Document) => boolean;

const onLive = (doc: Document): boolean => doc.location?.hostname === LIVE_HOST;
const has = (doc: Document, selector: string): boolean => doc.querySelector(selector) !== null;

const EMAIL_CODE_SELECTOR =
  '#idTxtBx_OTC_Password, #iOttText, [data-testid="codeEntry"], [data-testid="codeInputWrapper"]';
const PUSH_SELECTOR = '#idDiv_SAOTCAS_Title, #idDiv_SAOTCAS_Description, #idRichContext_DisplaySign';
export const PASSKEY_WAY_OUT = 'a#idA_PWD_SwitchToCredPicker';
/** Username and password fields: Entra's and login.live.com's new UI. */
const SIGN_IN_FORM_SELECTOR =
  'input[name="loginfmt"], input[name="passwd"], input#usernameEntry, [data-testid="passwordEntry"]';
const CREDENTIAL_FIELDS = `${SIGN_IN_FORM_SELECTOR}, input[type="password"]`;

/** Each screen module's first test, by the module's `name`. */
export const SCREEN_CUES = {
  'email-code': (doc) => has(doc, EMAIL_CODE_SELECTOR),
  'entra-code': (doc) => doc.getElementById('idTxtBx_SAOTCC_OTC') !== null,
  'live-code': (doc) => onLive(doc) && has(doc, LIVE_CODE_FIELD_SELECTOR),
  'entra-chooser': (doc) => isChooserPage(doc),
  'live-other-ways': (doc) => onLive(doc) && has(doc, '[data-testid="tile"]'),
  push: (doc) => has(doc, PUSH_SELECTOR),
  passkey: (doc) => doc.getElementById('credentialList') !== null,
  'entra-kmsi': (doc) => doc.getElementById('KmsiCheckboxField') !== null,
  'live-kmsi': (doc) => onLive(doc) && has(doc, '[data-testid="kmsiVideo"]'),
  blocked: (doc) => doc.getElementById('serviceAbuseLandingTitle') !== null || shownAadsts(doc) !== null,
  // The username view carries the same link: a page with a credential field is not this screen.
  'passkey-prompt': (doc) => has(doc, PASSKEY_WAY_OUT) && !has(doc, CREDENTIAL_FIELDS),
  'sign-in-form': (doc) => has(doc, SIGN_IN_FORM_SELECTOR),
} satisfies Record<string, ScreenCue>;

export type CuedScreen = keyof typeof SCREEN_CUES;
