import cliProgress from "cli-progress";

export interface ProgressReporter {
  update(stage: string, done: number, total: number): void;
  stop(): void;
}

/**
 * Time left at the rate so far, "ETA 1h 05m", "ETA 3m 20s", "ETA 12s"; empty until there is a
 * rate to go by (nothing done yet, or under a second elapsed).
 */
export function describeEta(done: number, total: number, elapsedMs: number): string {
  if (done <= 0 || elapsedMs < 1000 || total <= done) return done >= total && total > 0 ? "done" : "";
  const left = Math.round(((total - done) * elapsedMs) / done / 1000);
  const h = Math.floor(left / 3600);
  const m = Math.floor((left % 3600) / 60);
  const s = left % 60;
  if (h) return `ETA ${h}h ${String(m).padStart(2, "0")}m`;
  return m ? `ETA ${m}m ${String(s).padStart(2, "0")}s` : `ETA ${s}s`;
}

/** A progress bar with an ETA on stderr when it is a terminal; silent otherwise (CI, pipes, tests). */
export function createProgress(stream: NodeJS.WriteStream = process.stderr, now: () => number = () => performance.now()): ProgressReporter {
  if (!stream.isTTY) return { update() {}, stop() {} };
  const bar = new cliProgress.SingleBar(
    { stream, format: " {stage} |{bar}| {value}/{total} {eta}", hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  let currentStage = "";
  // Each stage has its own rate (pages, embedding batches), so the ETA restarts with the stage.
  let stageStart = 0;
  return {
    update(stage, done, total) {
      if (!started || stage !== currentStage) stageStart = now();
      const payload = { stage: stage.padEnd(8), eta: describeEta(done, total, now() - stageStart) };
      if (!started) {
        bar.start(total, done, payload);
        started = true;
      } else if (stage !== currentStage) {
        bar.setTotal(total);
      }
      currentStage = stage;
      bar.update(done, payload);
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
