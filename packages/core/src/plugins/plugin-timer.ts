/**
 * The host's clock for plugin time budgets, injected so that tests (and hosts with their own scheduler) control
 * it. It is used for nothing else: no result of the toolkit depends on it.
 */
export interface PluginTimer {
  /** Milliseconds on a monotonic clock, to measure how long a synchronous call took. */
  now(): number;
  /** Calls `callback` once after `ms` milliseconds; the returned function cancels it. */
  after(ms: number, callback: () => void): () => void;
}

/** The default {@link PluginTimer}: `performance.now()` and `setTimeout`. */
export const systemTimer: PluginTimer = {
  now: () => performance.now(),
  after: (ms, callback) => {
    const t = setTimeout(callback, ms);
    return () => clearTimeout(t);
  },
};
