/**
 * Account requests of the popup's windowed list and the options page's account table:
 * list in order, codes of the rows in view, delete several at once. Refusals are problem codes
 * the page words (docs/ARCHITECTURE.md, 'Problems and words').
 */
import type { PageReplies } from '../messages';
import { fail } from '../problems';
import { type AccountTableReplies, accountTableRequests } from '../protocol/account-table';
import { codesOf, listAccountViews } from './account-views';
import { recordActivity } from './activity';
import type { BackgroundContext } from './context';
import { pageArea } from './page-area';

export async function listAccountsRequest(
  options: { limit?: number; codesFor?: number },
  ctx: BackgroundContext,
): Promise<PageReplies['accounts:list']> {
  const accounts = await ctx.vault.accounts();
  if (!accounts.ok) return accounts;
  const views = listAccountViews(accounts.value, ctx.now(), { limit: options.limit, codesFor: options.codesFor });
  return { ok: true, accounts: views, total: accounts.value.length };
}

export async function accountCodesRequest(
  ids: unknown,
  ctx: BackgroundContext,
): Promise<PageReplies['accounts:codes']> {
  if (!Array.isArray(ids)) return fail('problemMalformedRequest');
  const accounts = await ctx.vault.accounts();
  if (!accounts.ok) return accounts;
  return { ok: true, codes: codesOf(accounts.value, ids, ctx.now()) };
}

export async function deleteAccountsRequest(
  ids: unknown,
  confirmed: unknown,
  ctx: BackgroundContext,
): Promise<PageReplies['accounts:delete-many']> {
  if (!Array.isArray(ids) || ids.length === 0) return fail('problemSelectAccountsToDelete');
  if (confirmed !== true) return fail('problemConfirmDeleteAccounts');
  const doomed = new Set(ids.filter((id) => typeof id === 'string'));
  const deleted = await ctx.vault.mutate((contents) => {
    const remaining = contents.accounts.filter((a) => !doomed.has(a.id));
    const count = contents.accounts.length - remaining.length;
    if (count === 0) return fail('problemAccountsGone');
    return { ok: true, value: { contents: { ...contents, accounts: remaining }, result: count } };
  });
  await recordActivity(ctx);
  return deleted.ok ? { ok: true, deleted: deleted.value } : deleted;
}

export const accountTableArea = pageArea<typeof accountTableRequests, AccountTableReplies>(accountTableRequests, {
  'accounts:codes': (request, ctx) => accountCodesRequest(request.ids, ctx),
  'accounts:delete-many': (request, ctx) => deleteAccountsRequest(request.ids, request.confirmed, ctx),
});
