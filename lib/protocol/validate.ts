/**
 * Typed payload validators for messages from extension pages. A message's shape is described
 * once, as a validator; its TypeScript type is derived from that description, so the type the
 * pages send and the check the background runs cannot drift apart.
 */

export type Validator<T> = (value: unknown) => value is T;
/** A field that may be left out of the message. */
export type OptionalValidator<T> = Validator<T | undefined> & { optional: true };

export type Infer<V> = V extends Validator<infer T> ? T : never;

type Fields = Record<string, Validator<unknown>>;
type OptionalKeys<S extends Fields> = { [K in keyof S]: S[K] extends { optional: true } ? K : never }[keyof S];
type Simplify<T> = { [K in keyof T]: T[K] } & {};
export type ShapeOf<S extends Fields> = Simplify<
  { [K in Exclude<keyof S, OptionalKeys<S>>]: Infer<S[K]> } & { [K in OptionalKeys<S>]?: Infer<S[K]> }
>;

export const isString: Validator<string> = (v): v is string => typeof v === 'string';
export const isBoolean: Validator<boolean> = (v): v is boolean => typeof v === 'boolean';
export const isFiniteNumber: Validator<number> = (v): v is number => typeof v === 'number' && Number.isFinite(v);
export const isInteger: Validator<number> = (v): v is number => Number.isSafeInteger(v);

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function oneOf<const V extends readonly (string | number | boolean)[]>(...values: V): Validator<V[number]> {
  return (v): v is V[number] => values.includes(v as V[number]);
}

export function either<A, B>(a: Validator<A>, b: Validator<B>): Validator<A | B> {
  return (v): v is A | B => a(v) || b(v);
}

export function optional<T>(validator: Validator<T>): OptionalValidator<T> {
  return Object.assign((v: unknown): v is T | undefined => v === undefined || validator(v), {
    optional: true as const,
  });
}

/** An object with these fields (others are ignored, and dropped by `pick`). */
export function shape<S extends Fields>(fields: S): Validator<ShapeOf<S>> {
  return (v): v is ShapeOf<S> => isRecord(v) && Object.entries(fields).every(([key, check]) => check(v[key]));
}

/** A plain object whose every value passes `value` (keys are strings, as in JSON). */
export function recordOf<T>(value: Validator<T>): Validator<Record<string, T>> {
  return (v): v is Record<string, T> => isRecord(v) && Object.values(v).every(value);
}
