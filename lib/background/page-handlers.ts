/** What extension pages (popup, options) may ask of the background. The sender is checked before this runs. */
import { type Account, duplicateNameError, newAccount, validateAccountInput } from '../accounts';
import type { AccountChanges, PageReplies, PageRequest } from '../messages';
import { mergeSettings } from '../settings';
import { accountView } from './account-views';
import { recordActivity } from './activity';
import type { BackgroundContext } from './context';
import {
  applyImportRequest,
  exportBackupRequest,
  exportPlainRequest,
  previewImportRequest,
} from './import-export-handlers';
import { settingsItem } from './storage';
import { forgetTab, getTabStatus, tabsWaitingForUnlock } from './tab-status';

type ReplyOf<R extends PageRequest> = PageReplies[R['type']];

const DELETE_CONFIRMATION = 'DELETE';

export async function handlePageRequest<R extends PageRequest>(
  request: R,
  ctx: BackgroundContext,
): Promise<ReplyOf<R>> {
  return (await dispatch(request, ctx)) as ReplyOf<R>;
}

async function dispatch(request: PageRequest, ctx: BackgroundContext): Promise<PageReplies[keyof PageReplies]> {
  const { vault } = ctx;
  switch (request.type) {
    case 'vault:state':
      return { ok: true, state: await vault.state() };

    case 'vault:create': {
      const created = await vault.create(String(request.passphrase), String(request.confirmation));
      if (!created.ok) return { ok: false, error: created.error, field: 'passphrase' };
      await recordActivity(ctx);
      return { ok: true };
    }

    case 'vault:unlock': {
      const unlocked = await vault.unlock(String(request.passphrase));
      if (!unlocked.ok) return { ok: false, error: unlocked.error, field: 'passphrase' };
      await recordActivity(ctx);
      await wakeWaitingTabs(ctx);
      return { ok: true };
    }

    case 'vault:lock':
      await vault.lock();
      await ctx.scheduleAutoLock(null);
      return { ok: true };

    case 'vault:change-passphrase': {
      const changed = await vault.changePassphrase(
        String(request.current),
        String(request.next),
        String(request.confirmation),
        request.iterations,
      );
      return changed.ok ? { ok: true } : { ok: false, error: changed.error };
    }

    case 'vault:delete':
      if (request.confirmation !== DELETE_CONFIRMATION) {
        return {
          ok: false,
          error: `Type ${DELETE_CONFIRMATION} to confirm deleting the vault.`,
          field: 'confirmation',
        };
      }
      await vault.deleteVault();
      await ctx.scheduleAutoLock(null);
      return { ok: true };

    case 'accounts:list': {
      const accounts = await vault.accounts();
      if (!accounts.ok) return accounts;
      const now = ctx.now();
      return { ok: true, accounts: accounts.value.map((account) => accountView(account, now)) };
    }

    case 'accounts:add': {
      const valid = validateAccountInput(request.input ?? {});
      if (!valid.ok) {
        const first = valid.errors[0];
        return { ok: false, error: valid.errors.map((e) => e.message).join(' '), field: first?.field };
      }
      const id = ctx.newId();
      const added = await vault.mutate((contents) => {
        const duplicate = duplicateNameError(contents.accounts, valid.value.name);
        if (duplicate) return { ok: false, error: duplicate };
        contents.accounts.push(newAccount(valid.value, id, ctx.now()));
        return { ok: true, value: { contents, result: id } };
      });
      await recordActivity(ctx);
      return added.ok ? { ok: true, id: added.value } : { ok: false, error: added.error, field: 'name' };
    }

    case 'accounts:update': {
      const updated = await vault.mutate((contents) => {
        const account = contents.accounts.find((a) => a.id === request.id);
        if (!account) return { ok: false, error: 'That account is no longer in the vault.' };
        const problem = applyChanges(account, request.changes ?? {}, contents.accounts);
        if (problem) return { ok: false, error: problem.message, field: problem.field };
        return { ok: true, value: { contents, result: undefined } };
      });
      await recordActivity(ctx);
      return updated.ok ? { ok: true } : { ok: false, error: updated.error, field: 'name' };
    }

    case 'accounts:delete': {
      const deleted = await vault.mutate((contents) => {
        const remaining = contents.accounts.filter((a) => a.id !== request.id);
        if (remaining.length === contents.accounts.length) {
          return { ok: false, error: 'That account is no longer in the vault.' };
        }
        return { ok: true, value: { contents: { ...contents, accounts: remaining }, result: undefined } };
      });
      await recordActivity(ctx);
      return deleted.ok ? { ok: true } : deleted;
    }

    case 'accounts:reveal-secret': {
      const accounts = await vault.accounts();
      if (!accounts.ok) return accounts;
      const account = accounts.value.find((a) => a.id === request.id);
      await recordActivity(ctx);
      return account
        ? { ok: true, secret: account.secret }
        : { ok: false, error: 'That account is no longer in the vault.' };
    }

    case 'accounts:mark-used': {
      const marked = await vault.mutate((contents) => {
        const account = contents.accounts.find((a) => a.id === request.id);
        if (account) account.lastUsedAt = ctx.now();
        return { ok: true, value: { contents, result: undefined } };
      });
      await recordActivity(ctx);
      return marked.ok ? { ok: true } : marked;
    }

    case 'clipboard:copied': {
      const { clipboardClearSeconds } = mergeSettings(await settingsItem.getValue());
      if (clipboardClearSeconds > 0) await ctx.clearClipboardAfter(clipboardClearSeconds * 1000);
      return { ok: true, clearsInSeconds: clipboardClearSeconds };
    }

    case 'settings:get':
      return {
        ok: true,
        settings: mergeSettings(await settingsItem.getValue()),
        iterations: await vault.iterationsInUse(),
      };

    case 'settings:set': {
      const settings = mergeSettings(await settingsItem.getValue(), request.changes ?? {});
      await settingsItem.setValue(settings);
      if ((await vault.state()) === 'unlocked') await recordActivity(ctx);
      return { ok: true, settings };
    }

    case 'tab:status':
      return { ok: true, status: await getTabStatus(request.tabId) };

    case 'import:preview':
      return previewImportRequest(request.content, optionalString(request.backupPassphrase), ctx);
    case 'import:apply':
      return applyImportRequest(
        request.content,
        optionalString(request.backupPassphrase),
        request.choices,
        request.importValidOnly,
        ctx,
      );
    case 'export:backup':
      return exportBackupRequest(String(request.passphrase), String(request.confirmation), ctx);
    case 'export:plain':
      return exportPlainRequest(request.kind, String(request.vaultPassphrase), request.acknowledged, ctx);
  }
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function applyChanges(
  account: Account,
  changes: AccountChanges,
  all: readonly Account[],
): { field: string; message: string } | null {
  if (changes.name !== undefined) {
    const name = String(changes.name).trim();
    if (name === '') return { field: 'name', message: 'Account name is empty: enter the sign-in name.' };
    const duplicate = duplicateNameError(all, name, account.id);
    if (duplicate) return { field: 'name', message: duplicate };
    account.name = name;
  }
  if (changes.issuer !== undefined) account.issuer = String(changes.issuer).trim();
  if (changes.notes !== undefined) account.notes = String(changes.notes).trim();
  if (changes.pinned !== undefined) account.pinned = Boolean(changes.pinned);
  if (changes.submitAfterFill !== undefined) {
    if (!['default', 'always', 'never'].includes(changes.submitAfterFill)) {
      return { field: 'submitAfterFill', message: 'Submit after filling must be default, always or never.' };
    }
    account.submitAfterFill = changes.submitAfterFill;
  }
  if (changes.codeInsteadOfPush !== undefined) {
    if (!['default', 'always', 'never'].includes(changes.codeInsteadOfPush)) {
      return {
        field: 'codeInsteadOfPush',
        message: 'Use a code instead of approving must be default, always or never.',
      };
    }
    account.codeInsteadOfPush = changes.codeInsteadOfPush;
  }
  return null;
}

/** After an unlock, tabs whose prompt was waiting are told to ask again (filled without a reload). */
async function wakeWaitingTabs(ctx: BackgroundContext): Promise<void> {
  for (const tabId of await tabsWaitingForUnlock()) {
    await forgetTab(tabId);
    await ctx.setBadge(tabId, null).catch(() => undefined);
    await ctx.notifyTab(tabId, { type: 'bg:vault-unlocked' }).catch(() => undefined);
  }
}
