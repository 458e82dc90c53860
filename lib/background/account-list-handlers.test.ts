import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { oathtoolCode, randomSecret } from '../../tests/support/oathtool';
import type { PageRequest } from '../messages';
import { forgetCachedCodes } from './account-views';
import type { BackgroundContext } from './context';
import {
  TEST_EXTENSION_ID as ID,
  TEST_PASSPHRASE as PASSPHRASE,
  POPUP_SENDER as POPUP,
  SELF as self,
  testContext,
} from './context.testing';
import { routeMessage } from './router';
import type { SenderInfo } from './sender';

const NOW = 1_700_000_010_000;

let ctx: BackgroundContext;
const secrets = new Map<string, string>();
beforeEach(async () => {
  fakeBrowser.reset();
  // Ids repeat from test to test (id-1, id-2…) with new secrets: no codes from the last test.
  forgetCachedCodes();
  ctx = testContext(() => NOW);
  await send({ type: 'vault:create', passphrase: PASSPHRASE, confirmation: PASSPHRASE });
  for (const name of ['carol@contoso.com', 'alice@contoso.com', 'bob@fabrikam.com']) {
    const secret = randomSecret();
    secrets.set(name, secret);
    await send({ type: 'accounts:add', input: { name, secret } });
  }
});

// biome-ignore lint/suspicious/noExplicitAny: replies are checked field by field below.
const send = (request: PageRequest, sender = POPUP): Promise<any> => routeMessage(request, sender, self, ctx);

describe('accounts:list for a windowed popup', () => {
  it('lists in order with every code by default', async () => {
    const reply = await send({ type: 'accounts:list' });
    expect(reply.total).toBe(3);
    expect(reply.accounts.map((a: { name: string }) => a.name)).toEqual([
      'alice@contoso.com',
      'bob@fabrikam.com',
      'carol@contoso.com',
    ]);
    for (const a of reply.accounts) expect(a.code).toBe(oathtoolCode(secrets.get(a.name) ?? '', NOW));
  });

  it('sends the first screenful with codes, and the rest without', async () => {
    const first = await send({ type: 'accounts:list', limit: 2, codesFor: 2 });
    expect(first).toMatchObject({ ok: true, total: 3 });
    expect(first.accounts).toHaveLength(2);
    expect(first.accounts.every((a: { code: string }) => /^\d{6}$/.test(a.code))).toBe(true);

    const rest = await send({ type: 'accounts:list', codesFor: 0 });
    expect(rest.accounts).toHaveLength(3);
    expect(rest.accounts.map((a: { code: string; validUntil: number }) => [a.code, a.validUntil])).toEqual([
      ['', 0],
      ['', 0],
      ['', 0],
    ]);
  });

  it('gives the codes of the rows asked for, and only those', async () => {
    const { accounts } = await send({ type: 'accounts:list', codesFor: 0 });
    const bob = accounts.find((a: { name: string }) => a.name === 'bob@fabrikam.com');
    const reply = await send({ type: 'accounts:codes', ids: [bob.id, 'no-such-id'] });
    expect(reply.codes).toEqual([
      {
        id: bob.id,
        code: oathtoolCode(secrets.get('bob@fabrikam.com') ?? '', NOW),
        nextCode: '',
        validUntil: NOW + 30_000,
      },
    ]);
    expect(await send({ type: 'accounts:codes', ids: 'x' as unknown as string[] })).toMatchObject({ ok: false });
  });

  it('refuses the codes to a sign-in page', async () => {
    const signin: SenderInfo = {
      id: ID,
      url: 'https://login.microsoftonline.com/common/login',
      frameId: 0,
      tab: { id: 3 },
    };
    expect(await send({ type: 'accounts:codes', ids: ['id-1'] }, signin)).toMatchObject({ ok: false });
  });

  it('says it is locked when it is', async () => {
    await send({ type: 'vault:lock' });
    expect(await send({ type: 'accounts:codes', ids: ['id-1'] })).toMatchObject({
      ok: false,
      problem: { code: 'problemVaultLocked' },
    });
  });
});

describe('accounts:delete-many', () => {
  it('deletes the selected accounts in one write, only once confirmed', async () => {
    expect(await send({ type: 'accounts:delete-many', ids: ['id-1', 'id-3'], confirmed: false })).toMatchObject({
      ok: false,
      problem: { code: 'problemConfirmDeleteAccounts' },
    });
    expect((await send({ type: 'accounts:list' })).total).toBe(3);
    expect(await send({ type: 'accounts:delete-many', ids: ['id-1', 'id-3'], confirmed: true })).toEqual({
      ok: true,
      deleted: 2,
    });
    const { accounts } = await send({ type: 'accounts:list' });
    expect(accounts.map((a: { id: string }) => a.id)).toEqual(['id-2']);
    expect(await send({ type: 'accounts:delete-many', ids: ['id-1'], confirmed: true })).toMatchObject({
      ok: false,
      problem: { code: 'problemAccountsGone' },
    });
    expect(await send({ type: 'accounts:delete-many', ids: [], confirmed: true })).toMatchObject({
      ok: false,
      problem: { code: 'problemSelectAccountsToDelete' },
    });
  });
});

describe('export of selected accounts', () => {
  it('writes only the selected accounts to a plain export', async () => {
    const reply = await send({
      type: 'export:plain',
      kind: 'otpauth-links',
      vaultPassphrase: PASSPHRASE,
      acknowledged: true,
      ids: ['id-2'],
    });
    expect(reply).toMatchObject({ ok: true, count: 1 });
    expect(reply.file.text).toContain('alice%40contoso.com');
    expect(reply.file.text).not.toContain('carol');
    expect(reply.file.text).not.toContain('bob');
  });

  it('counts only the selected accounts in an encrypted backup, and refuses an empty selection', async () => {
    const backup = await send({
      type: 'export:backup',
      passphrase: 'backup passphrase 1',
      confirmation: 'backup passphrase 1',
      ids: ['id-1', 'id-3'],
    });
    expect(backup).toMatchObject({ ok: true, count: 2 });
    expect(
      await send({
        type: 'export:backup',
        passphrase: 'backup passphrase 1',
        confirmation: 'backup passphrase 1',
        ids: [],
      }),
    ).toMatchObject({ ok: false });
  });
});
