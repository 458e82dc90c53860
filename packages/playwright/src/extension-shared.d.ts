/**
 * What the helper uses of the extension's code (../extension-shared.ts, built into
 * dist/extension-shared.js and imported as `#extension-shared`); tests/e2e/screen-report.spec.ts
 * runs it on forged reports.
 */
/** lib/signin/screen-report-check.ts: a report from elsewhere, checked and redacted again; null for anything that is not one. */
export declare function checkedScreenReport(value: unknown): ({ url: string } & Record<string, unknown>) | null;
/** lib/signin/hosts.ts: an https address on an exact Microsoft sign-in host. */
export declare function isSigninUrl(url: string | undefined): boolean;
