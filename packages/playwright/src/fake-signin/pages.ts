/**
 * The HTML of the fake sign-in service. Ids, names and the code page's DOM follow
 * docs/ARCHITECTURE.md, 'Microsoft sign-in pages', and the fixtures in
 * tests/fixtures/signin/entra.ts. Like the real pages, each one is rendered late: the body starts
 * display:none and a script shows the form after `renderDelayMs`, so an extension that read the
 * page once at load would see nothing.
 */

export const LOGIN_ORIGIN = 'https://login.microsoftonline.com';
export const APP_ORIGIN = 'https://app.contoso.example';
export const TENANT = 'contoso.onmicrosoft.com';

export const ERROR_UNKNOWN_USER =
  'This username may be incorrect. Make sure you typed it correctly. Otherwise, contact your admin.';
export const ERROR_WRONG_PASSWORD =
  "Your account or password is incorrect. If you don't remember your password, reset it now.";
export const ERROR_WRONG_CODE = "You didn't enter the expected verification code. Please try again.";
export const ERROR_REUSED_CODE = 'That code has already been used. Wait for the next code in your app and enter it.';

export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

/** `$Config` as the real pages have it: an inline script the content script reads as text. */
function configScript(config: Record<string, unknown>): string {
  return `<script>\n//<![CDATA[\n$Config=${JSON.stringify(config).replace(/</g, '\\u003c')};\n//]]>\n</script>`;
}

const STYLE = `<style>
  body { margin: 0; font-family: "Segoe UI", "Helvetica Neue", sans-serif; background: #f2f2f2; color: #1b1b1b; }
  .inner { box-sizing: border-box; width: 440px; margin: 40px auto; padding: 44px; background: #fff; }
  .title { font-size: 24px; font-weight: 600; margin: 16px 0 12px; }
  .identity { font-size: 15px; }
  .row { margin-bottom: 16px; }
  input.form-control { display: block; box-sizing: border-box; width: 100%; height: 36px; padding: 6px 10px; font-size: 15px; border: 1px solid #666; }
  input.form-control.has-error { border-color: #e81123; }
  .error { color: #e81123; }
  .btn { min-width: 108px; height: 32px; padding: 4px 12px; font-size: 15px; }
</style>`;

/** Renders <template id="view"> into #mount after the delay and shows the body, as knockout does. */
function lateRender(delayMs: number): string {
  return `<script>
setTimeout(function () {
  var mount = document.getElementById('mount');
  mount.appendChild(document.getElementById('view').content.cloneNode(true));
  document.body.style.display = '';
  if (window.onViewRendered) window.onViewRendered();
}, ${Math.max(0, Math.round(delayMs))});
</script>`;
}

function page(title: string, head: string, view: string, script: string, delayMs: number): string {
  return `<!doctype html>
<html lang="en" dir="ltr">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
${STYLE}
${head}
</head>
<body style="display: none">
<div class="inner"><div id="mount"></div></div>
<template id="view">
${view}
</template>
${script}
${lateRender(delayMs)}
</body>
</html>`;
}

function identityBanner(upn: string): string {
  const u = escapeHtml(upn);
  return `<div class="identityBanner"><div id="displayName" class="identity" title="${u}">${u}</div></div>`;
}

function hidden(name: string, value: string): string {
  return `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`;
}

export function usernamePage(flowToken: string, delayMs: number, error = '', typed = ''): string {
  const view = `<form name="f1" id="i0281" method="post" action="/common/login" novalidate>
  ${hidden('flowToken', flowToken)}${hidden('step', 'username')}
  <div role="heading" aria-level="1" class="title">Sign in</div>
  <div role="alert" aria-live="assertive"><div id="usernameError" class="error">${escapeHtml(error)}</div></div>
  <div class="row"><input type="email" name="loginfmt" id="i0116" class="form-control" value="${escapeHtml(typed)}"
    placeholder="Email, phone, or Skype" aria-label="Enter your email, phone, or Skype."></div>
  <div class="row"><input type="submit" id="idSIButton9" class="btn" value="Next"></div>
</form>`;
  return page('Sign in to your account', configScript({ pgid: 'ConvergedSignIn', sFT: flowToken }), view, '', delayMs);
}

export function passwordPage(flowToken: string, upn: string, delayMs: number, error = ''): string {
  const view = `<form name="f1" id="i0281" method="post" action="/common/login" novalidate>
  ${hidden('flowToken', flowToken)}${hidden('step', 'password')}
  ${identityBanner(upn)}
  <div role="heading" aria-level="1" class="title">Enter password</div>
  <div role="alert" aria-live="assertive"><div id="passwordError" class="error">${escapeHtml(error)}</div></div>
  <div class="row"><input type="password" name="passwd" id="i0118" class="form-control" placeholder="Password"
    aria-label="Enter the password for ${escapeHtml(upn)}"></div>
  <div class="row"><input type="submit" id="idSIButton9" class="btn" value="Sign in"></div>
</form>`;
  return page(
    'Sign in to your account',
    configScript({ pgid: 'ConvergedSignIn', sFT: flowToken, sPOST_Username: upn }),
    view,
    '',
    delayMs,
  );
}

