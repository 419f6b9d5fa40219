/**
 * Issue #31: the chat's `/article N` refers to the article shown, not to whatever story now has that
 * place: after the page is replaced (the chat reloads the new build by itself), it says the article
 * is no longer in the index. A real `chat` process and a real `index --add` process.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, it } from "vitest";
import { FIXTURE_TODAY, ROOT } from "../helpers/fixture-index.js";
import { privateFixture, runIndexCli, until } from "../index/cli-process.js";

const PAGE = "004_79b3c460d300cb0d.txt"; // 昌吉日报 2024-11-07

it("`/article 1` after the page was replaced says the article is gone instead of opening the new page's first story", async () => {
  const config = await privateFixture(["003_2a3bfdafac07cb06.txt", PAGE]);
  const env = { ...process.env, MODELS_DIR: config.modelsDir!, EMBEDDING_MODEL: "tiny-zh", INDEX_DIR: config.indexDir, SEEDS_DIR: config.seedsDir, LOG_LEVEL: "silent", TODAY: FIXTURE_TODAY, CI: "true" };
  const chat = spawn(process.execPath, ["--import", "tsx", "src/cli/main.ts", "chat"], { cwd: ROOT, env, stdio: ["pipe", "pipe", "pipe"] });
  let out = "";
  chat.stdout!.on("data", (d: Buffer) => (out += d.toString()));
  const say = async (line: string, expected: RegExp, what: string) => {
    const from = out.length;
    chat.stdin!.write(`${line}\n`);
    await until(() => expected.test(out.slice(from)), what, 60_000);
    return out.slice(from);
  };
  try {
    await say("Summarize the 2024-11-07 paper", /No\. 12124[\s\S]*\n> ?$/, "the answer");
    const before = await say("/article 1", /2024-11-07[\s\S]*\n> ?$/, "the article");
    const headline = before.trim().split("\n")[0]!;

    const replacement = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "qa-page-")), PAGE);
    fs.copyFileSync(path.join(ROOT, "seeds", "002_baf0b540dc6ce199.txt"), replacement);
    const added = await runIndexCli(config, ["--add", replacement]).done;
    expect(added.stdout).toContain(`Replaced ${PAGE}`);
    // The chat reloads the new build on its own (the index watcher); /about shows which build answers.
    const built = JSON.parse(fs.readFileSync(path.join(config.indexDir, "current", "manifest.json"), "utf8")).builtAt as string;
    for (let tries = 0; !(await say("/about", /built [^\n]+\n[\s\S]*> ?$/, "/about")).includes(built); tries++) {
      expect(tries).toBeLessThan(100);
      await new Promise((r) => setTimeout(r, 200));
    }
    const after = await say("/article 1", /\n> ?$/, "the reply");
    expect(after).toContain("That article is no longer in the index");
    expect(after).not.toContain(headline);
    expect(after).not.toContain("安全生产");
  } finally {
    chat.stdin!.end();
    chat.kill();
  }
});
