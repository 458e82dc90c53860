import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CodeResponse, ContentCommand, ContentRequest, HasAccountResponse, KmsiResponse } from '../messages';
import { type FakeGeometry, fakeLayout } from '../signin/fake-layout.testing';
import {
  CODE_PAGE_URL,
  DEVICE_CODE_URL,
  type FixturePage,
  LIVE_URL,
  openFixture,
  renderedFixture,
} from '../signin/fixture-page.testing';
import { type AutofillController, mayAutofill, startAutofill } from './autofill';
import { MemoryStorage } from './memory-storage.testing';

const ACCOUNT = 'adele.vance@contoso.onmicrosoft.com';

function code(value: string, options: Partial<Extract<CodeResponse, { status: 'code' }>> = {}): CodeResponse {
  return { status: 'code', code: value, digits: 6, submit: false, rememberDevice: false, ...options };
}

interface Answers {
  /** Answers to content:code, in order; the last one repeats. */
  code?: CodeResponse[];
  hasAccount?: HasAccountResponse;
  kmsi?: KmsiResponse;
}

interface Harness {
  page: FixturePage;
  controller: AutofillController | null;
  sent: ContentRequest[];
  codeRequests(): Extract<ContentRequest, { type: 'content:code' }>[];
  reports(): unknown[];
  command(command: ContentCommand): void;
  field(id?: string): HTMLInputElement;
}

let harness: Harness | undefined;
afterEach(async () => {
  harness?.controller?.stop();
  await harness?.page.close();
  harness = undefined;
  vi.useRealTimers();
});

