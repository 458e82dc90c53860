/** The shape of a screen report (screen-report.ts builds it, screen-report-check.ts checks one it did not build). */

/**
 * `visible`: shown and on top where a person would see it (the fill rules' test); `rendered`:
 * styled to show but off screen, of no size or covered; `hidden`: not shown at all.
 */
export type Shown = 'visible' | 'rendered' | 'hidden';

/** What the extension reads from a run of text that is not a heading or a label; never the text. */
export interface ReportedText {
  /** The method the words name (lib/signin/method-wording.ts), 'mixed', or null for none. */
  method: 'totp' | 'phone' | 'email' | 'push' | 'other' | 'mixed' | null;
  /** The text holds an e-mail address or a phone number. */
  address: boolean;
  /** The AADSTS error code it shows, digits only. */
  aadsts: string | null;
}

export interface ReportedElement {
  tag: string;
  id?: string;
  name?: string;
  testId?: string;
  role?: string;
  type?: string;
  maxLength?: number;
  autocomplete?: string;
  inputMode?: string;
  classes?: string[];
  /** `data-value`: the method a chooser tile stands for. */
  dataValue?: string;
  /** `data-test-cred-id`: the credential type of a passkey-first tile (1 password … 7 FIDO). */
  credType?: string;
  /** An image's file name (tiles are told apart by it), never its URL. */
  src?: string;
  ariaHidden?: true;
  disabled?: true;
  readOnly?: true;
  shown: Shown;
  /** A heading's or a button's label, addresses, phone numbers and digits masked. */
  label?: string;
  text?: ReportedText;
  children?: ReportedElement[];
}

export interface ReportedConfig {
  /** Every key of `$Config`, nested ones as `parent.child`, array items as `parent[]`. Never a value. */
  keys: string[];
  pgid: string | null;
  /** `$Config.arrUserProofs`: method and whether it is the default; no phone number, no display text. */
  proofs: { authMethodId: string; isDefault: boolean }[];
  /** The small numbers of keys that name credential types (`PrefCredential`, `credType`, …). */
  credentialTypes: Record<string, number>;
}

export interface ScreenReport {
  version: 1;
  /** Scheme, host and path (a tenant in it masked); never a query or a fragment. */
  url: string;
  title: string | null;
  config: ReportedConfig | null;
  body: ReportedElement | null;
  /** Elements left out past the limits. */
  truncated: number;
  /** The tab status that offered the report (state and reason codes only), when known. */
  status?: { state: string; reason?: string };
}
