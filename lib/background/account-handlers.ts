/** The accounts area of what extension pages may ask. The sender and payload are checked before these run. */
import { type Account, duplicateNameError, newAccount, validateAccountInput } from '../accounts';
import { type Failure, fail, failWith } from '../problems';
import { type AccountChanges, type AccountReplies, accountRequests } from '../protocol/accounts';
import { DEFAULT_SETTINGS } from '../settings';
import { listAccountsRequest } from './account-list-handlers';
import { recordActivity } from './activity';
import { pageArea } from './page-area';

const GONE = fail('problemAccountGone');

export const accountsArea = pageArea<typeof accountRequests, AccountReplies>(accountRequests, {
  'accounts:list': (request, ctx) => listAccountsRequest(request, ctx),

  async 'accounts:add'(request, ctx) {
    const valid = validateAccountInput(request.input);
    if (!valid.ok) {
      const [first] = valid.errors;
      return {
        ok: false,
        error: valid.errors.map((e) => e.message).join(' '),
        problem: first.problem,
        field: first.field,
      };
    }
    const id = ctx.newId();
    const added = await ctx.vault.mutate((contents) => {
      const duplicate = duplicateNameError(contents.accounts, valid.value.name);
      if (duplicate) return duplicate;
      contents.accounts.push(newAccount(valid.value, id, ctx.now()));
      return { ok: true, value: { contents, result: id } };
    });
    await recordActivity(ctx);
    return added.ok ? { ok: true, id: added.value } : { ...added, field: 'name' };
  },

  async 'accounts:update'(request, ctx) {
    const updated = await ctx.vault.mutate((contents) => {
      const account = contents.accounts.find((a) => a.id === request.id);
      if (!account) return GONE;
      const problem = applyChanges(account, request.changes, contents.accounts);
      if (problem) return { ...problem.failure, field: problem.field };
      return { ok: true, value: { contents, result: undefined } };
    });
    await recordActivity(ctx);
    return updated.ok ? { ok: true } : { field: 'name', ...updated };
  },

  async 'accounts:delete'(request, ctx) {
    const deleted = await ctx.vault.mutate((contents) => {
      const remaining = contents.accounts.filter((a) => a.id !== request.id);
      if (remaining.length === contents.accounts.length) return GONE;
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
    return account ? { ok: true, secret: account.secret } : GONE;
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
    // Locked since the copy: the code is still on the clipboard, so clear it after the default delay.
    const settings = await ctx.vault.settings();
    const { clipboardClearSeconds } = settings.ok ? settings.value : DEFAULT_SETTINGS;
    if (clipboardClearSeconds > 0) await ctx.clearClipboardAfter(clipboardClearSeconds * 1000);
    return { ok: true, clearsInSeconds: clipboardClearSeconds };
  },
});

function applyChanges(
  account: Account,
  changes: AccountChanges,
  all: readonly Account[],
): { field: string; failure: Failure } | null {
  if (changes.name !== undefined) {
    const name = changes.name.trim();
    if (name === '') return { field: 'name', failure: failWith({ code: 'name-empty' }) };
    const duplicate = duplicateNameError(all, name, account.id);
    if (duplicate) return { field: 'name', failure: duplicate };
    account.name = name;
  }
  if (changes.issuer !== undefined) account.issuer = changes.issuer.trim();
  if (changes.notes !== undefined) account.notes = changes.notes.trim();
  if (changes.pinned !== undefined) account.pinned = changes.pinned;
  if (changes.submitAfterFill !== undefined) account.submitAfterFill = changes.submitAfterFill;
  if (changes.codeInsteadOfPush !== undefined) account.codeInsteadOfPush = changes.codeInsteadOfPush;
  return null;
}
