/** Extension pages → background: a redacted screen report of a sign-in tab (lib/signin/screen-report.ts). */
import type { ScreenReport } from '../signin/screen-report-types';
import type { Reply, RequestsOf } from './common';
import { isInteger, shape } from './validate';

export const screenReportRequests = {
  'tab:screen-report': shape({ tabId: isInteger }),
};

export type ScreenReportRequest = RequestsOf<typeof screenReportRequests>;

export interface ScreenReportReplies {
  'tab:screen-report': Reply<{ report: ScreenReport }>;
}
