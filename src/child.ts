/**
 * Child processes for work that loads native addons or reads untrusted files: build page workers
 * and the bounded reader. They were worker threads, but a worker thread shares the process — when
 * one was torn down with onnxruntime's threads still running, the whole process aborted now and
 * then (`free(): invalid pointer`, seen in about one threaded build in six), and a worker's heap
 * cap is best-effort: some allocations abort the process instead of ending the worker (Node's
 * worker_threads documentation). A child that crashes takes nothing else with it.
 *
 * Messages go over the IPC channel with the "advanced" serialization (structured clone), so typed
 * arrays arrive as typed arrays.
 */
import { fork, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";

export interface ChildOptions {
  /** Node flags for the child, e.g. `--max-old-space-size=768`. */
  nodeFlags?: string[];
  /** Pipe the child's stderr to the parent (`child.stderr`) instead of dropping it. */
  stderr?: boolean;
}

/**
 * Starts `module` (a `.ts` URL next to the caller) in a child process. Run from the TypeScript
 * source (tsx, as npm start, npm run cli and the tests do), the child gets tsx's loader; compiled
 * code starts the module's `.js` twin.
 */
export function spawnChild(module: URL, options: ChildOptions = {}): ChildProcess {
  const fromSource = module.href.endsWith(".ts") && import.meta.url.endsWith(".ts");
  const entry = fromSource ? module : new URL(module.href.replace(/\.ts$/, ".js"));
  const loader = fromSource ? ["--import", import.meta.resolve("tsx")] : [];
  return fork(fileURLToPath(entry), [], {
    execArgv: [...loader, ...(options.nodeFlags ?? [])],
    serialization: "advanced",
    // stdout is dropped: pdf.js and onnxruntime warnings stay out of the bot's output.
    stdio: ["ignore", "ignore", options.stderr ? "pipe" : "ignore", "ipc"],
  });
}

/**
 * Ends a child: closes its channel (the child exits on `disconnect`, see `onParentGone`) and kills
 * it if it has not exited within `graceMs`. Resolves once it has exited.
 */
export function stopChild(child: ChildProcess, graceMs = 2_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    if (child.connected) child.disconnect();
    else child.kill("SIGKILL");
  });
}

/** In a child: exit as soon as the parent closes the channel or goes away. */
export function onParentGone(): void {
  process.once("disconnect", () => process.exit(0));
}

/** In a child: the first message from the parent (its start-up data). */
export function firstMessage<T>(): Promise<T> {
  return new Promise((resolve) => process.once("message", (m) => resolve(m as T)));
}

/** In a child: sends `message` to the parent. */
export function toParent(message: unknown): void {
  process.send!(message);
}
