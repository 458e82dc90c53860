/** What every reply to an extension page looks like, and how an area's requests are typed from its validators. */
import type { Failure } from '../problems';
import type { Infer, Validator } from './validate';

/** A failed reply is a `Failure` (lib/problems.ts): a problem code the page words, never a sentence. */
export type { Failure };
export type Ok<T = object> = { ok: true } & T;
export type Reply<T = object> = Ok<T> | Failure;

/** An area's requests, keyed by message type: each a validator of the message's other fields. */
export type RequestValidators = Record<string, Validator<unknown>>;

/** The union of an area's messages, `{ type, ...payload }`, derived from its validators. */
export type RequestsOf<V extends RequestValidators> = {
  [K in keyof V & string]: { type: K } & Infer<V[K]>;
}[keyof V & string];
