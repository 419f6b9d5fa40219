/**
 * Starts a worker thread from a module next to the caller. Run from the TypeScript source (tsx, as
 * npm start, npm run cli and the tests do), a worker needs tsx's loader too: it does not inherit
 * the one tsx registered in this thread, so a small bootstrap registers it before importing the module.
 */
import { Worker, type WorkerOptions } from "node:worker_threads";

/** `module` is the worker's `.ts` URL; its `.js` twin is used when running compiled code. */
export function spawnWorker(module: URL, options: WorkerOptions = {}): Worker {
  const fromSource = module.href.endsWith(".ts") && import.meta.url.endsWith(".ts");
  if (!fromSource) return new Worker(new URL(module.href.replace(/\.ts$/, ".js")), options);
  const api = import.meta.resolve("tsx/esm/api");
  const boot = `import(${JSON.stringify(api)}).then(({ register }) => { register(); return import(${JSON.stringify(module.href)}); })`;
  return new Worker(boot, { ...options, eval: true });
}
