import { render } from 'preact';
import '@/components/theme.css';
import './options.css';
import { localizeDocument, t } from '@/components/i18n';
import { OptionsApp } from './OptionsApp';

localizeDocument(t('optionsTitle'));
render(<OptionsApp />, document.getElementById('app')!);
