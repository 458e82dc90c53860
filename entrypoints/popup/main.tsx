import { render } from 'preact';
import '@/components/theme.css';
import { localizeDocument, t } from '@/components/i18n';
import { App } from './App';

localizeDocument(t('extName'));
render(<App />, document.getElementById('app')!);
