/**
 * The two runtime calls the content script needs, straight from the browser's own global:
 * Firefox's `browser` (promises) or Chrome's `chrome` (promises in MV3). No
 * webextension-polyfill: it would be most of the content script's size.
 */
import type { ContentCommand, ContentRequest } from '../messages';
import { isContentCommand } from './responses';

interface RuntimeGlobal {
  runtime?: {
    id?: string;
    sendMessage(message: unknown): Promise<unknown>;
    onMessage: {
      addListener(listener: (message: unknown) => void): void;
      removeListener(listener: (message: unknown) => void): void;
    };
  };
}

export interface ContentRuntime {
  sendMessage(request: ContentRequest): Promise<unknown>;
  /** Subscribes to the background's commands; returns the unsubscribe. */
  onCommand(listener: (command: ContentCommand) => void): () => void;
}

export function extensionRuntime(scope: object = globalThis): ContentRuntime | null {
  const globals = scope as { browser?: RuntimeGlobal; chrome?: RuntimeGlobal };
  const runtime = globals.browser?.runtime ?? globals.chrome?.runtime;
  if (!runtime?.id) return null;
  return {
    sendMessage: (request) => runtime.sendMessage(request),
    onCommand(listener) {
      // Return nothing: an answer would keep the background's sendMessage waiting.
      const forward = (message: unknown): void => {
        if (isContentCommand(message)) listener(message);
      };
      runtime.onMessage.addListener(forward);
      return () => runtime.onMessage.removeListener(forward);
    },
  };
}