/** Opens a fixture and starts the controller before the page's late rendering, as document_idle does. */
function start(
  fixture: string,
  answers: Answers,
  {
    url = CODE_PAGE_URL,
    geometry = {},
    rendered,
    storage = null,
  }: { url?: string; geometry?: FakeGeometry; rendered?: FixturePage; storage?: Storage | null } = {},
): Harness {
  const page = rendered ?? openFixture(fixture, url);
  const sent: ContentRequest[] = [];
  const listeners = new Set<(command: ContentCommand) => void>();
  let codeAnswers = 0;
  const controller = startAutofill({
    doc: page.document,
    layout: fakeLayout(page.document, geometry),
    storage,
    async send(request) {
      sent.push(request);
      switch (request.type) {
        case 'content:code': {
          const list = answers.code ?? [{ status: 'refused' }];
          return list[Math.min(codeAnswers++, list.length - 1)];
        }
        case 'content:has-account':
          return answers.hasAccount ?? { status: 'no' };
        case 'content:kmsi':
          return answers.kmsi ?? { status: 'answer', answer: 'ask' };
        default:
          return { status: 'ok' };
      }
    },
    onCommand(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  });
  harness = {
    page,
    controller,
    sent,
    codeRequests: () =>
      sent.filter((r): r is Extract<ContentRequest, { type: 'content:code' }> => r.type === 'content:code'),
    reports: () => sent.flatMap((r) => (r.type === 'content:report' ? [r.event] : [])),
    command: (command) => {
      for (const listener of listeners) listener(command);
    },
    field: (id = 'idTxtBx_SAOTCC_OTC') => page.document.getElementById(id) as HTMLInputElement,
  };
  return harness;
}

const WRONG_CODE_REPORT = (retrying: boolean) => ({ kind: 'wrong-code', retrying });

describe('mayAutofill', () => {
  it.each<[string, boolean, boolean]>([
    [CODE_PAGE_URL, true, true],
    ['https://login.live.com/ppsecure/post.srf', true, true],
    // Top frame only (docs/ARCHITECTURE.md, 'Trust rules'): a sign-in page framed by anyone is left
    // alone.
    [CODE_PAGE_URL, false, false],
    ['http://login.microsoftonline.com/common/SAS/ProcessAuth', true, false],
    ['https://login.microsoftonline.com.example.net/common/SAS/ProcessAuth', true, false],
    ['https://evil.example/common/SAS/ProcessAuth', true, false],
    [DEVICE_CODE_URL, true, false],
    ['https://login.microsoftonline.com/organizations/oauth2/v2.0/deviceauth', true, false],
  ])('%s, top frame %s → %s', (url, isTopFrame, expected) => {
    expect(mayAutofill(url, isTopFrame)).toBe(expected);
  });

  it('does not start in a frame', async () => {
    const page = openFixture('enter-code.html');
    const send = vi.fn();
    expect(startAutofill({ doc: page.document, isTopFrame: false, send, onCommand: () => () => {} })).toBeNull();
    await page.settle();
    expect(send).not.toHaveBeenCalled();
    await page.close();
  });

  it('does not start on the device-code page', async () => {
    const page = openFixture('device-code.html', DEVICE_CODE_URL);
    const send = vi.fn();
    expect(startAutofill({ doc: page.document, send, onCommand: () => () => {} })).toBeNull();
    await page.close();
  });
});

describe('filling the "Enter code" prompt', () => {
  it("asks for the page account's code once the prompt renders, fills it the way bindings see it, and reports", async () => {
    const { page, field, codeRequests, reports } = start('enter-code.html', { code: [code('123456')] });
    expect(codeRequests()).toEqual([]);
    await page.settle();
    expect(codeRequests()).toEqual([{ type: 'content:code', pageAccount: ACCOUNT, retry: false, manual: false }]);
    expect(field().value).toBe('123456');
    expect(page.globals.seenEvents).toEqual([
      { type: 'input', id: 'idTxtBx_SAOTCC_OTC', name: 'otc', value: '123456', trusted: false },
      { type: 'change', id: 'idTxtBx_SAOTCC_OTC', name: 'otc', value: '123456', trusted: false },
    ]);
    expect(page.globals.boundCode).toBe('123456');
    expect(page.globals.submittedCodes).toEqual([]);
    expect(page.globals.rememberDevice).toBe(false);
    expect(reports()).toEqual([{ kind: 'filled', submitted: false }]);
  });

  it('ticks "Don\'t ask again" and submits only when told', async () => {
    const { page, reports } = start('enter-code.html', {
      code: [code('123456', { submit: true, rememberDevice: true })],
    });
    await page.settle();
    expect(page.globals.rememberDevice).toBe(true);
    expect(page.globals.submittedCodes).toEqual(['123456']);
    expect(page.globals.signedIn).toBe(true);
    expect(reports()).toEqual([{ kind: 'filled', submitted: true }]);
  });

  it('fills once per prompt, however often the page changes afterwards', async () => {
    const { page, codeRequests } = start('enter-code.html', { code: [code('123456')] });
    await page.settle();
    page.document.body.classList.add('late-change');
    page.document.getElementById('idDiv_SAOTCC_Title')!.textContent = 'Enter code again';
    await page.settle();
    expect(codeRequests()).toHaveLength(1);
  });

  it('takes the account from $Config.sPOST_Username when the banner is missing', async () => {
    const { page, codeRequests, field } = start('enter-code-no-banner.html', { code: [code('123456')] });
    await page.settle();
    expect(codeRequests()[0]?.pageAccount).toBe('megan.bowen@fabrikam.onmicrosoft.com');
    expect(field().value).toBe('123456');
  });

  it('fills only the visible field when an off-screen copy comes first', async () => {
    const { page, field } = start('offscreen-copy.html', { code: [code('123456')] });
    await page.settle();
    expect(field().value).toBe('123456');
    expect(field('otcOffScreenCopy').value).toBe('');
  });

  it("fills login.live.com's newer code prompt, with no account on the page", async () => {
    const { page, codeRequests } = start(
      'live-totp.html',
      { code: [code('123456', { submit: true })] },
      { url: LIVE_URL },
    );
    await page.settle();
    expect(codeRequests()[0]?.pageAccount).toBeNull();
    // Submitted through the form's one submit button, with the value its bindings saw.
    expect(page.globals.submittedCodes).toEqual(['123456']);
    expect(page.globals.signedIn).toBe(true);
  });

  it('does not fill a code whose length the field does not take', async () => {
    const { page, field, reports } = start('enter-code-8-digits.html', { code: [code('123456')] });
    await page.settle();
    expect(field().value).toBe('');
    expect(reports()).toEqual([{ kind: 'not-totp', reason: 'digits', pageDigits: 8, accountDigits: 6 }]);
  });
});

describe('answers that are not a code', () => {
  it('wait: asks again when the timer says, not before', async () => {
    const page = await renderedFixture('enter-code.html');
    vi.useFakeTimers();
    const { field, codeRequests } = start(
      '',
      { code: [{ status: 'wait', retryInMs: 2500 }, code('654321')] },
      { rendered: page },
    );
    await vi.advanceTimersByTimeAsync(0);
    expect(codeRequests()).toHaveLength(1);
    expect(field().value).toBe('');
    await vi.advanceTimersByTimeAsync(2499);
    expect(codeRequests()).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(codeRequests()).toHaveLength(2);
    expect(field().value).toBe('654321');
  });

  it('locked: fills once the background says the vault was unlocked', async () => {
    const { page, field, codeRequests, command } = start('enter-code.html', {
      code: [{ status: 'locked' }, code('123456')],
    });
    await page.settle();
    expect(field().value).toBe('');
    page.document.body.classList.add('still-waiting');
    await page.settle();
    expect(codeRequests()).toHaveLength(1);
    command({ type: 'bg:vault-unlocked' });
    await page.settle();
    expect(codeRequests()).toEqual([
      { type: 'content:code', pageAccount: ACCOUNT, retry: false, manual: false },
      { type: 'content:code', pageAccount: ACCOUNT, retry: false, manual: false },
    ]);
    expect(field().value).toBe('123456');
  });

  it('disabled: waits for the keyboard command, then asks as a manual fill', async () => {
    const { page, field, codeRequests, command } = start('enter-code.html', {
      code: [{ status: 'disabled' }, code('123456')],
    });
    await page.settle();
    command({ type: 'bg:vault-unlocked' });
    await page.settle();
    expect(codeRequests()).toHaveLength(1);
    command({ type: 'bg:fill-now' });
    await page.settle();
    expect(codeRequests()[1]).toEqual({ type: 'content:code', pageAccount: ACCOUNT, retry: false, manual: true });
    expect(field().value).toBe('123456');
  });

  it.each<CodeResponse>([{ status: 'no-match', pageAccount: ACCOUNT }, { status: 'no-vault' }, { status: 'refused' }])(
    '$status: stops asking',
    async (answer) => {
      const { page, field, codeRequests, command } = start('enter-code.html', { code: [answer, code('123456')] });
      await page.settle();
      page.document.body.classList.add('changed');
      command({ type: 'bg:vault-unlocked' });
      await page.settle();
      expect(codeRequests()).toHaveLength(1);
      expect(field().value).toBe('');
    },
  );

  it('no-match: the keyboard command asks again, as a manual fill', async () => {
    const { page, field, codeRequests, command } = start('enter-code.html', {
      code: [{ status: 'no-match', pageAccount: ACCOUNT }, code('123456')],
    });
    await page.settle();
    command({ type: 'bg:fill-now' });
    await page.settle();
    expect(codeRequests().map((request) => request.manual)).toEqual([false, true]);
    expect(field().value).toBe('123456');
  });

  it('an unreachable background leaves the page alone', async () => {
    const page = openFixture('enter-code.html');
    const send = vi.fn().mockRejectedValue(new Error('Extension context invalidated.'));
    const controller = startAutofill({
      doc: page.document,
      layout: fakeLayout(page.document),
      storage: null,
      send,
      onCommand: () => () => {},
    });
    await page.settle();
    expect(send).toHaveBeenCalledTimes(1);
    expect((page.document.getElementById('idTxtBx_SAOTCC_OTC') as HTMLInputElement).value).toBe('');
    controller?.stop();
    await page.close();
  });
});

describe('wrong code', () => {
  it('retries once with the next code, then stops and reports', async () => {
    const { page, field, codeRequests, reports } = start('enter-code.html', {
      code: [code('111111', { submit: true }), code('222222', { submit: true }), code('333333', { submit: true })],
    });
    page.globals.rejectNext = 2;
    await page.settle();
    expect(page.globals.submittedCodes).toEqual(['111111', '222222']);
    expect(codeRequests().map((request) => request.retry)).toEqual([false, true]);
    expect(field().value).toBe('222222');
    expect(field().classList.contains('has-error')).toBe(true);
    expect(reports()).toEqual([
      { kind: 'filled', submitted: true },
      WRONG_CODE_REPORT(true),
      { kind: 'filled', submitted: true },
      WRONG_CODE_REPORT(false),
    ]);
    harness?.command({ type: 'bg:fill-now' });
    await page.settle();
    expect(codeRequests()).toHaveLength(2);
  });

  it('waits for the next period when the background says so, then retries', async () => {
    const page = await renderedFixture('enter-code.html');
    page.globals.rejectNext = 1;
    vi.useFakeTimers();
    const { codeRequests, reports } = start(
      '',
      {
        code: [
          code('111111', { submit: true }),
          { status: 'wait', retryInMs: 20_000 },
          code('222222', { submit: true }),
        ],
      },
      { rendered: page },
    );
    await vi.advanceTimersByTimeAsync(0);
    await page.settle();
    expect(codeRequests().map((request) => request.retry)).toEqual([false, true]);
    await vi.advanceTimersByTimeAsync(20_000);
    await page.settle();
    expect(codeRequests().map((request) => request.retry)).toEqual([false, true, true]);
    expect(page.globals.submittedCodes).toEqual(['111111', '222222']);
    expect(page.globals.signedIn).toBe(true);
    expect(reports()).toEqual([
      { kind: 'filled', submitted: true },
      WRONG_CODE_REPORT(true),
      { kind: 'filled', submitted: true },
    ]);
  });

  it("retries on login.live.com's newer UI when the field is marked invalid", async () => {
    const { page, codeRequests } = start(
      'live-totp.html',
      { code: [code('111111', { submit: true }), code('222222', { submit: true })] },
      { url: LIVE_URL },
    );
    page.globals.rejectNext = 1;
    await page.settle();
    expect(codeRequests().map((request) => request.retry)).toEqual([false, true]);
    expect(page.globals.submittedCodes).toEqual(['111111', '222222']);
    expect(page.globals.signedIn).toBe(true);
  });

  it('signs in when the retry is accepted', async () => {
    const { page, reports } = start('enter-code.html', {
      code: [code('111111', { submit: true }), code('222222', { submit: true })],
    });
    page.globals.rejectNext = 1;
    await page.settle();
    expect(page.globals.signedIn).toBe(true);
    expect(reports()).toEqual([
      { kind: 'filled', submitted: true },
      WRONG_CODE_REPORT(true),
      { kind: 'filled', submitted: true },
    ]);
  });

  it('retries without submitting when the user pressed Verify', async () => {
    const { page, field, codeRequests } = start('enter-code.html', { code: [code('111111'), code('222222')] });
    page.globals.rejectNext = 1;
    await page.settle();
    page.document.getElementById('idSubmit_SAOTCC_Continue')!.click();
    await page.settle();
    expect(codeRequests().map((request) => request.retry)).toEqual([false, true]);
    expect(field().value).toBe('222222');
    expect(page.globals.submittedCodes).toEqual(['111111']);
  });

  it('leaves an error it did not cause alone', async () => {
    const page = await renderedFixture('enter-code.html');
    const input = page.document.getElementById('idTxtBx_SAOTCC_OTC')!;
    input.classList.add('has-error');
    const { codeRequests } = start('', { code: [code('123456')] }, { rendered: page });
    await page.settle();
    expect(codeRequests()).toEqual([]);
  });

  it("does not retry when the rejected code was the user's own", async () => {
    const { page, field, codeRequests, reports } = start('enter-code.html', { code: [code('111111'), code('222222')] });
    page.globals.rejectNext = 1;
    await page.settle();
    field().value = '999999';
    field().dispatchEvent(new Event('input', { bubbles: true }));
    page.document.getElementById('idSubmit_SAOTCC_Continue')!.click();
    await page.settle();
    expect(codeRequests()).toHaveLength(1);
    expect(field().value).toBe('999999');
    expect(reports()).toEqual([{ kind: 'filled', submitted: false }]);
  });
});

describe('the user typing', () => {
  it('never fills a field that already holds what the user typed', async () => {
    const page = await renderedFixture('enter-code.html');
    (page.document.getElementById('idTxtBx_SAOTCC_OTC') as HTMLInputElement).value = '12';
    const { codeRequests, field } = start('', { code: [code('123456')] }, { rendered: page });
    await page.settle();
    expect(codeRequests()).toEqual([]);
    expect(field().value).toBe('12');
  });

  it('does not overwrite what the user typed while the background answered', async () => {
    const page = await renderedFixture('enter-code.html');
    const input = page.document.getElementById('idTxtBx_SAOTCC_OTC') as HTMLInputElement;
    const { reports } = start('', { code: [code('123456')] }, { rendered: page });
    input.value = '4';
    await page.settle();
    expect(input.value).toBe('4');
    expect(reports()).toEqual([]);
  });
});

describe('pages that are never filled', () => {
  const overlayGeometry: FakeGeometry = {
    coverOf: (element) =>
      element.id === 'idTxtBx_SAOTCC_OTC' ? element.ownerDocument.getElementById('overlay') : null,
  };
  it.each<[string, string, FakeGeometry, unknown[]]>([
    ['enter-code-sms.html', CODE_PAGE_URL, {}, [{ kind: 'not-totp', reason: 'sms' }]],
    ['enter-code-voice.html', CODE_PAGE_URL, {}, [{ kind: 'not-totp', reason: 'sms' }]],
    ['enter-code-disagree.html', CODE_PAGE_URL, {}, [{ kind: 'not-totp', reason: 'disagree' }]],
    ['enter-code-no-evidence.html', CODE_PAGE_URL, {}, [{ kind: 'not-totp', reason: 'unknown-method' }]],
    ['hidden-field.html', CODE_PAGE_URL, {}, []],
    ['overlay.html', CODE_PAGE_URL, overlayGeometry, []],
    ['faded-ancestor.html', CODE_PAGE_URL, {}, []],
    ['faded-body.html', CODE_PAGE_URL, {}, []],
    ['two-fields.html', CODE_PAGE_URL, {}, [{ kind: 'not-totp', reason: 'several-fields' }]],
    ['device-code.html', CODE_PAGE_URL, {}, []],
    ['live-email-code.html', LIVE_URL, {}, [{ kind: 'not-totp', reason: 'email' }]],
    ['live-email-ott.html', LIVE_URL, {}, [{ kind: 'not-totp', reason: 'email' }]],
    ['live-totp.html', CODE_PAGE_URL, {}, []],
    ['username.html', CODE_PAGE_URL, {}, []],
  ])('%s at %s', async (fixture, url, geometry, expectedReports) => {
    const { page, codeRequests, reports } = start(fixture, { code: [code('123456')] }, { url, geometry });
    await page.settle();
    expect(codeRequests()).toEqual([]);
    expect(page.globals.seenEvents).toEqual([]);
    for (const input of Array.from(page.document.querySelectorAll('input'))) {
      if (input.type !== 'checkbox' && input.type !== 'submit' && input.type !== 'button') expect(input.value).toBe('');
    }
    expect(reports()).toEqual(expectedReports);
  });
});

describe('the "Verify your identity" chooser', () => {
  it('picks "Use a verification code" when the vault has the account, then fills the code page', async () => {
    const { page, sent, field, codeRequests } = start('chooser.html', {
      hasAccount: { status: 'yes' },
      code: [code('123456')],
    });
    await page.settle();
    expect(sent[0]).toEqual({ type: 'content:has-account', pageAccount: ACCOUNT, purpose: 'chooser' });
    expect(page.globals.clicks).toEqual(['PhoneAppOTP']);
    // $Config's default proof is OneWaySMS: only the pick makes this page a TOTP prompt.
    expect(codeRequests()).toHaveLength(1);
    expect(field().value).toBe('123456');
  });

  it.each<HasAccountResponse['status']>(['no', 'disabled', 'refused', 'locked'])(
    'picks nothing when the answer is %s',
    async (status) => {
      const { page, codeRequests } = start('chooser.html', { hasAccount: { status } as HasAccountResponse });
      await page.settle();
      expect(page.globals.clicks).toEqual([]);
      expect(codeRequests()).toEqual([]);
    },
  );

  it('asks again after the vault is unlocked', async () => {
    const answers: Answers = { hasAccount: { status: 'locked' }, code: [code('123456')] };
    const { page, command, field } = start('chooser.html', answers);
    await page.settle();
    answers.hasAccount = { status: 'yes' };
    command({ type: 'bg:vault-unlocked' });
    await page.settle();
    expect(page.globals.clicks).toEqual(['PhoneAppOTP']);
    expect(field().value).toBe('123456');
  });

  it.each<[string, string, boolean]>([
    ['PhoneAppOTP', 'a verification code', true],
    ['OneWaySMS', 'a text message', false],
  ])('remembers that the user picked %s (%s): fills %s', async (proof, _what, fills) => {
    const { page, field, codeRequests } = start('chooser.html', {
      hasAccount: { status: 'no' },
      code: [code('123456')],
    });
    await page.settle();
    (page.document.querySelector(`[data-value="${proof}"]`) as HTMLElement).click();
    await page.settle();
    expect(codeRequests()).toHaveLength(fills ? 1 : 0);
    expect(field().value).toBe(fills ? '123456' : '');
  });

  it('does not pick the code tile again when the user comes back through "Sign in another way"', async () => {
    const { page, sent } = start('chooser.html', { hasAccount: { status: 'yes' }, code: [code('123456')] });
    await page.settle();
    page.document.getElementById('signInAnotherWay')!.click();
    await page.settle();
    expect(page.document.getElementById('idDiv_SAOTCS_Proofs')).not.toBeNull();
    expect(page.globals.clicks).toEqual(['PhoneAppOTP', 'signInAnotherWay']);
    expect(sent.filter((request) => request.type === 'content:has-account')).toHaveLength(1);
  });
});

describe("the passkey prompt's way out", () => {
  it.each(['passkey-prompt', 'passkey-prompt-failed'])(
    '%s: follows "Sign-in options" to the picker, picks the code tile, fills',
    async (fixture) => {
      const { page, sent, field, codeRequests } = start(fixture, {
        hasAccount: { status: 'yes' },
        code: [code('123456')],
      });
      await page.settle();
      expect(page.globals.clicks).toEqual(['idA_PWD_SwitchToCredPicker', 'credCode']);
      expect(sent.filter((request) => request.type === 'content:has-account')).toEqual([
        { type: 'content:has-account', pageAccount: ACCOUNT, purpose: 'switch' },
        { type: 'content:has-account', pageAccount: ACCOUNT, purpose: 'switch' },
      ]);
      expect(codeRequests()).toHaveLength(1);
      expect(field().value).toBe('123456');
    },
  );

  it.each<[string, HasAccountResponse['status'], unknown[]]>([
    ['passkey-prompt', 'switch-off', [{ kind: 'not-totp', reason: 'switch-off' }]],
    ['passkey-prompt', 'no', []],
    ['passkey-prompt-no-code-method', 'yes', [{ kind: 'not-totp', reason: 'no-code-method' }]],
  ])('%s, answer %s: stays on the prompt', async (fixture, status, expectedReports) => {
    const { page, reports, codeRequests } = start(fixture, { hasAccount: { status } as HasAccountResponse });
    await page.settle();
    expect(page.globals.clicks).toEqual([]);
    expect(codeRequests()).toEqual([]);
    expect(reports()).toEqual(expectedReports);
  });

  it('does not follow the link again when the user comes back to the prompt', async () => {
    const { page, sent } = start('passkey-prompt', { hasAccount: { status: 'yes' }, code: [code('123456')] });
    await page.settle();
    page.globals.fixtureRender('view');
    await page.settle();
    expect(page.globals.clicks).toEqual(['idA_PWD_SwitchToCredPicker', 'credCode']);
    expect(sent.filter((request) => request.type === 'content:has-account')).toHaveLength(2);
  });
});

describe('a pick on the chooser, then a code page in a new document', () => {
  it('counts the pick there, once', async () => {
    const storage = new MemoryStorage();
    const chooser = start('chooser.html', { hasAccount: { status: 'yes' } }, { storage });
    await chooser.page.settle();
    chooser.controller?.stop();
    await chooser.page.close();

    // Without the pick this page says nothing about its method.
    const codePage = start('enter-code-no-evidence.html', { code: [code('123456')] }, { storage });
    await codePage.page.settle();
    expect(codePage.field().value).toBe('123456');
    codePage.controller?.stop();
    await codePage.page.close();

    // The pick served its prompt: a later prompt in this tab does not inherit it.
    const later = start('enter-code-no-evidence.html', { code: [code('654321')] }, { storage });
    await later.page.settle();
    expect(later.field().value).toBe('');
  });
});

describe('"Stay signed in?"', () => {
  it.each<['ask' | 'yes' | 'no', 'yes' | 'no' | undefined]>([
    ['yes', 'yes'],
    ['no', 'no'],
    ['ask', undefined],
  ])('answer %s → clicks %s', async (answer, clicked) => {
    const { page, sent } = start('kmsi.html', { kmsi: { status: 'answer', answer } });
    await page.settle();
    expect(sent).toEqual([{ type: 'content:kmsi' }]);
    expect(page.globals.kmsiAnswer).toBe(clicked);
  });

  it('asks only once the page is shown', async () => {
    const { page, sent } = start('kmsi.html', { kmsi: { status: 'answer', answer: 'yes' } });
    expect(page.document.getElementById('KmsiCheckboxField')).toBeNull();
    expect(sent).toEqual([]);
    await page.settle();
    expect(sent).toEqual([{ type: 'content:kmsi' }]);
  });

  it('never clicks the same button ids on another page', async () => {
    const { page, sent } = start('username.html', { kmsi: { status: 'answer', answer: 'yes' } });
    await page.settle();
    expect(sent).toEqual([]);
    expect(page.globals.clicks).toEqual([]);
  });
});

beforeEach(() => {
  harness = undefined;
});