/**
 * "Enter code" (ConvergedTFA). Verify posts the code to /common/SAS/EndAuth in the background,
 * as the real page does: a wrong or reused code shows the error in this same page (so the
 * extension can retry), an accepted one continues with a real form post to ProcessAuth.
 */
export function enterCodePage(flowToken: string, upn: string, delayMs: number, pushIsDefault = false): string {
  const config = configScript({
    pgid: 'ConvergedTFA',
    sPOST_Username: upn,
    arrUserProofs: pushIsDefault ? PUSH_FIRST_PROOFS : CODE_ONLY_PROOFS,
    urlEndAuth: `${LOGIN_ORIGIN}/common/SAS/EndAuth`,
    urlPost: '/common/SAS/ProcessAuth',
    sFT: flowToken,
  });
  const view = `<form name="f1" id="i0281" method="post" action="/common/SAS/ProcessAuth" autocomplete="off" novalidate>
  ${hidden('flowToken', flowToken)}${hidden('mfaAuthMethod', 'PhoneAppOTP')}${hidden('codeShownAt', '')}${hidden('codeSubmittedAt', '')}
  ${identityBanner(upn)}
  <div role="heading" aria-level="1" id="idDiv_SAOTCC_Title" class="title">Enter code</div>
  <div id="idDiv_SAOTCC_Description" class="row">Enter the code displayed in the authenticator app on your mobile device</div>
  <div role="alert" aria-live="assertive"><div id="idSpan_SAOTCC_Error_OTC" class="error"></div></div>
  <div class="row"><input type="tel" name="otc" id="idTxtBx_SAOTCC_OTC" maxlength="6" autocomplete="off" placeholder="Code" aria-label="Code" class="form-control"></div>
  <div class="row"><label><input type="checkbox" id="idChkBx_SAOTCC_TD" name="rememberMFA" value="true"> <span id="idSpan_SAOTCC_TD">Don't ask again for 90 days</span></label></div>
  <div class="row"><input type="submit" id="idSubmit_SAOTCC_Continue" class="btn" value="Verify"></div>
</form>`;
  const script = `<script>
window.onViewRendered = function () {
  var form = document.getElementById('i0281');
  var field = document.getElementById('idTxtBx_SAOTCC_OTC');
  var error = document.getElementById('idSpan_SAOTCC_Error_OTC');
  // When the prompt was shown and Verify pressed (epoch ms), carried to the app page for npm run bench.
  form.elements.codeShownAt.value = String(Date.now());
  function showError(message) {
    error.textContent = message;
    if (message) { field.classList.add('has-error'); field.setAttribute('aria-invalid', 'true'); }
    else { field.classList.remove('has-error'); field.removeAttribute('aria-invalid'); }
  }
  var busy = false;
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    if (busy) return;
    busy = true;
    form.elements.codeSubmittedAt.value = String(Date.now());
    showError('');
    fetch($Config.urlEndAuth, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ FlowToken: $Config.sFT, AuthMethodId: 'PhoneAppOTP', AdditionalAuthData: field.value })
    }).then(function (response) { return response.json(); }).then(function (result) {
      busy = false;
      if (result.Success) form.submit();
      else showError(result.Message);
    }, function () { busy = false; showError('Something went wrong. Try again.'); });
  });
};
</script>`;
  return page('Sign in to your account', config, view, script, delayMs);
}

const CODE_ONLY_PROOFS = [
  {
    authMethodId: 'PhoneAppOTP',
    data: 'PhoneAppOTP',
    display: 'Authenticator app',
    isDefault: true,
    isLocationAware: false,
  },
];

/** An account whose default method is the Authenticator push, with app codes as the other way. */
const PUSH_FIRST_PROOFS = [
  {
    authMethodId: 'PhoneAppNotification',
    data: 'PhoneAppNotification',
    display: '+X XXXXXXXX',
    isDefault: true,
    isLocationAware: false,
  },
  {
    authMethodId: 'PhoneAppOTP',
    data: 'PhoneAppOTP',
    display: '+X XXXXXXXX',
    isDefault: false,
    isLocationAware: false,
  },
];

