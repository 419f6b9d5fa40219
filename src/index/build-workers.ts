import os from "node:os";

/*
 * BUILD_WORKERS=auto: how many page workers a build starts, from its size and how busy the machine is.
 */

/** Pages below which "auto" builds on one thread: starting a worker (its tsx, jieba, model) costs about 0.7 CPU s. */
const AUTO_WORKERS_MIN_PAGES = 64;
/** More workers than this would wait on the main thread's inserts. */
const AUTO_WORKERS_MAX = 4;

/** Whether a build is big enough for workers to pay for their start. */
const bigEnough = (pages: number, pagesPerBatch: number) => pages >= Math.max(AUTO_WORKERS_MIN_PAGES, 2 * pagesPerBatch);

/** The cores and how busy they are, for BUILD_WORKERS=auto. */
export interface MachineLoad {
  cores: number;
  /** How many cores' worth of work is running (busy cores now, or the one-minute load average). */
  load: number;
}

/**
 * Busy cores right now, from the CPU counters over a short window while this process waits. The
 * one-minute load average still counts work that ended up to a minute ago (an `npm ci`, a test
 * run), which kept an idle machine's build on one thread.
 */
async function sampleMachineLoad(windowMs = 250): Promise<MachineLoad> {
  const ticks = () => os.cpus().reduce((t, c) => ({ idle: t.idle + c.times.idle, all: t.all + c.times.user + c.times.nice + c.times.sys + c.times.irq + c.times.idle }), { idle: 0, all: 0 });
  const before = ticks();
  await new Promise((resolve) => setTimeout(resolve, windowMs));
  const after = ticks();
  const cores = os.availableParallelism();
  const all = after.all - before.all;
  if (all <= 0) return { cores, load: os.loadavg()[0] ?? 0 };
  return { cores, load: cores * (1 - (after.idle - before.idle) / all) };
}

/**
 * BUILD_WORKERS resolved for one build. "auto" uses a worker per core when at least half the cores
 * are idle (`machineLoadFor` samples the busy cores just before the build): 112,305 passages took
 * ≈ 57 s of wall clock on 2 idle cores with 2 workers against ≈ 76 s on one thread (per-thread CPU), but with two other busy processes on those cores the
 * workers' extra CPU made them slower (110.5 s against 89.7 s measured). docs/scale.md.
 */
export function workerCount(
  setting: number | "auto",
  pages: number,
  pagesPerBatch: number,
  machine: MachineLoad = { cores: os.availableParallelism(), load: os.loadavg()[0] ?? 0 },
): number {
  if (setting !== "auto") return setting;
  if (!bigEnough(pages, pagesPerBatch)) return 0;
  if (machine.cores < 2 || machine.load >= machine.cores / 2) return 0;
  return Math.min(machine.cores, AUTO_WORKERS_MAX);
}

/** The load `workerCount` weighs: sampled only when "auto" could start workers (a small build skips the wait). */
export async function machineLoadFor(setting: number | "auto", pages: number, pagesPerBatch: number): Promise<MachineLoad | undefined> {
  return setting === "auto" && bigEnough(pages, pagesPerBatch) ? sampleMachineLoad() : undefined;
}
