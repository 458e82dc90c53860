import { describe, expect, it } from 'vitest';
import { hasSigninHostAccess, type PermissionsApi, requestSigninHostAccess } from './host-permissions';
import { SIGNIN_MATCH_PATTERNS } from './signin/hosts';

function fakePermissions(granted: boolean, grantOnRequest: boolean) {
  const asked: string[][] = [];
  const api: PermissionsApi = {
    contains: async ({ origins }) => {
      asked.push(origins);
      return granted;
    },
    request: async ({ origins }) => {
      asked.push(origins);
      granted = grantOnRequest;
      return grantOnRequest;
    },
  };
  return { api, asked };
}

describe('sign-in host access', () => {
  it('asks for exactly the sign-in hosts, nothing wider', async () => {
    const { api, asked } = fakePermissions(false, true);
    expect(await hasSigninHostAccess(api)).toBe(false);
    expect(await requestSigninHostAccess(api)).toBe(true);
    expect(await hasSigninHostAccess(api)).toBe(true);
    for (const origins of asked) expect(origins).toEqual([...SIGNIN_MATCH_PATTERNS]);
  });

  it('reports a refusal', async () => {
    const { api } = fakePermissions(false, false);
    expect(await requestSigninHostAccess(api)).toBe(false);
    expect(await hasSigninHostAccess(api)).toBe(false);
  });
});