/**
 * "Approve sign in request" (Authenticator push with number matching), markup after
 * docs/ARCHITECTURE.md, 'Microsoft sign-in pages' (estruyf/playwright-m365-helpers
 * `src/auth/login.ts`; aws-azure-login `src/login.ts`): `#idDiv_SAOTCAS_Title`,
 * `#idDiv_SAOTCAS_Description`, the number `#idRichContext_DisplaySign`, "Don't ask again"
 * `#idChkBx_SAOTCAS_TD`, and `a#signInAnotherWay`, which renders the proofs list
 * `#idDiv_SAOTCS_Proofs` in the same page. Nobody ever approves: the sign-in goes on only by
 * picking a tile, which posts to ChooseProof.
 */
export function pushPage(flowToken: string, upn: string, delayMs: number, displayedNumber: number): string {
  const config = configScript({
    pgid: 'ConvergedTFA',
    sPOST_Username: upn,
    arrUserProofs: PUSH_FIRST_PROOFS,
    urlPost: '/common/SAS/ProcessAuth',
    sFT: flowToken,
  });
  const view = `<form name="f1" id="i0281" method="post" action="/common/SAS/ChooseProof" novalidate>
  ${hidden('flowToken', flowToken)}${hidden('proof', '')}
  ${identityBanner(upn)}
  <div id="pushView">
    <div role="heading" aria-level="1" id="idDiv_SAOTCAS_Title" class="title">Approve sign in request</div>
    <div id="idDiv_SAOTCAS_Description" class="row">Open your Authenticator app, and enter the number shown to sign in.</div>
    <div id="idRichContext_DisplaySign" class="title">${displayedNumber}</div>
    <div class="row"><label><input type="checkbox" id="idChkBx_SAOTCAS_TD" name="rememberMFA" value="true"> <span>Don't ask again for 90 days</span></label></div>
    <div class="row"><a id="signInAnotherWay" href="#">I can't use my Microsoft Authenticator app right now</a></div>
  </div>
  <div id="proofsView"></div>
</form>`;
  const script = `<script>
window.onViewRendered = function () {
  var form = document.getElementById('i0281');
  document.getElementById('signInAnotherWay').addEventListener('click', function (event) {
    event.preventDefault();
    document.getElementById('pushView').remove();
    var view = document.getElementById('proofsView');
    view.innerHTML = '<div role="heading" aria-level="1" id="idDiv_SAOTCS_Title" class="title">Verify your identity</div>' +
      '<div id="idDiv_SAOTCS_Proofs" role="list">' +
      '<div class="row tile" role="listitem"><div role="button" tabindex="0" data-value="PhoneAppNotification">Approve a request on my Microsoft Authenticator app</div></div>' +
      '<div class="row tile" role="listitem"><div role="button" tabindex="0" data-value="PhoneAppOTP">Use a verification code</div></div>' +
      '</div>';
    view.querySelectorAll('[role="button"][data-value]').forEach(function (tile) {
      tile.addEventListener('click', function () {
        form.elements.proof.value = tile.getAttribute('data-value');
        form.submit();
      });
    });
  });
};
</script>`;
  return page('Sign in to your account', config, view, script, delayMs);
}

/**
 * Entra's error page for too many sign-ins in quick succession (AADSTS50196; docs/ARCHITECTURE.md,
 * 'Microsoft sign-in pages'), shown instead of MFA for a user with `throttled`.
 */
export function throttledPage(upn: string, delayMs: number): string {
  const view = `${identityBanner(upn)}
  <div role="heading" aria-level="1" id="idDiv_Error_Title" class="title">Sign in</div>
  <div class="row error" id="idDiv_Error_Description">Sorry, but we're having trouble signing you in.</div>
  <div class="row">AADSTS50196: The server terminated an operation because it encountered a client request loop. Please contact your app vendor.</div>`;
  return page(
    'Sign in to your account',
    configScript({ pgid: 'ConvergedError', iErrorCode: 50196 }),
    view,
    '',
    delayMs,
  );
}

/** After "Approve a request" was picked again: the phone is asked, and nobody answers. */
export function waitingForApprovalPage(upn: string, delayMs: number): string {
  const view = `${identityBanner(upn)}
  <div role="heading" aria-level="1" class="title">Approve sign in request</div>
  <div class="row">We've sent a notification to your mobile device. Nobody will approve it here.</div>`;
  return page('Sign in to your account', configScript({ pgid: 'ConvergedTFA' }), view, '', delayMs);
}

/**
 * "Stay signed in?": detected by #KmsiCheckboxField; Yes #idSIButton9, No #idBtn_Back
 * (docs/ARCHITECTURE.md, 'Microsoft sign-in pages').
 */
