/** What every reply to an extension page looks like, and how an area's requests are typed from its validators. */
import type { Problem } from '../problems';
import type { Infer, Validator } from './validate';

/**
 * `problem` is what the pages show, translated (lib/problems.ts); `error` is the same in English
 * for logs and the QA helper, and what a page shows only for a failure that has no problem code
 * yet. `field` names the form field the failure is about.
 */
export type Failure = { ok: false; error: string; problem?: Problem; field?: string };
export type Ok<T = object> = { ok: true } & T;
export type Reply<T = object> = Ok<T> | Failure;

/** An area's requests, keyed by message type: each a validator of the message's other fields. */
export type RequestValidators = Record<string, Validator<unknown>>;

/** The union of an area's messages, `{ type, ...payload }`, derived from its validators. */
export type RequestsOf<V extends RequestValidators> = {
  [K in keyof V & string]: { type: K } & Infer<V[K]>;
}[keyof V & string];
