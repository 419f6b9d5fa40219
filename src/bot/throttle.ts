/**
 * A message that keeps changing (an answer being written) pushed to Telegram at a polite rate:
 * Telegram allows a chat about one message or edit per second, and a reader cannot follow faster
 * anyway. Only the newest text is sent; texts already shown are not sent again.
 */
import { GrammyError } from "grammy";

/** Default minimum time between two edits of the same message. */
export const EDIT_INTERVAL_MS = 1_500;

export interface ThrottleOptions {
  /** Minimum milliseconds between two edits (default 1500). */
  intervalMs?: number;
  /** Called with a failed edit (other than "message is not modified"); the next new text is tried again. */
  onError?: (err: unknown) => void;
}

export interface ThrottledEditor {
  /** The text to show next: edited in now if the interval has passed since the last edit, else when it has. */
  update(text: string): void;
  /** Cancels a pending edit and waits for one in flight; afterwards the caller may edit the message itself. */
  stop(): Promise<void>;
}

/** Telegram's answer to an edit that changes nothing (400 "Bad Request: message is not modified…"). */
export function isNotModified(err: unknown): boolean {
  return err instanceof GrammyError && err.error_code === 400 && /message is not modified/i.test(err.description);
}

/**
 * Wraps `edit` (one editMessageText of a message that already shows `initial`, just sent) so that
 * edits never overlap, come at most once per `intervalMs`, and only when the text changed.
 */
export function createThrottledEditor(edit: (text: string) => Promise<unknown>, initial: string, options: ThrottleOptions = {}): ThrottledEditor {
  const interval = options.intervalMs ?? EDIT_INTERVAL_MS;
  let shown = initial;
  let latest = initial;
  let failed: string | null = null; // not retried by itself: a dead message should not be hammered
  let last = Date.now(); // sending the message counts as the first change
  let timer: NodeJS.Timeout | null = null;
  let inFlight: Promise<void> | null = null;
  let stopped = false;

  const flush = () => {
    timer = null;
    if (stopped || inFlight || latest === shown) return;
    const text = latest;
    last = Date.now();
    inFlight = edit(text)
      .then(
        () => void (shown = text),
        (err: unknown) => {
          if (isNotModified(err)) shown = text; // already showing it: nothing lost
          else {
            failed = text;
            options.onError?.(err);
          }
        },
      )
      .finally(() => {
        inFlight = null;
        schedule(); // text that arrived meanwhile
      });
  };
  const schedule = () => {
    if (stopped || timer || inFlight || latest === shown || latest === failed) return;
    const wait = last + interval - Date.now();
    if (wait <= 0) flush();
    else timer = setTimeout(flush, wait);
  };

  return {
    update(text) {
      latest = text;
      schedule();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await inFlight;
    },
  };
}