export function kmsiPage(flowToken: string, upn: string, delayMs: number): string {
  const view = `<form id="kmsiForm" name="f1" method="post" action="/kmsi">
  ${hidden('flowToken', flowToken)}${hidden('LoginOptions', '')}${hidden('kmsiShownAt', '')}${hidden('kmsiAnsweredAt', '')}
  ${identityBanner(upn)}
  <div role="heading" aria-level="1" class="title">Stay signed in?</div>
  <div class="row">Do this to reduce the number of times you are asked to sign in.</div>
  <div class="row"><label><input type="checkbox" id="KmsiCheckboxField" name="DontShowAgain" value="true"> <span>Don't show this again</span></label></div>
  <div class="row">
    <input type="button" id="idBtn_Back" class="btn" value="No">
    <input type="button" id="idSIButton9" class="btn" value="Yes">
  </div>
</form>`;
  const script = `<script>
window.onViewRendered = function () {
  var form = document.getElementById('kmsiForm');
  form.elements.kmsiShownAt.value = String(Date.now());
  function answer(loginOptions) {
    form.elements.LoginOptions.value = loginOptions;
    form.elements.kmsiAnsweredAt.value = String(Date.now());
    form.submit();
  }
  // LoginOptions as the real page posts it: 1 = stay signed in, 3 = do not.
  document.getElementById('idSIButton9').addEventListener('click', function () { answer('1'); });
  document.getElementById('idBtn_Back').addEventListener('click', function () { answer('3'); });
};
</script>`;
  return page(
    'Sign in to your account',
    configScript({ pgid: 'KmsiInterrupt', sPOST_Username: upn, sFT: flowToken }),
    view,
    script,
    delayMs,
  );
}

/** Epoch ms on the browser's clock, as the pages posted them (npm run bench). */
export interface SignInTiming {
  codeShownAt: number;
  /** The last Verify: the one whose code was accepted. */
  codeSubmittedAt: number;
  kmsiShownAt: number;
  kmsiAnsweredAt: number;
}

export interface AppSignIn {
  upn: string;
  /** Signed in by an existing session (the ESTSAUTH cookie): no password, no MFA. */
  reusedSession: boolean;
  staySignedIn: boolean;
  rememberMfa: boolean;
  timing: SignInTiming | null;
}

/**
 * The fake app after sign-in. Measured in the page, on the browser's clock (npm run bench):
 * `data-mfa-ms` code prompt shown → this page's content parsed; `data-answer-ms` the part the
 * extension took to act (prompt shown → Verify pressed, plus "Stay signed in?" shown → answered).
 */
export function appPage(signIn: AppSignIn): string {
  const t = signIn.timing;
  const shownAt = t ? String(t.codeShownAt) : 'null';
  const answerMs = t ? String(t.codeSubmittedAt - t.codeShownAt + (t.kmsiAnsweredAt - t.kmsiShownAt)) : '';
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Contoso QA app</title></head>
<body>
<h1>Contoso QA app</h1>
<p role="status" id="signedInAs">Signed in as ${escapeHtml(signIn.upn)}</p>
<dl>
  <dt>Stay signed in</dt><dd id="staySignedIn">${signIn.staySignedIn ? 'Yes' : 'No'}</dd>
  <dt>Don't ask again for 90 days</dt><dd id="rememberMfa">${signIn.rememberMfa ? 'Ticked' : 'Not ticked'}</dd>
</dl>
<script>
  var shownAt = ${shownAt};
  if (shownAt !== null) document.body.setAttribute('data-mfa-ms', String(Date.now() - shownAt));
  document.body.setAttribute('data-answer-ms', '${answerMs}');
</script>
</body>
</html>`;
}

/** The app after its own sign-out (the Microsoft session, if kept, stays). */
export function appSignedOutPage(upn: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Contoso QA app</title></head>
<body><h1>Contoso QA app</h1><p role="status">Signed out of the app (${escapeHtml(upn)})</p></body></html>`;
}

/** The app sending the browser to sign in, from script (MSAL.js's loginRedirect). */
export function redirectPage(url: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Contoso QA app</title></head>
<body><p>Signing you in…</p><script>location.replace(${JSON.stringify(url).replace(/</g, '\\u003c')});</script></body></html>`;
}

/** response_mode=form_post: the service posts the authorization code to the app. */
export function formPostPage(action: string, fields: Record<string, string>): string {
  const inputs = Object.entries(fields)
    .map(([name, value]) => hidden(name, value))
    .join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Working...</title></head>
<body><form method="post" action="${escapeHtml(action)}">${inputs}<noscript><input type="submit" value="Continue"></noscript></form>
<script>document.forms[0].submit();</script></body></html>`;
}

export function appErrorPage(message: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Contoso QA app</title></head>
<body><h1>Contoso QA app</h1><p role="alert">${escapeHtml(message)}</p></body></html>`;
}
