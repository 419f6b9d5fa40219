import cliProgress from "cli-progress";

export interface ProgressReporter {
  update(stage: string, done: number, total: number): void;
  /** A step with no count (loading or downloading the model): shown in place until the next bar. */
  status(text: string): void;
  stop(): void;
}

/** Clears the current terminal line and returns to its start. */
const CLEAR_LINE = "\r\x1b[2K";

/**
 * A progress bar on stderr when it is a terminal; silent otherwise (CI, pipes, tests). Each stage
 * gets a fresh bar, so the time left is estimated from that stage's own pace. Nothing stays on
 * screen once the work is done.
 */
export function createProgress(stream: NodeJS.WriteStream = process.stderr): ProgressReporter {
  if (!stream.isTTY) return { update() {}, status() {}, stop() {} };
  const bar = new cliProgress.SingleBar(
    { stream, format: " {stage} |{bar}| {value}/{total} · {eta_formatted} left", hideCursor: true, clearOnComplete: true, etaBuffer: 20 },
    cliProgress.Presets.shades_classic,
  );
  let currentStage: string | null = null;
  let statusShown = false;
  const stopBar = () => {
    if (currentStage !== null) bar.stop();
    currentStage = null;
  };
  return {
    update(stage, done, total) {
      if (stage !== currentStage) {
        stopBar();
        bar.start(total, done, { stage: stage.padEnd(8) }); // draws over a status line
        currentStage = stage;
        statusShown = false;
      }
      bar.update(done, { stage: stage.padEnd(8) });
    },
    status(text) {
      stopBar();
      stream.write(`${CLEAR_LINE} ${text}`);
      statusShown = true;
    },
    stop() {
      stopBar();
      if (statusShown) stream.write(CLEAR_LINE);
      statusShown = false;
    },
  };
}
