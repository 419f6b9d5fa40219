import { mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { FIXTURE_DIR, FIXTURE_ONNX_FILE, writeFixtureModel } from "../../scripts/make-fixture-model.js";

const tmp = await mkdtemp(path.join(os.tmpdir(), "fixture-model-"));
afterAll(() => rm(tmp, { recursive: true, force: true }));

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

describe("the tiny-zh fixture model", () => {
  it("is exactly what `npm run fixture:model` generates (regenerate and commit after changing the script)", async () => {
    const written = await writeFixtureModel(tmp);
    expect(await listFiles(tmp)).toEqual([...written].sort());
    expect(await listFiles(FIXTURE_DIR)).toEqual([...written].sort());
    for (const file of written) {
      const [fresh, committed] = await Promise.all([readFile(path.join(tmp, file)), readFile(path.join(FIXTURE_DIR, file))]);
      expect(fresh.equals(committed), `${file} differs from the committed fixture`).toBe(true);
    }
  });

  it("stays small enough to commit", async () => {
    const onnx = await readFile(path.join(FIXTURE_DIR, FIXTURE_ONNX_FILE));
    expect(onnx.byteLength).toBeLessThan(2 * 1024 * 1024);
  });
});
