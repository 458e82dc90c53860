import { describe, expect, it } from 'vitest';
import type { CodeFieldFacts, ScreenReading } from '../signin/screens/types';
import { type Effect, type FlowState, INITIAL_STATE, type Input, NO_FIELD_MS, STALL_MS, step } from './step';

const ACCOUNT = 'adele.vance@contoso.onmicrosoft.com';
const FIELD: CodeFieldFacts = { value: '', maxLength: 6, wrongCodeShown: false };
const prompt = (changes: Partial<Extract<ScreenReading, { screen: 'code-prompt' }>> = {}): ScreenReading => ({
  screen: 'code-prompt',
  account: ACCOUNT,
  field: FIELD,
  fieldProblem: null,
  method: 'totp',
  ...changes,
});
const CODE = { status: 'code', code: '123456', digits: 6, submit: false, rememberDevice: false };
const page = (reading: ScreenReading, now = 0): Input => ({ kind: 'page', reading, now });
const state = (changes: Partial<FlowState> = {}): FlowState => ({ ...INITIAL_STATE, ...changes });
const SUMMARY = { title: 'More information required', pgid: 'ConvergedProofUpRedirect', aadsts: null };
const report = (event: object): Effect => ({ do: 'report', event }) as Effect;

describe('step', () => {
  it.each<[string, FlowState, Input, Partial<FlowState>, Effect[]]>([
    [
      'a fillable TOTP prompt asks for the code',
      state(),
      page(prompt()),
      { stage: 'asking' },
      [{ do: 'ask-code', pageAccount: ACCOUNT, retry: false, manual: false }],
    ],
    [
      'an SMS prompt is reported, not asked',
      state(),
      page(prompt({ method: 'phone' })),
      { stage: 'watching' },
      [report({ kind: 'not-totp', reason: 'sms' })],
    ],
    ['…once', state({ reported: ['{"kind":"not-totp","reason":"sms"}'] }), page(prompt({ method: 'phone' })), {}, []],
    [
      'a field the user typed in is left alone',
      state(),
      page(prompt({ field: { ...FIELD, value: '12' } })),
      { stage: 'watching' },
      [],
    ],
    [
      'an error it did not cause is left alone',
      state(),
      page(prompt({ field: { ...FIELD, wrongCodeShown: true } })),
      { stage: 'watching' },
      [],
    ],
    [
      'two visible fields are reported',
      state(),
      page(prompt({ field: null, fieldProblem: 'several-visible' })),
      {},
      [report({ kind: 'not-totp', reason: 'several-fields' })],
    ],
    [
      'a code answer fills',
      state({ stage: 'asking' }),
      { kind: 'code', response: CODE, reading: prompt(), now: 0 },
      { stage: 'filled', filledValue: '123456' },
      [
        { do: 'remember-pick', proof: null },
        { do: 'fill', code: '123456', submit: false, rememberDevice: false },
      ],
    ],
    [
      'a code the field cannot take is reported',
      state({ stage: 'asking' }),
      { kind: 'code', response: CODE, reading: prompt({ field: { ...FIELD, maxLength: 8 } }), now: 0 },
      { stage: 'stopped' },
      [report({ kind: 'not-totp', reason: 'digits', pageDigits: 8, accountDigits: 6 })],
    ],
    [
      'wait arms the timer',
      state({ stage: 'asking' }),
      { kind: 'code', response: { status: 'wait', retryInMs: 1200 }, reading: prompt(), now: 0 },
      { stage: 'waiting-timer' },
      [{ do: 'wait', ms: 1200 }],
    ],
    [
      'a wait is bounded',
      state({ stage: 'asking' }),
      { kind: 'code', response: { status: 'wait', retryInMs: 1e9 }, reading: prompt(), now: 0 },
      {},
      [{ do: 'wait', ms: 65_000 }],
    ],
    [
      'locked waits for the unlock',
      state({ stage: 'asking' }),
      { kind: 'code', response: { status: 'locked' }, reading: prompt(), now: 0 },
      { stage: 'waiting-unlock' },
      [],
    ],
    [
      'no answer stops',
      state({ stage: 'asking' }),
      { kind: 'code', response: undefined, reading: prompt(), now: 0 },
      { stage: 'stopped' },
      [],
    ],
    [
      'our code submitted is reported spent, once',
      state({ stage: 'filled', filledValue: '123456' }),
      { kind: 'submitted', value: '123456' },
      { spentReported: true },
      [{ do: 'spent' }],
    ],
    [
      'a code the user typed is theirs to spend',
      state({ stage: 'filled', filledValue: '123456' }),
      { kind: 'submitted', value: '654321' },
      {},
      [],
    ],
    [
      'a wrong code after our fill: retry once with the next code',
      state({ stage: 'filled', filledValue: '123456' }),
      page(prompt({ field: { ...FIELD, value: '123456', wrongCodeShown: true } })),
      { stage: 'asking', wrongCodes: 1 },
      [
        report({ kind: 'wrong-code', retrying: true }),
        { do: 'spent' },
        { do: 'ask-code', pageAccount: ACCOUNT, retry: true, manual: false },
      ],
    ],
    [
      'a second wrong code stops',
      state({
        stage: 'filled',
        filledValue: '654321',
        wrongCodes: 1,
        errorGoneSinceFill: true,
        spentReported: true,
      }),
      page(prompt({ field: { ...FIELD, value: '654321', wrongCodeShown: true } })),
      { stage: 'stopped', wrongCodes: 2 },
      [report({ kind: 'wrong-code', retrying: false }), { do: 'stop' }],
    ],
    [
      'the chooser with a code tile asks whether the vault has the account',
      state(),
      page({ screen: 'chooser', account: ACCOUNT, codeTile: true }),
      { chooserAnswered: true },
      [{ do: 'ask-account', pageAccount: ACCOUNT, purpose: 'chooser' }],
    ],
    [
      '"yes" picks the code tile',
      state({ chooserAnswered: true }),
      {
        kind: 'account',
        purpose: 'chooser',
        response: { status: 'yes' },
        reading: { screen: 'chooser', account: ACCOUNT, codeTile: true },
        now: 0,
      },
      { pickedProof: 'PhoneAppOTP' },
      [
        { do: 'remember-pick', proof: 'PhoneAppOTP' },
        { do: 'click', target: 'code-tile' },
      ],
    ],
    [
      'push with an app-code method asks to switch',
      state(),
      page({ screen: 'switch-to-code', from: 'push', account: ACCOUNT, codeProof: true, way: 'other-ways' }),
      { switchAnswered: true },
      [{ do: 'ask-account', pageAccount: ACCOUNT, purpose: 'switch' }],
    ],
    [
      'push without an app-code method is left alone, and says so',
      state(),
      page({ screen: 'switch-to-code', from: 'push', account: ACCOUNT, codeProof: false, way: 'other-ways' }),
      {},
      [report({ kind: 'not-totp', reason: 'no-code-method' })],
    ],
    [
      '"yes" on push follows the link to the other ways',
      state({ switchAnswered: true }),
      {
        kind: 'account',
        purpose: 'switch',
        response: { status: 'yes' },
        reading: { screen: 'switch-to-code', from: 'push', account: ACCOUNT, codeProof: true, way: 'other-ways' },
        now: 0,
      },
      {},
      [{ do: 'click', target: 'other-ways' }],
    ],
    [
      '"yes" on the passkey list picks the code tile',
      state({ switchAnswered: true }),
      {
        kind: 'account',
        purpose: 'switch',
        response: { status: 'yes' },
        reading: { screen: 'switch-to-code', from: 'passkey', account: ACCOUNT, codeProof: true, way: 'code-tile' },
        now: 0,
      },
      { pickedProof: 'PhoneAppOTP' },
      [
        { do: 'remember-pick', proof: 'PhoneAppOTP' },
        { do: 'click', target: 'code-tile' },
      ],
    ],
    [
      'the setting off leaves push alone, and says so',
      state({ switchAnswered: true }),
      {
        kind: 'account',
        purpose: 'switch',
        response: { status: 'switch-off' },
        reading: { screen: 'switch-to-code', from: 'push', account: ACCOUNT, codeProof: true, way: 'other-ways' },
        now: 0,
      },
      {},
      [report({ kind: 'not-totp', reason: 'switch-off' })],
    ],
    [
      'the passkey prompt with a way out asks to switch, apart from the picker it leads to',
      state(),
      page({ screen: 'switch-to-code', from: 'passkey-prompt', account: ACCOUNT, codeProof: true, way: 'other-ways' }),
      { passkeyPromptAnswered: true, switchAnswered: false },
      [{ do: 'ask-account', pageAccount: ACCOUNT, purpose: 'switch' }],
    ],
    [
      'the picker after the passkey prompt is asked about too',
      state({ passkeyPromptAnswered: true }),
      page({ screen: 'switch-to-code', from: 'passkey', account: ACCOUNT, codeProof: true, way: 'code-tile' }),
      { switchAnswered: true },
      [{ do: 'ask-account', pageAccount: ACCOUNT, purpose: 'switch' }],
    ],
    [
      'the passkey prompt is answered once per document',
      state({ passkeyPromptAnswered: true, switchAnswered: true }),
      page({ screen: 'switch-to-code', from: 'passkey-prompt', account: ACCOUNT, codeProof: true, way: 'other-ways' }),
      {},
      [],
    ],
    [
      'locked on the passkey prompt: asked again once unlocked',
      state({ passkeyPromptAnswered: true, awaitingUnlock: 'passkey-prompt' }),
      {
        kind: 'unlocked',
        reading: {
          screen: 'switch-to-code',
          from: 'passkey-prompt',
          account: ACCOUNT,
          codeProof: true,
          way: 'other-ways',
        },
        now: 0,
      },
      { passkeyPromptAnswered: true, awaitingUnlock: null },
      [{ do: 'ask-account', pageAccount: ACCOUNT, purpose: 'switch' }],
    ],
    [
      '"Stay signed in?" shown asks how to answer',
      state(),
      page({ screen: 'kmsi', ready: true }),
      { kmsiAsked: true },
      [{ do: 'ask-kmsi' }],
    ],
    [
      '…and clicks the answer',
      state({ kmsiAsked: true }),
      { kind: 'kmsi', response: { status: 'answer', answer: 'no' }, reading: { screen: 'kmsi', ready: true }, now: 0 },
      {},
      [{ do: 'click', target: 'kmsi-no' }],
    ],
    [
      '"ask" leaves it to the user',
      state({ kmsiAsked: true }),
      { kind: 'kmsi', response: { status: 'answer', answer: 'ask' }, reading: { screen: 'kmsi', ready: true }, now: 0 },
      {},
      [],
    ],
    [
      'an emailed code is reported',
      state(),
      page({ screen: 'never-fill', reason: 'email' }),
      {},
      [report({ kind: 'not-totp', reason: 'email' })],
    ],
    [
      'a throttling page is reported at once',
      state(),
      page({ screen: 'blocked', summary: { title: 'Sign in', pgid: 'ConvergedError', aadsts: '50196' } }),
      {},
      [
        report({
          kind: 'stopped',
          screen: { title: 'Sign in', pgid: 'ConvergedError', aadsts: '50196' },
          blocked: true,
        }),
      ],
    ],
    [
      'an unknown screen starts the stall clock',
      state(),
      page({ screen: 'unknown', summary: SUMMARY }, 1_000),
      { lingering: { key: 'unknown:More information required:ConvergedProofUpRedirect', since: 1_000 } },
      [{ do: 'recheck', ms: STALL_MS }],
    ],
    [
      '…and is reported once it has held the sign-in that long',
      state({ lingering: { key: 'unknown:More information required:ConvergedProofUpRedirect', since: 1_000 } }),
      page({ screen: 'unknown', summary: SUMMARY }, 1_000 + STALL_MS),
      {},
      [report({ kind: 'stopped', screen: SUMMARY, blocked: false })],
    ],
    [
      'an unknown screen after our fill is the page moving on',
      state({ stage: 'filled' }),
      page({ screen: 'unknown', summary: SUMMARY }),
      { lingering: null },
      [],
    ],
    ['the sign-in form is the person at work', state(), page({ screen: 'sign-in-form' }), { lingering: null }, []],
    [
      'a prompt with no visible field is reported after a moment',
      state({ lingering: { key: 'no-visible-field', since: 0 } }),
      page(prompt({ field: null, fieldProblem: 'none-visible' }), NO_FIELD_MS),
      {},
      [report({ kind: 'not-totp', reason: 'no-visible-field' })],
    ],
    [
      'a prompt whose words have not come yet is neither asked nor reported at first',
      state(),
      page(prompt({ method: 'rendering' }), 0),
      { stage: 'watching', lingering: { key: 'no-words', since: 0 } },
      [{ do: 'recheck', ms: NO_FIELD_MS }],
    ],
    [
      '…and is reported if the words never come',
      state({ lingering: { key: 'no-words', since: 0 } }),
      page(prompt({ method: 'rendering' }), NO_FIELD_MS),
      {},
      [report({ kind: 'not-totp', reason: 'unknown-method' })],
    ],
    [
      '…and asked once they do',
      state({ lingering: { key: 'no-words', since: 0 } }),
      page(prompt(), 100),
      { stage: 'asking', lingering: null },
      [{ do: 'ask-code', pageAccount: ACCOUNT, retry: false, manual: false }],
    ],
  ])('%s', (_, before, input, expectedState, expectedEffects) => {
    const { state: after, effects } = step(before, input);
    expect(after).toMatchObject(expectedState);
    expect(effects).toEqual(expectedEffects);
  });

  it('never touches a stopped flow', () => {
    expect(step(state({ stage: 'stopped' }), page(prompt())).effects).toEqual([]);
  });
});
