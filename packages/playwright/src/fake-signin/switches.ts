/**
 * For a browser the helper cannot route (the `mfa-autofill-signin` probe, a plain script's own
 * launch): Chromium switches that send login.microsoftonline.com and app.contoso.example to the
 * fake service and trust its throw-away certificate's key, and no other, for them. Certificate
 * checks stay on (insecure-signin.ts).
 */
import { trustCertificateSwitch } from '../insecure-signin.js';
import { FAKE_HOSTS, type FakeSignin } from './server.js';

export function fakeSigninSwitches(service: Pick<FakeSignin, 'port' | 'certificate'>): string[] {
  const rules = FAKE_HOSTS.map((host) => `MAP ${host} 127.0.0.1:${service.port}`).join(', ');
  return [`--host-resolver-rules=${rules}`, trustCertificateSwitch(service.certificate)];
}
