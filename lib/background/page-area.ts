/** One area of what extension pages may ask (vault, accounts, settings, import/export): its validators and handlers. */
import type { RequestValidators } from '../protocol/common';
import type { Infer } from '../protocol/validate';
import type { BackgroundContext } from './context';

/** A handler per request type of the area, each given the request its validator accepted. */
export type HandlerTable<V extends RequestValidators, R extends { [K in keyof V]: unknown }> = {
  [K in keyof V & string]: (request: { type: K } & Infer<V[K]>, ctx: BackgroundContext) => Promise<R[K]>;
};

export interface PageArea {
  requests: RequestValidators;
  // biome-ignore lint/suspicious/noExplicitAny: each handler's request type is checked by pageArea() below.
  handlers: Record<string, (request: any, ctx: BackgroundContext) => Promise<unknown>>;
}

/** Pairs an area's validators with a handler for every one of them (the compiler checks none is missing). */
export function pageArea<V extends RequestValidators, R extends { [K in keyof V]: unknown }>(
  requests: V,
  handlers: HandlerTable<V, R>,
): PageArea {
  return { requests, handlers };
}
