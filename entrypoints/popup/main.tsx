import { render } from 'preact';
import '@/components/theme.css';
import { takeFirstScreen } from '@/utils/first-screen';
import { localizeDocument, t } from '@/utils/i18n';
import { firstScreenReply } from '@/utils/send';
import { App } from './App';

localizeDocument(t('extName'));
// Rendered once the first screenful (or "locked") is known: no empty frame, no effect delay.
void firstScreenReply(takeFirstScreen()).then((firstScreen) =>
  render(<App firstScreen={firstScreen} />, document.getElementById('app')!),
);
