/**
 * What extension pages (popup, options) may ask of the background: one table per area, each
 * request checked by its area's validator before its handler runs. The sender is checked first
 * (router.ts).
 */
import type { PageReplies, PageRequest } from '../messages';
import { fail } from '../problems';
import { isRecord } from '../protocol/validate';
import { accountsArea } from './account-handlers';
import { accountTableArea } from './account-list-handlers';
import type { BackgroundContext } from './context';
import { importExportArea } from './import-export-handlers';
import type { PageArea } from './page-area';
import { screenReportArea } from './screen-report-handlers';
import { settingsArea } from './settings-handlers';
import { vaultArea } from './vault-handlers';

const AREAS: readonly PageArea[] = [
  vaultArea,
  accountsArea,
  accountTableArea,
  settingsArea,
  importExportArea,
  screenReportArea,
];

const byType = new Map(
  AREAS.flatMap((area) =>
    Object.entries(area.requests).map(([type, valid]) => [type, { valid, handle: area.handlers[type] }] as const),
  ),
);

export const MALFORMED = fail('problemMalformedRequest');

/** Whether `message` names a page request (its payload is not checked yet). */
export function isPageRequestType(message: unknown): message is { type: PageRequest['type'] } {
  return isRecord(message) && typeof message.type === 'string' && byType.has(message.type);
}

/** Runs the request's handler when its payload passes the validator; anything else is MALFORMED. */
export async function handlePageRequest<R extends { type: PageRequest['type'] }>(
  request: R,
  ctx: BackgroundContext,
): Promise<PageReplies[R['type']] | typeof MALFORMED> {
  const entry = byType.get(request.type);
  if (!entry?.handle || !entry.valid(request)) return MALFORMED;
  return (await entry.handle(request, ctx)) as PageReplies[R['type']];
}
