import { render } from 'preact';
import '@/components/theme.css';
import { takeFirstScreen } from '@/utils/first-screen';
import { localizeDocument, t } from '@/utils/i18n';
import { firstScreenReply } from '@/utils/send';
import { App } from './App';

// User-timing marks (and those of public/popup-first-request.js): `npm run bench` prints the
// popup's timeline from them (README.md, 'Performance').
performance.mark('popup:ui-start');
localizeDocument(t('extName'));
// Rendered once the first screenful (or "locked") is known: no empty frame, no effect delay.
void firstScreenReply(takeFirstScreen()).then((firstScreen) => {
  render(<App firstScreen={firstScreen} />, document.getElementById('app')!);
  performance.mark('popup:rendered');
});
