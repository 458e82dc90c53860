/**
 * Playwright's own way to keep a call out of the suite's traces and reports (what its
 * screenshots-on-failure use). The helper's housekeeping (status reads ten times a second, the
 * cookies of a kept sign-in, the WebAuthn setup) would otherwise bury the test's own steps, or
 * put sign-in sessions in a trace. Not public API: where a Playwright lacks it, the call is
 * simply a recorded step, so whatever must never be recorded asks hasUntracedCalls() first
 * (reuseSignIn turns itself off) or travels sealed instead (vault-setup.ts).
 */
interface InternalCalls {
  _wrapApiCall?<T>(call: () => Promise<T>, options: { internal: boolean }): Promise<T>;
}

/** Whether Playwright can keep `owner`'s calls out of traces (see above). */
export function hasUntracedCalls(owner: object): boolean {
  return typeof (owner as InternalCalls)._wrapApiCall === 'function';
}

/** Runs `call` as an internal call of `owner` (a context, page or worker) where Playwright allows it. */
export function internally<T>(owner: object, call: () => Promise<T>): Promise<T> {
  const wrap = (owner as InternalCalls)._wrapApiCall;
  return typeof wrap === 'function' ? (wrap.call(owner, call, { internal: true }) as Promise<T>) : call();
}
