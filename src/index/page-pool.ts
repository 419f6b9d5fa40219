/**
 * A pool of page workers (page-worker.ts, each a child process) for a full build. Batches are handed
 * out round-robin and their results come back as promises, which the build awaits in page order, so
 * ids and files are exactly those of a build on one thread.
 */
import type { ChildProcess } from "node:child_process";
import { spawnChild, stopChild } from "../child.js";
import type { SeedFile } from "../ingest/index.js";
import type { ProcessedBatch } from "./page-batch.js";
import type { PageWorkerData, PageWorkerMessage } from "./page-worker.js";

export interface PagePool {
  process(files: SeedFile[]): Promise<ProcessedBatch>;
  close(): Promise<void>;
}

type Waiting = { resolve: (batch: ProcessedBatch) => void; reject: (err: Error) => void };

/** Starts `size` workers and waits until each has loaded its model. */
export async function startPagePool(size: number, data: PageWorkerData): Promise<PagePool> {
  const waiting = new Map<number, Waiting>();
  let closing = false;
  const failAll = (err: Error) => {
    for (const w of waiting.values()) w.reject(err);
    waiting.clear();
  };
  const children: ChildProcess[] = [];
  const started = Array.from({ length: size }, () => {
    const child = spawnChild(new URL("./page-worker.ts", import.meta.url));
    children.push(child);
    return new Promise<void>((resolve, reject) => {
      child.on("message", (m: PageWorkerMessage) => {
        if ("ready" in m) return resolve();
        const w = waiting.get(m.id);
        waiting.delete(m.id);
        if ("error" in m) w?.reject(new Error(`page worker: ${m.error}`));
        else w?.resolve(m.batch);
      });
      child.on("error", (err) => (reject(err), failAll(err)));
      child.on("exit", (code, signal) => {
        if (closing) return;
        const err = new Error(`a page worker exited (${signal ?? `code ${code}`})`);
        reject(err);
        failAll(err);
      });
      child.send(data);
    });
  });
  try {
    await Promise.all(started);
  } catch (err) {
    closing = true;
    await Promise.all(children.map((c) => stopChild(c)));
    throw err;
  }
  let next = 0;
  return {
    process(files) {
      const id = next++;
      return new Promise<ProcessedBatch>((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        children[id % children.length]!.send({ id, files });
      });
    },
    async close() {
      closing = true;
      await Promise.all(children.map((c) => stopChild(c)));
    },
  };
}
