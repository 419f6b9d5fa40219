import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { openQaService } from "../../src/core/service.js";
import { startIndexWatcher, watchIndex } from "../../src/core/watch.js";
import { createLogger } from "../../src/log.js";
import { ROOT } from "../helpers/fixture-index.js";
import { privateFixture, runIndexCli, until } from "../index/cli-process.js";

/** An INDEX_DIR with two empty builds; `swap` points `current` at one the way BuildWriter does (rename over). */
function fakeIndexDir() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "qa-watch-"));
  for (const id of ["a", "b"]) fs.mkdirSync(path.join(dir, "builds", id), { recursive: true });
  return {
    dir,
    swap(id: string) {
      fs.symlinkSync(path.join("builds", id), path.join(dir, "current.tmp"));
      fs.renameSync(path.join(dir, "current.tmp"), path.join(dir, "current"));
    },
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("watchIndex", () => {
  it("calls onChange once per swap of the live build, and never after close()", async () => {
    const index = fakeIndexDir();
    index.swap("a");
    let calls = 0;
    const watcher = watchIndex(index.dir, async () => void calls++, { intervalMs: 10 });
    await sleep(80);
    expect(calls).toBe(0);
    index.swap("b");
    await until(() => calls === 1, "the first change");
    await sleep(80);
    expect(calls).toBe(1);
    index.swap("a");
    await until(() => calls === 2, "the second change");
    watcher.close();
    index.swap("b");
    await sleep(80);
    expect(calls).toBe(2);
  });

  it("fires when the first build appears, and retries a failed reload, reporting it once", async () => {
    const index = fakeIndexDir();
    let calls = 0;
    const errors: unknown[] = [];
    const watcher = watchIndex(
      index.dir,
      async () => {
        if (++calls < 4) throw new Error("not yet");
      },
      { intervalMs: 10, onError: (err) => errors.push(err) },
    );
    await sleep(50);
    expect(calls).toBe(0);
    index.swap("a");
    await until(() => calls === 4, "the retries");
    await sleep(80);
    expect(calls).toBe(4);
    expect(errors).toHaveLength(1);
    watcher.close();
  });
});

describe("hot reload of a running service", () => {
  it("answers a figure added with `index --add` without a restart, and no question fails meanwhile", async () => {
    const config = await privateFixture();
    const qa = await openQaService(config);
    let logged = "";
    const logger = createLogger("info", new Writable({ write: (chunk, _enc, done) => void ((logged += String(chunk)), done()) }));
    const watcher = startIndexWatcher(qa, config, logger, { intervalMs: 100 });

    const question = "新增城镇就业12345人";
    expect((await qa.answer(question)).answer).not.toContain("12345");
    const page = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "qa-page-")), "005_jobs_update.txt");
    fs.writeFileSync(page, fs.readFileSync(path.join(ROOT, "seeds/003_2a3bfdafac07cb06.txt"), "utf8").replaceAll("10395", "12345"));

    const failures: unknown[] = [];
    let asked = 0;
    let answeredNew = false;
    let stop = false;
    const asking = (async () => {
      while (!stop) {
        try {
          const [figure, jobs] = await Promise.all([qa.answer(question), qa.answer("昌吉州今年新增城镇就业多少人？")]);
          if (!jobs.found) throw new Error(`lost the answer: ${jobs.answer}`);
          if (figure.answer.includes("12345")) answeredNew = true;
          asked++;
        } catch (err) {
          failures.push(err);
        }
        await sleep(5); // let the watcher's timer run between questions
      }
    })();

    const run = await runIndexCli(config, ["--add", page]).done;
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    await until(() => answeredNew, "the new figure to be answered", 10_000);
    stop = true;
    await asking;
    watcher.close();

    expect(failures).toEqual([]);
    expect(asked).toBeGreaterThan(5);
    expect(qa.info().files).toBe(3);
    expect(logged).toContain("index reloaded");
  });
});
