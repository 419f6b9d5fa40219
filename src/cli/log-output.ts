import { createRequire } from "node:module";

/** The JSON line → readable line formatter of pino-pretty. */
type Prettify = (line: string) => string;

/**
 * Where the command line's log lines go. pino writes one JSON line per call to `write`; on a
 * terminal they are shown as readable lines, anywhere else (pipes, files, journald) they stay JSON.
 * `hold()` keeps them back while the terminal chat owns the screen, so no log line lands between
 * its prompts; `release()` prints what was held and lets later lines through.
 */
export interface LogOutput {
  write(line: string): boolean;
  hold(): void;
  release(): void;
}

export interface LogOutputOptions {
  /** Readable lines instead of JSON. Default: whether `stream` is a terminal. */
  pretty?: boolean;
  /** Lines kept while held; older ones are dropped (and counted) beyond it. Default 1000. */
  maxHeld?: number;
}

/** A log output on `stream` (default stderr): readable on a terminal, JSON otherwise. */
export function createLogOutput(stream: NodeJS.WritableStream = process.stderr, options: LogOutputOptions = {}): LogOutput {
  const pretty = options.pretty ?? Boolean((stream as NodeJS.WriteStream).isTTY);
  const maxHeld = options.maxHeld ?? 1000;
  const format = pretty ? prettifier((stream as NodeJS.WriteStream).hasColors?.() ?? false) : (line: string) => line;
  let held: string[] | null = null;
  let dropped = 0;
  return {
    write(line) {
      if (!held) return stream.write(format(line));
      held.push(line);
      if (held.length > maxHeld) {
        held.shift();
        dropped++;
      }
      return true;
    },
    hold() {
      held ??= [];
    },
    release() {
      const lines = held ?? [];
      held = null;
      if (dropped) stream.write(`(${dropped} earlier log lines were dropped while the chat ran)\n`);
      dropped = 0;
      for (const line of lines) stream.write(format(line));
    },
  };
}

/**
 * pino-pretty's formatter, loaded only when logs go to a terminal (servers and pipes never pay
 * for it). In-process rather than pino's worker-thread transport: no extra thread at start-up,
 * and a line written just before exit is not lost.
 */
function prettifier(colorize: boolean): Prettify {
  const require = createRequire(import.meta.url);
  const { prettyFactory } = require("pino-pretty") as typeof import("pino-pretty");
  // One line per entry: errors too, instead of pino-pretty's indented block.
  return prettyFactory({ colorize, singleLine: true, translateTime: "SYS:HH:MM:ss", errorLikeObjectKeys: [] });
}
