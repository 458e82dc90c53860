import { render } from 'preact';
import '@/components/theme.css';
import './options.css';
import { localizeDocument, t } from '@/utils/i18n';
import { describeImportFailure } from './ImportSection';
import { OptionsApp } from './OptionsApp';

localizeDocument(t('optionsTitle'));
// The QA helper (packages/playwright) sets a vault up through this page's messages; problems come
// back as codes, and this is how it words them (in the browser's language) without a copy of
// the words. An extension page's global: no web page can reach it.
Object.assign(globalThis, { mfaAutofillDescribeImport: describeImportFailure });
render(<OptionsApp />, document.getElementById('app')!);
