import { render } from 'preact';
import '@/components/theme.css';
import { localizeDocument, t } from '@/utils/i18n';
import { App, askFirstScreen } from './App';

localizeDocument(t('extName'));
// Rendered once the first screenful (or "locked") is known: no empty frame, no effect delay.
void askFirstScreen().then((firstScreen) => render(<App firstScreen={firstScreen} />, document.getElementById('app')!));
