import { type JsonSyntaxError, locateJsonError } from './json-syntax';

/** Narrowing helpers for JSON read from a file: nothing in it has the type it claims. */
export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function stringOf(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** A number or numeric text as `AccountInput` takes it; anything else as undefined, so the default applies. */
export function numberish(value: unknown): number | string | undefined {
  return typeof value === 'number' || typeof value === 'string' ? value : undefined;
}

/**
 * JSON.parse for file content. On failure, where the text stops being JSON, never the
 * engine's message: V8's quotes the text around the fault, which may be a secret.
 */
export function parseJson(text: string): { ok: true; value: unknown } | { ok: false; at: JsonSyntaxError | null } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, at: locateJsonError(text) };
  }
}
