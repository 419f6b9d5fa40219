import cliProgress from "cli-progress";

export interface ProgressReporter {
  update(stage: string, done: number, total: number): void;
  stop(): void;
}

/** A progress bar on stderr when it is a terminal; silent otherwise (CI, pipes, tests). */
export function createProgress(stream: NodeJS.WriteStream = process.stderr): ProgressReporter {
  if (!stream.isTTY) return { update() {}, stop() {} };
  const bar = new cliProgress.SingleBar(
    { stream, format: " {stage} |{bar}| {value}/{total}", hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  let currentStage = "";
  return {
    update(stage, done, total) {
      if (!started) {
        bar.start(total, done, { stage: stage.padEnd(8) });
        started = true;
      } else if (stage !== currentStage) {
        bar.setTotal(total);
      }
      currentStage = stage;
      bar.update(done, { stage: stage.padEnd(8) });
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
