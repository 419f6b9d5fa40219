/**
 * A pool of page workers (page-worker.ts) for a full build. Batches are handed out round-robin and
 * their results come back as promises, which the build awaits in page order, so ids and files are
 * exactly those of a build on one thread.
 */
import type { Worker } from "node:worker_threads";
import type { SeedFile } from "../ingest/index.js";
import type { ProcessedBatch } from "./page-batch.js";
import type { PageWorkerData } from "./page-worker.js";
import { spawnWorker } from "../worker-thread.js";

export interface PagePool {
  process(files: SeedFile[]): Promise<ProcessedBatch>;
  close(): Promise<void>;
}

function startWorker(data: PageWorkerData): Worker {
  return spawnWorker(new URL("./page-worker.ts", import.meta.url), { workerData: data });
}

type Waiting = { resolve: (batch: ProcessedBatch) => void; reject: (err: Error) => void };

/** Starts `size` workers and waits until each has loaded its model. */
export async function startPagePool(size: number, data: PageWorkerData): Promise<PagePool> {
  const waiting = new Map<number, Waiting>();
  const failAll = (err: Error) => {
    for (const w of waiting.values()) w.reject(err);
    waiting.clear();
  };
  const workers = await Promise.all(
    Array.from({ length: size }, () => {
      const worker = startWorker(data);
      return new Promise<Worker>((resolve, reject) => {
        worker.once("error", reject);
        worker.on("message", (m: { ready?: boolean; id?: number; batch?: ProcessedBatch; error?: string }) => {
          if (m.ready) return resolve(worker);
          const w = waiting.get(m.id!);
          waiting.delete(m.id!);
          if (m.error !== undefined) w?.reject(new Error(`page worker: ${m.error}`));
          else w?.resolve(m.batch!);
        });
        worker.on("error", (err) => failAll(err));
        worker.on("exit", (code) => code !== 0 && failAll(new Error(`a page worker exited with code ${code}`)));
      });
    }),
  );
  let next = 0;
  return {
    process(files) {
      const id = next++;
      return new Promise<ProcessedBatch>((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        workers[id % workers.length]!.postMessage({ id, files });
      });
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
