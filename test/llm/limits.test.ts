/**
 * The writer's limits (issue 13): the LLM deadline aborts the request and the stream and the
 * extractive answer is sent; a runaway answer is cut off by the writer, not only asked of the server.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createLogger } from "../../src/log.js";
import { createLlmWriter, MAX_ANSWER_CHARS, type LlmSettings, type WriteInput } from "../../src/llm/index.js";
import { extractive, JOBS, SUBSIDY } from "./citations.js";
import { startFakeOpenAi, type FakeOpenAi } from "./fake-openai.js";

let server: FakeOpenAi;
beforeAll(async () => {
  server = await startFakeOpenAi();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

function writer(overrides: Partial<LlmSettings> = {}) {
  const lines: string[] = [];
  const logger = createLogger("debug", { write: (s: string) => lines.push(s) } as unknown as NodeJS.WritableStream);
  const settings: LlmSettings = { baseUrl: server.url, model: "m", apiKey: null, timeoutMs: 5_000, ...overrides };
  const logs = () => lines.map((l) => JSON.parse(l) as { level: string; msg: string; reason?: string });
  return { llm: createLlmWriter(settings, { logger }), logs };
}

function input(): WriteInput {
  const answer = extractive("zh", [JOBS, SUBSIDY]);
  return { question: answer.question, lang: "zh", citations: [JOBS, SUBSIDY], extractive: answer };
}

describe("the LLM deadline", () => {
  it("ends a stalled stream with the extractive answer, not the cut-off text", async () => {
    // A whole, cited, checkable sentence, then the start of the next one, then silence.
    server.reply({ content: "昌吉州今年新增城镇就业10395人[1]。此外，人社局还表示会继续推进就业工作[1]。", chunkChars: 4, stallAfterChunks: 7 });
    const { llm, logs } = writer({ timeoutMs: 400 });
    const deltas: string[] = [];
    const base = input();
    const a = await llm.write(base, { onDelta: (t) => deltas.push(t) });
    expect(deltas).toEqual(["昌吉州今年新增城镇就业10395人[1]。"]); // it was streaming
    expect(a).toBe(base.extractive);
    expect(logs().find((l) => l.level === "warn")?.reason).toBe("timed out after 400 ms");
  });

  it("also ends a stalled non-streaming request", async () => {
    server.reply({ hang: true });
    const { llm } = writer({ timeoutMs: 300 });
    const base = input();
    expect(await llm.write(base)).toBe(base.extractive);
  });
});

describe("the output cap", () => {
  it("stops reading a runaway stream and sends the extractive answer", async () => {
    const sentence = "今年以来，昌吉州新增城镇就业10395人[1]。";
    server.reply({ content: sentence.repeat(Math.ceil((MAX_ANSWER_CHARS * 20) / sentence.length)), chunkChars: 200 });
    const { llm, logs } = writer();
    let longest = 0;
    const base = input();
    const a = await llm.write(base, { onDelta: (t) => (longest = Math.max(longest, t.length)) });
    expect(a).toBe(base.extractive);
    expect(longest).toBeLessThanOrEqual(MAX_ANSWER_CHARS);
    expect(logs().find((l) => l.level === "warn")?.reason).toMatch(/longer than \d+ characters/);
  });

  it("refuses an over-long non-streamed answer too", async () => {
    server.reply({ content: "今年以来，昌吉州新增城镇就业10395人[1]。".repeat(200) });
    const { llm } = writer();
    const base = input();
    expect(await llm.write(base)).toBe(base.extractive);
  });

  it("asks the server for a bounded answer", async () => {
    server.reply({ content: "今年以来，昌吉州新增城镇就业10395人[1]。" });
    const { llm } = writer();
    await llm.write(input());
    expect(server.requests[0]!.body.max_tokens).toBeGreaterThan(0);
  });
});
