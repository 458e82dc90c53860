import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { oathtoolCode, randomSecret } from '../../tests/support/oathtool';
import { describeImportErrors } from '../formats';
import { english, german } from '../formats/english.testing';
import type { AccountView, PageRequest } from '../messages';
import type { BackgroundContext } from './context';
import {
  OPTIONS_SENDER as OPTIONS_PAGE,
  TEST_PASSPHRASE as PASSPHRASE,
  SELF as self,
  testContext,
} from './context.testing';
import { routeMessage } from './router';

const NOW = 1_700_000_010_000;

let ctx: BackgroundContext;
beforeEach(async () => {
  fakeBrowser.reset();
  ctx = testContext(() => NOW);
  await send({ type: 'vault:create', passphrase: PASSPHRASE, confirmation: PASSPHRASE });
});

// biome-ignore lint/suspicious/noExplicitAny: replies are checked field by field below.
const send = (request: PageRequest): Promise<any> => routeMessage(request, OPTIONS_PAGE, self, ctx);
const toBase64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const listed = async (): Promise<AccountView[]> => (await send({ type: 'accounts:list' })).accounts;

function entraCsv(rows: [string, string, number][]): string {
  return `\uFEFFupn,serial number,secret key,time interval,manufacturer,model\r\n${rows
    .map(([upn, secret, interval], i) => `${upn},SN${i},"${secret.toLowerCase()}",${interval},Contoso,Token`)
    .join('\r\n')}\r\n`;
}

describe('import through the background', () => {
  it('previews without writing, then imports every row in one write', async () => {
    const rows: [string, string, number][] = [
      ['alice@contoso.com', randomSecret(), 30],
      ['bob@contoso.com', randomSecret(), 60],
    ];
    const content = { base64: toBase64(entraCsv(rows)) };
    const before = JSON.stringify(await fakeBrowser.storage.local.get(null));
    const preview = await send({ type: 'import:preview', content });
    expect(preview).toMatchObject({ ok: true, preview: { validCount: 2, invalidCount: 0, newCount: 2 } });
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).toBe(before);

    const applied = await send({ type: 'import:apply', content, choices: {}, importValidOnly: false });
    expect(applied).toMatchObject({ ok: true, summary: { added: 2, skipped: 0, failed: 0 } });
    const accounts = await listed();
    for (const [upn, secret, period] of rows) {
      const account = accounts.find((a) => a.name === upn);
      expect(account?.code).toBe(oathtoolCode(secret, NOW, { period }));
    }
  });

  it('a file with a bad row imports nothing unless asked to import the valid ones', async () => {
    const csv = entraCsv([
      ['alice@contoso.com', randomSecret(), 30],
      ['bob@contoso.com', randomSecret(), 45],
    ]);
    const content = { text: csv };
    const preview = await send({ type: 'import:preview', content });
    // Codes cross the boundary; the page words them (here: English and German, as the options page would).
    expect(preview.preview.invalidRows).toEqual([
      {
        where: { line: 3 },
        problems: [{ field: 'period', column: 'time interval', issue: { code: 'period', value: 45 } }],
      },
    ]);
    expect(describeImportErrors(preview.preview, english)).toEqual([
      'Line 3: time interval: Period must be 30 or 60 seconds, not 45.',
    ]);
    expect(describeImportErrors(preview.preview, german)).toEqual([
      'Zeile 3: time interval: Der Zeitraum muss 30 oder 60 Sekunden betragen, nicht 45.',
    ]);
    expect(await send({ type: 'import:apply', content, choices: {}, importValidOnly: false })).toEqual({
      ok: false,
      error: 'import/rows-have-errors',
      problem: { code: 'rows-have-errors', failed: 1, valid: 1 },
    });
    expect(await listed()).toEqual([]);
    const partial = await send({ type: 'import:apply', content, choices: {}, importValidOnly: true });
    expect(partial).toMatchObject({ ok: true, summary: { added: 1, failed: 1 } });
    expect((await listed()).map((a) => a.name)).toEqual(['alice@contoso.com']);
  });

  it('skips duplicates and asks about a name with another secret', async () => {
    const secret = randomSecret();
    await send({ type: 'accounts:add', input: { name: 'alice@contoso.com', secret } });
    const content = {
      text: `otpauth://totp/alice@contoso.com?secret=${secret}\notpauth://totp/ALICE@contoso.com?secret=${randomSecret()}\n`,
    };
    const preview = await send({ type: 'import:preview', content });
    expect(preview.preview.duplicates).toHaveLength(1);
    expect(preview.preview.conflicts).toHaveLength(1);
    const { row } = preview.preview.conflicts[0];
    const applied = await send({
      type: 'import:apply',
      content,
      choices: { [row]: 'rename' },
      importValidOnly: false,
    });
    expect(applied).toMatchObject({ ok: true, summary: { added: 1, skipped: 1 } });
    expect((await listed()).map((a) => a.name).sort()).toEqual(['ALICE@contoso.com (2)', 'alice@contoso.com'].sort());
  });
});

describe('export through the background', () => {
  it('an encrypted backup restores into another vault with the same codes', async () => {
    const secret = randomSecret();
    await send({ type: 'accounts:add', input: { name: 'breakglass@fabrikam.com', secret, digits: 8 } });
    const backup = await send({
      type: 'export:backup',
      passphrase: 'backup passphrase',
      confirmation: 'backup passphrase',
    });
    expect(backup.ok).toBe(true);
    expect(backup.file.text).not.toContain(secret);
    expect(backup.file.text).not.toContain('breakglass');

    await send({ type: 'vault:delete', confirmation: 'DELETE' });
    await send({ type: 'vault:create', passphrase: PASSPHRASE, confirmation: PASSPHRASE });
    const content = { text: backup.file.text };
    const locked = await send({ type: 'import:preview', content });
    expect(locked.preview.needsPassphrase).toBe(true);
    const wrong = await send({ type: 'import:preview', content, backupPassphrase: 'not the backup passphrase' });
    expect(wrong.preview.error).toEqual({ code: 'backup-wrong-passphrase' });
    await send({
      type: 'import:apply',
      content,
      backupPassphrase: 'backup passphrase',
      choices: {},
      importValidOnly: false,
    });
    const [restored] = await listed();
    expect(restored?.code).toBe(oathtoolCode(secret, NOW, { digits: 8 }));
  });

  it('a plain export needs the vault passphrase and the acknowledged warning', async () => {
    const secret = randomSecret();
    await send({ type: 'accounts:add', input: { name: 'qa@contoso.com', secret } });
    const unacknowledged = await send({
      type: 'export:plain',
      kind: 'otpauth-links',
      vaultPassphrase: PASSPHRASE,
      acknowledged: false,
    });
    expect(unacknowledged).toMatchObject({ ok: false, problem: { code: 'plain-not-acknowledged' } });
    const wrong = await send({
      type: 'export:plain',
      kind: 'otpauth-links',
      vaultPassphrase: 'wrong one!',
      acknowledged: true,
    });
    expect(wrong).toMatchObject({ ok: false, error: expect.stringContaining('does not unlock') });
    const links = await send({
      type: 'export:plain',
      kind: 'otpauth-links',
      vaultPassphrase: PASSPHRASE,
      acknowledged: true,
    });
    expect(links.file.text).toContain(`secret=${secret}`);
    const csv = await send({
      type: 'export:plain',
      kind: 'entra-csv',
      vaultPassphrase: PASSPHRASE,
      acknowledged: true,
    });
    expect(csv.file.text).toContain('upn,serial number,secret key,time interval,manufacturer,model');
  });
});
