import type { Account } from '../accounts';
import { formatOtpauthLink, looksLikeOtpauthLink } from '../otpauth-link';
import { splitLines } from './file-content';
import {
  collectMigrationEntries,
  looksLikeMigrationLink,
  type MigrationPayload,
  missingBatchNotices,
  parseMigrationLink,
} from './google-migration';
import { RowCollector } from './rows';
import type { FileParse } from './types';

/** Lines that carry content: not blank, not a `#` comment. */
export function contentLines(text: string): { text: string; line: number }[] {
  const lines: { text: string; line: number }[] = [];
  for (const [index, raw] of splitLines(text).entries()) {
    const trimmed = raw.trim();
    if (trimmed !== '' && !trimmed.startsWith('#')) lines.push({ text: trimmed, line: index + 1 });
  }
  return lines;
}

/**
 * Text with one link per line: `otpauth://totp/…` links, Google Authenticator
 * `otpauth-migration://` links (each holding several accounts), or a mix. Entries of a
 * migration link are numbered within it: a lone migration link's as "Entry N", those of
 * one among several lines as "Line L, entry N".
 */
export function parseLinkLines(text: string): FileParse {
  const lines = contentLines(text);
  const collector = new RowCollector();
  const payloads: MigrationPayload[] = [];
  const loneMigrationLink = lines.length === 1 && looksLikeMigrationLink(lines[0]?.text ?? '');
  for (const { text: link, line } of lines) {
    if (looksLikeOtpauthLink(link)) {
      // The Add form takes a whole link in its secret field; its messages say "The otpauth:// link has …".
      collector.add({ secret: link }, { line }, { allowLink: true });
    } else if (looksLikeMigrationLink(link)) {
      const payload = parseMigrationLink(link);
      if (!payload.ok) {
        collector.fail({ line }, [collector.problem(null, { code: 'migration', issue: payload.issue })]);
        continue;
      }
      payloads.push(payload.value);
      collectMigrationEntries(payload.value, collector, loneMigrationLink ? undefined : line);
    } else {
      collector.fail({ line }, [collector.problem(null, { code: 'not-a-link' })]);
    }
  }
  return collector.result(missingBatchNotices(payloads));
}

// ---------- writer ----------
export type LinkExportAccount = Pick<Account, 'name' | 'issuer' | 'secret' | 'digits' | 'period' | 'algorithm'>;

/**
 * One otpauth:// link per line, which most authenticator apps and our own import read.
 * Notes and pins have no place in a link and are left out.
 */
export function exportOtpauthLinks(accounts: readonly LinkExportAccount[]): string {
  return accounts.map((a) => `${formatOtpauthLink(a)}\n`).join('');
}
