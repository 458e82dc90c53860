/**
 * The extension fills a code only on https pages of the exact Microsoft sign-in hosts (README.md,
 * 'Autofill: what is filled where'), which assumes the browser checks those hosts' certificates. A browser that
 * ignores certificate errors lets anything that can intercept its traffic (a proxy, a hostile
 * network, a DNS entry) serve a fake login.microsoftonline.com: the extension would fill and
 * submit a code for any account that page names, and the test would type its password into it.
 * So the helper refuses to start such a browser unless the suite says, by name, that it accepts
 * this (`allowInsecureSignin: true`).
 *
 * Not refused: `--ignore-certificate-errors-spki-list=<hashes>`, which trusts only the listed
 * public keys (how the probe reaches the fake sign-in service, whose key is made per run).
 */

import { createHash, X509Certificate } from 'node:crypto';

/** Chromium switches that turn certificate checking off for every host. */
const INSECURE_SWITCHES = ['--ignore-certificate-errors', '--ignore-https-errors', '--ignore-ssl-errors'];

export interface CertificateSettings {
  args?: readonly string[];
  contextOptions?: { ignoreHTTPSErrors?: boolean };
  allowInsecureSignin?: boolean;
}

/** The settings in `options` that would have the browser ignore certificate errors. */
export function insecureSettings(options: CertificateSettings): string[] {
  const found: string[] = [];
  if (options.contextOptions?.ignoreHTTPSErrors) found.push('ignoreHTTPSErrors: true');
  for (const arg of options.args ?? []) {
    const name = arg.split('=')[0]!.toLowerCase();
    if (INSECURE_SWITCHES.includes(name)) found.push(arg);
  }
  return found;
}

export class InsecureSigninError extends Error {
  override name = 'InsecureSigninError';
  constructor(
    readonly settings: readonly string[],
    allowedBy = 'allowInsecureSignin: true',
  ) {
    super(
      `MFA Autofill: refusing to start the browser that carries the extension with certificate errors ignored ` +
        `(${settings.join(', ')}). The extension fills codes on login.microsoftonline.com by its exact https host; ` +
        'with certificate errors ignored, anything that can intercept this machine’s traffic can serve a fake ' +
        'sign-in page, have a code filled and submitted for any account it names, and receive the password the test ' +
        'types. Remove the setting (from the suite’s `use` or contextOptions, or the browser arguments); the fake ' +
        'sign-in service needs none of it (routeToFakeSignin and --trust-certificate trust its own certificate). ' +
        `To accept the risk for a test network you control, set ${allowedBy}.`,
    );
  }
}

/** Throws InsecureSigninError unless certificate checks stay on or the suite allowed otherwise. */
export function refuseInsecureSignin(options: CertificateSettings): void {
  const settings = insecureSettings(options);
  if (settings.length > 0 && !options.allowInsecureSignin) throw new InsecureSigninError(settings);
}

/**
 * The Chromium switch that trusts exactly one certificate's public key, for every host it names
 * (Chromium's `--ignore-certificate-errors-spki-list`: base64 SHA-256 of the SubjectPublicKeyInfo).
 * Other hosts and other keys are still checked: an interceptor would need this key's private half.
 */
export function trustCertificateSwitch(pem: string | Buffer): string {
  const spki = new X509Certificate(pem).publicKey.export({ type: 'spki', format: 'der' });
  return `--ignore-certificate-errors-spki-list=${createHash('sha256').update(spki).digest('base64')}`;
}
