import { createHash } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { QaError } from "../../src/errors.js";
import { readSeedFiles } from "../../src/ingest/index.js";
import { SEEDS_DIR } from "./fixtures.js";

const made: string[] = [];
async function folder(files: Record<string, string | Buffer>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "seeds-"));
  made.push(dir);
  for (const [name, body] of Object.entries(files)) await writeFile(path.join(dir, name), body);
  return dir;
}
afterEach(async () => {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function failure(dir: string): Promise<QaError> {
  const err = await readSeedFiles(dir).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(QaError);
  return err as QaError;
}

describe("readSeedFiles", () => {
  it("reads the real seeds sorted by name, with size and sha256 of the raw bytes", async () => {
    const { files, warnings } = await readSeedFiles(SEEDS_DIR);
    expect(files.map((f) => f.name.slice(0, 3))).toEqual(["000", "001", "002", "003", "004"]);
    expect(warnings).toEqual([]);
    for (const f of files) {
      const bytes = Buffer.from(f.text, "utf8");
      expect(f.bytes).toBe(bytes.length);
      expect(f.sha256).toBe(createHash("sha256").update(bytes).digest("hex"));
    }
  });

  it("ignores files that are not .txt and strips a BOM and CRLF", async () => {
    const dir = await folder({ "b.txt": "\uFEFF第二页\r\n正文", "a.txt": "第一页", "notes.md": "# not a page" });
    const { files } = await readSeedFiles(dir);
    expect(files.map((f) => f.name)).toEqual(["a.txt", "b.txt"]);
    expect(files[1]!.text).toBe("第二页\n正文");
  });

  it("throws SEEDS_MISSING for a folder that does not exist, naming it", async () => {
    const dir = path.join(tmpdir(), "no-such-seeds-folder-4405");
    const err = await failure(dir);
    expect(err.code).toBe("SEEDS_MISSING");
    expect(err.message).toContain(dir);
    expect(err.hint).toMatch(/SEEDS_DIR/);
  });

  it("throws SEEDS_EMPTY for a folder without .txt pages", async () => {
    const err = await failure(await folder({ "readme.md": "nothing here" }));
    expect(err.code).toBe("SEEDS_EMPTY");
    expect(err.hint).toMatch(/\.txt/);
  });

  it("skips a binary, an empty and an undecodable file with one warning each; reads a GBK one", async () => {
    const dir = await folder({
      "000_good.txt": "本报讯 记者许乐报道：正文。",
      "001_binary.txt": Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]),
      "002_empty.txt": "",
      "003_garbage.txt": Buffer.from([0xff, 0xff, 0xff, 0x80]),
      "004_gbk.txt": Buffer.from([0xc4, 0xe3, 0xba, 0xc3]),
    });
    const { files, warnings } = await readSeedFiles(dir);
    expect(files.map((f) => [f.name, f.text, f.encoding])).toEqual([["000_good.txt", "本报讯 记者许乐报道：正文。", "UTF-8"], ["004_gbk.txt", "你好", "GB18030"]]);
    expect(warnings).toHaveLength(3);
    expect(warnings[0]).toMatch(/001_binary\.txt.*binary/);
    expect(warnings[1]).toMatch(/002_empty\.txt.*empty/);
    expect(warnings[2]).toMatch(/003_garbage\.txt.*not text in UTF-8, GBK\/GB18030, Big5 or UTF-16/);
  });

  it("throws SEEDS_EMPTY naming the files when every page is unusable", async () => {
    const err = await failure(await folder({ "a.txt": "", "b.txt": Buffer.from([0, 0, 0]), "c.txt": " \n\n " }));
    expect(err.code).toBe("SEEDS_EMPTY");
    expect(err.message).toMatch(/a\.txt/);
    expect(err.message).toMatch(/b\.txt/);
    expect(err.message).toMatch(/c\.txt/);
  });
});
