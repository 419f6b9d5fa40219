/**
 * CPU time per thread of this process and its child processes (a build's page workers), from /proc
 * (Linux; elsewhere nothing is measured). On a
 * shared machine the wall clock of a multi-threaded build says little; per-thread CPU says what an
 * idle machine would take: the longest thread, or all the CPU spread over the cores.
 */
import { readdirSync, readFileSync } from "node:fs";
import os from "node:os";

/** Kernel clock ticks per second in /proc/<pid>/task/<tid>/stat (USER_HZ, 100 on Linux). */
const TICKS_PER_S = 100;

/** The thread ids of process `pid` ("self" for this one). */
function tasksOf(pid: number | "self"): string[] {
  try {
    return readdirSync(`/proc/${pid}/task`);
  } catch {
    return [];
  }
}

/** This process and its descendants, by pid. */
function processTree(): (number | "self")[] {
  const out: (number | "self")[] = [];
  const visit = (pid: number | "self") => {
    out.push(pid);
    for (const tid of tasksOf(pid)) {
      try {
        for (const child of readFileSync(`/proc/${pid}/task/${tid}/children`, "utf8").split(" ").filter(Boolean)) visit(Number(child));
      } catch {
        // No children file (older kernels) or the thread ended.
      }
    }
  };
  visit("self");
  return out;
}

/** CPU seconds (user + system) and name of each live thread of this process and its children, by thread id. */
export function threadCpu(): Map<number, { name: string; seconds: number }> {
  const out = new Map<number, { name: string; seconds: number }>();
  for (const pid of processTree()) {
    for (const tid of tasksOf(pid)) {
      try {
        const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, "utf8");
        // Fields after the parenthesised name: state is field 3, utime 14, stime 15.
        const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
        const name = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
        out.set(Number(tid), { name, seconds: (Number(fields[11]) + Number(fields[12])) / TICKS_PER_S });
      } catch {
        // The thread ended between listing and reading.
      }
    }
  }
  return out;
}

/** Follows threads through a run: call `sample` now and then (threads that end, and page workers that exit, keep their last reading). */
export class ThreadCpuTracker {
  private readonly start = threadCpu();
  private readonly last = new Map<number, { name: string; seconds: number }>();

  sample(): void {
    for (const [tid, thread] of threadCpu()) this.last.set(tid, thread);
  }

  /**
   * CPU seconds since the tracker started: the main thread, the busiest other thread, all threads,
   * and the busiest threads by name ("node" is the main thread; workers, V8 and libuv helpers, onnxruntime).
   */
  report(): { mainS: number; busiestOtherS: number; totalS: number; top: string } {
    this.sample();
    const used = [...this.last].map(([tid, t]) => ({ tid, name: t.name, s: t.seconds - (this.start.get(tid)?.seconds ?? 0) }));
    const mainS = used.find((t) => t.tid === process.pid)?.s ?? 0;
    const others = used.filter((t) => t.tid !== process.pid).map((t) => t.s);
    const top = used.sort((a, b) => b.s - a.s).slice(0, 6).map((t) => `${t.name} ${t.s.toFixed(1)}`).join(", ");
    return { mainS, busiestOtherS: Math.max(0, ...others), totalS: mainS + others.reduce((a, b) => a + b, 0), top };
  }
}

/** Wall seconds the measured work would take with `cores` idle cores: the longest thread, or the CPU spread evenly. */
export function idleEstimate(r: { mainS: number; busiestOtherS: number; totalS: number }, cores = os.availableParallelism()): number {
  return Math.max(r.mainS, r.busiestOtherS, r.totalS / cores);
}
