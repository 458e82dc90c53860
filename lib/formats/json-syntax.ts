/**
 * Where a text stops being JSON, found without the engine's message: V8's `JSON.parse`
 * error quotes the text around the fault ("…"secret": "JBSW…" is not valid JSON), and an
 * import message must never repeat a file's content (docs/ARCHITECTURE.md, 'Import and export
 * formats'). Runs only after
 * `JSON.parse` has failed. Iterative (an explicit stack), so deep nesting cannot overflow.
 */
export type JsonProblem = 'unexpected-character' | 'unexpected-end';

export interface JsonSyntaxError {
  /** 1-based line and column of the first character that cannot be JSON there. */
  line: number;
  column: number;
  problem: JsonProblem;
}

type State = 'value' | 'value-or-close' | 'key-or-close' | 'key' | 'colon' | 'comma-or-close' | 'end';

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERAL = /true|false|null/y;
const ESCAPE = /\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/y;

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

/** The offset just past the string starting at `start` (a `"`), or the offset of its fault as a negative `-(offset + 1)`. */
function scanString(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 0x22) return i + 1;
    if (c < 0x20) return -(i + 1);
    if (c === 0x5c) {
      ESCAPE.lastIndex = i;
      if (!ESCAPE.test(text)) return -(Math.min(i + 1, text.length) + 1);
      i = ESCAPE.lastIndex;
    } else i++;
  }
  return -(text.length + 1);
}

function firstFault(text: string): { offset: number } | null {
  const stack: ('{' | '[')[] = [];
  let state: State = 'value';
  let i = 0;
  const afterValue = (): State => (stack.length === 0 ? 'end' : 'comma-or-close');
  const matchAt = (pattern: RegExp): boolean => {
    pattern.lastIndex = i;
    if (!pattern.test(text)) return false;
    i = pattern.lastIndex;
    return true;
  };
  for (;;) {
    while (i < text.length && isSpace(text.charCodeAt(i))) i++;
    if (state === 'end') return i < text.length ? { offset: i } : null;
    if (i >= text.length) return { offset: text.length };
    const c = text[i];
    if (state === 'value' || state === 'value-or-close') {
      if (state === 'value-or-close' && c === ']') {
        stack.pop();
        i++;
        state = afterValue();
      } else if (c === '{' || c === '[') {
        stack.push(c);
        i++;
        state = c === '{' ? 'key-or-close' : 'value-or-close';
      } else if (c === '"') {
        const end = scanString(text, i);
        if (end < 0) return { offset: -end - 1 };
        i = end;
        state = afterValue();
      } else if (matchAt(NUMBER) || matchAt(LITERAL)) {
        state = afterValue();
      } else return { offset: i };
    } else if (state === 'key-or-close' || state === 'key') {
      if (state === 'key-or-close' && c === '}') {
        stack.pop();
        i++;
        state = afterValue();
      } else if (c === '"') {
        const end = scanString(text, i);
        if (end < 0) return { offset: -end - 1 };
        i = end;
        state = 'colon';
      } else return { offset: i };
    } else if (state === 'colon') {
      if (c !== ':') return { offset: i };
      i++;
      state = 'value';
    } else {
      const open = stack.at(-1);
      if (c === ',') {
        i++;
        state = open === '{' ? 'key' : 'value';
      } else if ((open === '{' && c === '}') || (open === '[' && c === ']')) {
        stack.pop();
        i++;
        state = afterValue();
      } else return { offset: i };
    }
  }
}

/** The first fault of text that `JSON.parse` refused; null when this scanner finds none (it then says only "not JSON"). */
export function locateJsonError(text: string): JsonSyntaxError | null {
  const fault = firstFault(text);
  if (!fault) return null;
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < fault.offset; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) {
      line++;
      lineStart = i + 1;
    }
  }
  return {
    line,
    column: fault.offset - lineStart + 1,
    problem: fault.offset >= text.length ? 'unexpected-end' : 'unexpected-character',
  };
}
