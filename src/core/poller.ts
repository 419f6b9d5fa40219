/**
 * A job run now and then, never twice at once: the inbox every few seconds, the feeds every
 * FEED_MINUTES. A timer, not fs.watch (see inbox/watch.ts); a failed run is reported and the next
 * one comes on time.
 */
export interface Poller<T> {
  /** Runs the job now (after a run in progress); resolves with its result. */
  run(): Promise<T>;
  /** Stops the timer; resolves once a run in progress has finished. */
  close(): Promise<void>;
}

export interface PollerOptions {
  /** Between the end of one run and the next, in ms; 0: only `run()` runs it. */
  intervalMs: number;
  /** Before the first run, in ms. Default `intervalMs`. */
  firstDelayMs?: number;
  /** Called when a run throws. */
  onError: (err: unknown) => void;
}

export function startPoller<T>(job: () => Promise<T>, options: PollerOptions): Poller<T> {
  let running: Promise<T | null> = Promise.resolve(null);
  let timer: NodeJS.Timeout | null = null;
  let closed = false;
  const run = (): Promise<T> => {
    const next = running.then(job, job);
    running = next.catch(() => null);
    return next;
  };
  const schedule = (delay: number) => {
    if (closed || options.intervalMs <= 0) return;
    timer = setTimeout(() => {
      run()
        .catch(options.onError)
        .finally(() => schedule(options.intervalMs));
    }, delay);
  };
  schedule(options.firstDelayMs ?? options.intervalMs);
  return {
    run,
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
