/**
 * What each screen asks of the flow when the page shows it: a table of small decisions, one per
 * kind of screen (lib/signin/screens reads the page into a ScreenReading). docs/ARCHITECTURE.md,
 * 'Screen model'.
 */
import type { ScreenReading } from '../../signin/screens/types';
import { emit, type Flow, reportOnce, set } from '../flow';
import { onCodePrompt } from './code-prompt';
import { linger } from './linger';

type Screen = ScreenReading['screen'];
type Decision<S extends Screen> = (flow: Flow, reading: Extract<ScreenReading, { screen: S }>) => void;

const ON_SCREEN: { [S in Screen]?: Decision<S> } = {
  chooser(flow, reading) {
    // Back on the chooser ("Sign in another way"): the prompt that follows is a new one.
    if (flow.state.stage === 'filled') set(flow, { stage: 'watching' });
    if (!flow.state.chooserAnswered && reading.codeTile) {
      set(flow, { chooserAnswered: true });
      emit(flow, { do: 'ask-account', pageAccount: reading.account, purpose: 'chooser' });
    }
  },
  'switch-to-code'(flow, reading) {
    const promptScreen = reading.from === 'passkey-prompt';
    if (promptScreen ? flow.state.passkeyPromptAnswered : flow.state.switchAnswered) return;
    if (!reading.codeProof) {
      reportOnce(flow, { kind: 'not-totp', reason: 'no-code-method' });
    } else if (reading.way) {
      set(flow, promptScreen ? { passkeyPromptAnswered: true } : { switchAnswered: true });
      emit(flow, { do: 'ask-account', pageAccount: reading.account, purpose: 'switch' });
    }
  },
  kmsi(flow, reading) {
    if (!flow.state.kmsiAsked && reading.ready) {
      set(flow, { kmsiAsked: true });
      emit(flow, { do: 'ask-kmsi' });
    }
  },
  'never-fill': (flow, reading) => reportOnce(flow, { kind: 'not-totp', reason: reading.reason }),
  blocked: (flow, reading) => reportOnce(flow, { kind: 'stopped', screen: reading.summary, blocked: true }),
  'code-prompt': onCodePrompt,
};

/** The page as the screen modules read it. */
export function lookAt(flow: Flow, reading: ScreenReading, now: number): void {
  if (flow.state.stage === 'stopped') return;
  linger(flow, reading, now);
  const decide = ON_SCREEN[reading.screen] as Decision<Screen> | undefined;
  decide?.(flow, reading as never);
}
