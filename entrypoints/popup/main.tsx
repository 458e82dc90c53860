import { render } from 'preact';

render(<main>MFA Autofill</main>, document.getElementById('app')!);
