/** The accounts area of what extension pages may ask. The sender and payload are checked before these run. */
import { type Account, duplicateNameError, newAccount, validateAccountInput } from '../accounts';
import { type AccountChanges, type AccountReplies, accountRequests } from '../protocol/accounts';
import { mergeSettings } from '../settings';
import { listAccountsRequest } from './account-list-handlers';
import { recordActivity } from './activity';
import { pageArea } from './page-area';
import { settingsItem } from './storage';

const GONE = 'That account is no longer in the vault.';

export const accountsArea = pageArea<typeof accountRequests, AccountReplies>(accountRequests, {
  'accounts:list': (request, ctx) => listAccountsRequest(request, ctx),

  async 'accounts:add'(request, ctx) {
    const valid = validateAccountInput(request.input);
    if (!valid.ok) {
      const first = valid.errors[0];
      return { ok: false, error: valid.errors.map((e) => e.message).join(' '), field: first?.field };
    }
    const id = ctx.newId();
    const added = await ctx.vault.mutate((contents) => {
      const duplicate = duplicateNameError(contents.accounts, valid.value.name);
      if (duplicate) return { ok: false, error: duplicate };
      contents.accounts.push(newAccount(valid.value, id, ctx.now()));
      return { ok: true, value: { contents, result: id } };
    });
    await recordActivity(ctx);
    return added.ok ? { ok: true, id: added.value } : { ok: false, error: added.error, field: 'name' };
  },

  async 'accounts:update'(request, ctx) {
    const updated = await ctx.vault.mutate((contents) => {
      const account = contents.accounts.find((a) => a.id === request.id);
      if (!account) return { ok: false, error: GONE };
      const problem = applyChanges(account, request.changes, contents.accounts);
      if (problem) return { ok: false, error: problem.message, field: problem.field };
      return { ok: true, value: { contents, result: undefined } };
    });
    await recordActivity(ctx);
    return updated.ok ? { ok: true } : { ok: false, error: updated.error, field: 'name' };
  },

  async 'accounts:delete'(request, ctx) {
    const deleted = await ctx.vault.mutate((contents) => {
      const remaining = contents.accounts.filter((a) => a.id !== request.id);
      if (remaining.length === contents.accounts.length) return { ok: false, error: GONE };
      return { ok: true, value: { contents: { ...contents, accounts: remaining }, result: undefined } };
    });
    await recordActivity(ctx);
    return deleted.ok ? { ok: true } : deleted;
  },

  async 'accounts:reveal-secret'(request, ctx) {
    const accounts = await ctx.vault.accounts();
    if (!accounts.ok) return accounts;
    const account = accounts.value.find((a) => a.id === request.id);
    await recordActivity(ctx);
    return account ? { ok: true, secret: account.secret } : { ok: false, error: GONE };
  },

  async 'accounts:mark-used'(request, ctx) {
    const marked = await ctx.vault.mutate((contents) => {
      const account = contents.accounts.find((a) => a.id === request.id);
      if (account) account.lastUsedAt = ctx.now();
      return { ok: true, value: { contents, result: undefined } };
    });
    await recordActivity(ctx);
    return marked.ok ? { ok: true } : marked;
  },

  async 'clipboard:copied'(_, ctx) {
    const { clipboardClearSeconds } = mergeSettings(await settingsItem.getValue());
    if (clipboardClearSeconds > 0) await ctx.clearClipboardAfter(clipboardClearSeconds * 1000);
    return { ok: true, clearsInSeconds: clipboardClearSeconds };
  },
});

function applyChanges(
  account: Account,
  changes: AccountChanges,
  all: readonly Account[],
): { field: string; message: string } | null {
  if (changes.name !== undefined) {
    const name = changes.name.trim();
    if (name === '') return { field: 'name', message: 'Account name is empty: enter the sign-in name.' };
    const duplicate = duplicateNameError(all, name, account.id);
    if (duplicate) return { field: 'name', message: duplicate };
    account.name = name;
  }
  if (changes.issuer !== undefined) account.issuer = changes.issuer.trim();
  if (changes.notes !== undefined) account.notes = changes.notes.trim();
  if (changes.pinned !== undefined) account.pinned = changes.pinned;
  if (changes.submitAfterFill !== undefined) account.submitAfterFill = changes.submitAfterFill;
  if (changes.codeInsteadOfPush !== undefined) account.codeInsteadOfPush = changes.codeInsteadOfPush;
  return null;
}
