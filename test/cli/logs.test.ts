import { PassThrough, Readable, Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { chatUntilDone } from "../../src/cli/chat.js";
import { createLogOutput } from "../../src/cli/log-output.js";
import { openQaService } from "../../src/core/service.js";
import { createLogger } from "../../src/log.js";
import { buildFixtureIndex, fixtureConfig } from "../helpers/fixture-index.js";

/** A stand-in for the terminal: everything written to it, in order; `isTTY` as asked. */
function screen(isTTY = false): Writable & { text: () => string; isTTY: boolean } {
  const chunks: string[] = [];
  const stream = new Writable({ write: (chunk, _enc, done) => void (chunks.push(String(chunk)), done()) });
  return Object.assign(stream, { text: () => chunks.join(""), isTTY });
}

describe("log lines on the command line", () => {
  it("stay one JSON object per line when stderr is not a terminal (pipes, files, journald)", () => {
    const out = screen(false);
    createLogger("warn", createLogOutput(out)).warn({ indexDir: "./index" }, "index has no vectors");
    const lines = out.text().trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: "warn", msg: "index has no vectors", indexDir: "./index" });
  });

  it("are readable single lines on a terminal", () => {
    const out = screen(true);
    const logger = createLogger("warn", createLogOutput(out));
    logger.warn({ indexDir: "./index" }, "index has no vectors");
    logger.error({ err: new Error("disk full") }, "reload failed");
    const lines = out.text().trim().split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^\[\d\d:\d\d:\d\d\] WARN: index has no vectors \{"indexDir":"\.\/index"\}$/);
    expect(lines[1]).toMatch(/ERROR: reload failed .*disk full/);
    expect(() => JSON.parse(lines[0]!)).toThrow();
  });

  it("held lines wait for release, in order; the newest are kept when too many are held", () => {
    const out = screen(false);
    const logs = createLogOutput(out, { maxHeld: 2 });
    const logger = createLogger("info", logs);
    logs.hold();
    for (const n of [1, 2, 3]) logger.info(`line ${n}`);
    expect(out.text()).toBe("");
    logs.release();
    const shown = out.text().trim().split("\n");
    expect(shown[0]).toBe("(1 earlier log lines were dropped while the chat ran)");
    expect(shown.slice(1).map((l) => (JSON.parse(l) as { msg: string }).msg)).toEqual(["line 2", "line 3"]);
    logger.info("after");
    expect(out.text()).toContain('"msg":"after"');
  });
});

describe("the terminal chat and the logs", () => {
  it("prints no log line between its prompts: a warning during the chat comes after it ends", async () => {
    // A real warning from the real pipeline: the configured LLM endpoint refuses the connection,
    // so each answer falls back to the extractive one and the writer logs a warning.
    const config = fixtureConfig({ LLM_BASE_URL: "http://127.0.0.1:9/v1", LLM_MODEL: "none", LOG_LEVEL: "warn" });
    await buildFixtureIndex(config);
    const terminal = screen(false); // chat output and log lines share one screen, as on a terminal
    const logs = createLogOutput(terminal);
    const logger = createLogger(config.logLevel, logs);
    const qa = await openQaService(config, { logger });
    const input = Readable.from(["昌吉州今年新增城镇就业多少人？\n", "那外出务工呢？\n"]).pipe(new PassThrough());

    await chatUntilDone(qa, { config, logger, logs }, input, terminal);

    const [chat, after] = terminal.text().split("\nBye.\n") as [string, string];
    expect(chat).toContain("10395人");
    expect(chat).toContain("8710人");
    expect(chat).not.toContain('"level"');
    const warnings = after.trim().split("\n").map((l) => JSON.parse(l) as { level: string; msg: string });
    expect(warnings.length).toBeGreaterThanOrEqual(2);
    expect(warnings.every((w) => w.level === "warn" && w.msg === "llm: using the extractive answer")).toBe(true);
  });
});
