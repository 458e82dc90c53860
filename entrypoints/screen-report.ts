/**
 * The screen report (lib/signin/screen-report.ts) as a script of its own, kept out of the content
 * script: the background runs it in the top frame of a sign-in tab only when someone asks for a
 * report (lib/background/screen-report-handlers.ts), and the QA helper evaluates the same file
 * in a page it gives up on. The report is the script's result.
 */
import { screenReport } from '@/lib/signin/screen-report';

export default defineUnlistedScript(() => screenReport(document));
