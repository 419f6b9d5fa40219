import cliProgress from "cli-progress";

export interface ProgressReporter {
  update(stage: string, done: number, total: number): void;
  stop(): void;
}

/**
 * A progress bar on stderr when it is a terminal; silent otherwise (CI, pipes, tests). Each stage
 * gets a fresh bar, so the time left is estimated from that stage's own pace.
 */
export function createProgress(stream: NodeJS.WriteStream = process.stderr): ProgressReporter {
  if (!stream.isTTY) return { update() {}, stop() {} };
  const bar = new cliProgress.SingleBar(
    { stream, format: " {stage} |{bar}| {value}/{total} · {eta_formatted} left", hideCursor: true, clearOnComplete: true, etaBuffer: 20 },
    cliProgress.Presets.shades_classic,
  );
  let currentStage: string | null = null;
  return {
    update(stage, done, total) {
      if (stage !== currentStage) {
        if (currentStage !== null) bar.stop();
        bar.start(total, done, { stage: stage.padEnd(8) });
        currentStage = stage;
      }
      bar.update(done, { stage: stage.padEnd(8) });
    },
    stop() {
      if (currentStage !== null) bar.stop();
      currentStage = null;
    },
  };
}
