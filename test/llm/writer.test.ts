import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createLogger } from "../../src/log.js";
import { createLlmWriter, MAX_ANSWER_CHARS, systemPrompt, type LlmSettings, type WriteInput } from "../../src/llm/index.js";
import { extractive, JOBS, NOT_RETRIEVED, OLEFIN, SUBSIDY, TRAINING } from "./citations.js";
import { startFakeOpenAi, type FakeOpenAi } from "./fake-openai.js";

const KEY = "sk-test-Zq8VhT3kP0wXr5NmB2cLd7Yf";

let server: FakeOpenAi;
beforeAll(async () => {
  server = await startFakeOpenAi();
});
afterAll(() => server.close());
let abandonedBefore = 0;
beforeEach(() => {
  server.requests.length = 0;
  abandonedBefore = server.abandoned;
});

/** A writer against the fake server, with its pino output captured as parsed lines. */
function writer(overrides: Partial<LlmSettings> = {}) {
  const lines: string[] = [];
  const logger = createLogger("debug", { write: (s: string) => lines.push(s) } as unknown as NodeJS.WritableStream);
  const settings: LlmSettings = { baseUrl: server.url, model: "qwen2.5:7b", apiKey: KEY, timeoutMs: 5_000, ...overrides };
  const logs = () => lines.map((l) => JSON.parse(l) as { level: string; msg: string; reason?: string });
  return { llm: createLlmWriter(settings, { logger }), logs, raw: () => lines.join("") };
}

/** Whether the server sees `n` more responses abandoned by the client within a second. */
async function waitForAbandoned(n: number): Promise<boolean> {
  const target = abandonedBefore + n;
  for (let i = 0; i < 50 && server.abandoned < target; i++) await new Promise((r) => setTimeout(r, 20));
  return server.abandoned >= target;
}

function input(lang: "zh" | "en" = "zh", citations = [JOBS, SUBSIDY]): WriteInput {
  const answer = extractive(lang, citations);
  return { question: answer.question, lang, citations, extractive: answer };
}

const GROUNDED_ZH = "10395人。今年以来,昌吉州新增城镇就业10395人,农村劳动力外出务工8710人[1]。今年3月,一家企业向39名应届毕业生发出签约邀请[2]。";
const GROUNDED_EN = "10,395 people. Changji added 10,395 urban jobs this year, and 8,710 rural workers found work elsewhere [1]. In March, one company invited 39 graduates to sign [2].";

describe("createLlmWriter: a grounded answer is sent", () => {
  it("replaces only the answer text (non-streaming)", async () => {
    server.reply({ content: GROUNDED_ZH });
    const { llm, logs } = writer();
    const base = input("zh");
    const a = await llm.write(base);
    expect(a).toEqual({ ...base.extractive, answer: GROUNDED_ZH });
    expect(a.citations).toBe(base.extractive.citations);
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]).toMatchObject({ method: "POST", path: "/v1/chat/completions", body: { model: "qwen2.5:7b", stream: false, temperature: 0 } });
    expect(logs().some((l) => l.msg === "llm: answer verified")).toBe(true);
  });

  it("streams whole, checked sentences to onDelta as they arrive", async () => {
    server.reply({ content: GROUNDED_EN, chunkChars: 3 });
    const { llm } = writer();
    const deltas: string[] = [];
    const a = await llm.write(input("en"), { onDelta: (t) => deltas.push(t) });
    expect(a.answer).toBe(GROUNDED_EN);
    expect(server.requests[0]!.body.stream).toBe(true);
    expect(deltas.length).toBeGreaterThanOrEqual(2);
    deltas.forEach((d, i) => {
      expect(GROUNDED_EN.startsWith(d)).toBe(true);
      if (i > 0) expect(d.length).toBeGreaterThan(deltas[i - 1]!.length);
    });
    expect(deltas[0]).toBe("10,395 people.");
  });

  it("drops a reasoning model's <think> block", async () => {
    server.reply({ content: `<think>The passage says 12000? No, 10395.</think>\n${GROUNDED_ZH}` });
    const { llm } = writer();
    expect((await llm.write(input("zh"))).answer).toBe(GROUNDED_ZH);
  });
});

describe("createLlmWriter: anything unverified falls back to the extractive answer", () => {
  it.each([
    ["a figure not in the sources", "12000人。今年以来,昌吉州新增城镇就业12000人[1]。", /number “12000人”|12000/],
    ["a citation [4] when there are 2 sources", "10395人。今年以来新增城镇就业10395人[4]。", /cites \[4\] but there are 2 sources/],
    ["an answer that cites nothing", "现有报道中没有找到这个问题的答案。", /cites no source/],
    ["an answer in the wrong language", GROUNDED_EN, /not written in Chinese/],
  ])("%s", async (_, content, reason) => {
    server.reply({ content });
    const { llm, logs } = writer();
    const base = input("zh");
    expect(await llm.write(base)).toBe(base.extractive);
    const warn = logs().find((l) => l.level === "warn");
    expect(warn?.msg).toBe("llm: using the extractive answer");
    expect(warn?.reason).toMatch(reason);
  });

  it("stops streaming at the first unsupported sentence and returns the extractive answer", async () => {
    server.reply({ content: "10,395 people [1]. That is up 20% on last year [1]. More text follows [1]." });
    const { llm } = writer();
    const deltas: string[] = [];
    const base = input("en");
    expect(await llm.write(base, { onDelta: (t) => deltas.push(t) })).toBe(base.extractive);
    expect(deltas).toEqual(["10,395 people [1]."]);
  });

  it("falls back on a 500 error", async () => {
    server.reply({ status: 500, message: "model crashed" });
    const { llm, logs } = writer();
    const base = input("zh");
    expect(await llm.write(base)).toBe(base.extractive);
    expect(logs().find((l) => l.level === "warn")?.reason).toMatch(/HTTP 500/);
    expect(server.requests).toHaveLength(1); // no retry: the reader is waiting
  });

  it("falls back within about the timeout when the server never answers", async () => {
    server.reply({ hang: true });
    const { llm, logs } = writer({ timeoutMs: 300 });
    const base = input("zh");
    const started = performance.now();
    expect(await llm.write(base)).toBe(base.extractive);
    const elapsed = performance.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(280);
    expect(elapsed).toBeLessThan(1_500);
    expect(logs().find((l) => l.level === "warn")?.reason).toBe("timed out after 300 ms");
  });

  it("falls back within about the timeout when a stream stalls after its first words", async () => {
    server.reply({ content: GROUNDED_ZH, stallAfterChunks: 3 });
    const { llm } = writer({ timeoutMs: 300 });
    const base = input("zh");
    const started = performance.now();
    expect(await llm.write(base, { onDelta: () => {} })).toBe(base.extractive);
    expect(performance.now() - started).toBeLessThan(1_500);
  });

  it("falls back when the caller cancels", async () => {
    server.reply({ hang: true });
    const { llm, logs } = writer();
    const base = input("zh");
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    expect(await llm.write(base, { signal: controller.signal })).toBe(base.extractive);
    expect(logs().find((l) => l.level === "warn")?.reason).toBe("cancelled by the caller");
  });

  it("keeps the answer when onDelta throws", async () => {
    server.reply({ content: GROUNDED_ZH });
    const { llm, logs } = writer();
    const a = await llm.write(input("zh"), { onDelta: () => { throw new Error("render failed"); } });
    expect(a.answer).toBe(GROUNDED_ZH);
    expect(logs().some((l) => l.msg.startsWith("llm: onDelta threw"))).toBe(true);
  });
});

describe("createLlmWriter: a refusal stays a refusal", () => {
  it("does not call the LLM when retrieval found no answer", async () => {
    const { llm } = writer();
    const notFound = extractive("zh", [JOBS], { found: false, answer: "现有报道中没有找到这个问题的答案。", figure: null });
    const base: WriteInput = { question: notFound.question, lang: "zh", citations: [JOBS], extractive: notFound };
    expect(await llm.write(base)).toBe(notFound);
    expect(await llm.write({ ...input("zh"), citations: [] })).toEqual(input("zh").extractive);
    expect(server.requests).toHaveLength(0);
  });
});

describe("createLlmWriter: the prompt holds only the question and the retrieved passages", () => {
  it("sends each retrieved passage in full, numbered, and nothing else from the papers", async () => {
    server.reply({ content: "累计培训群众1.45万人次[2]。" });
    const { llm } = writer();
    const base = input("zh", [JOBS, TRAINING]);
    await llm.write(base);
    const [system, user] = server.requests[0]!.body.messages;
    expect(system?.role).toBe("system");
    expect(user?.role).toBe("user");
    // Exactly the question and the two retrieved passages with their paper, date and headline.
    expect(user!.content).toBe(
      `Question: ${base.question}\n\nPassages:\n\n` +
        `[1] 昌吉日报 · 2026-04-22 · 《${JOBS.headline}》\n${JOBS.passage}\n\n` +
        `[2] 昌吉日报 · 2026-04-22 · 《${TRAINING.headline}》\n${TRAINING.passage}`,
    );
    for (const other of [NOT_RETRIEVED, OLEFIN.passage, SUBSIDY.passage]) expect(user!.content).not.toContain(other.slice(0, 20));
    expect(system!.content).toBe(systemPrompt("zh")); // rules only, no article text
  });
});

describe("createLlmWriter: the API key", () => {
  it("is sent as a bearer token and never logged, even when the server echoes it", async () => {
    server.reply({ status: 401, message: `Incorrect API key provided: ${KEY}` });
    const { llm, raw, logs } = writer();
    await llm.write(input("zh"));
    expect(server.requests[0]!.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(logs().find((l) => l.level === "warn")?.reason).toMatch(/HTTP 401.*<redacted-key>/);
    expect(raw()).not.toContain(KEY);
    expect(raw()).not.toContain(KEY.slice(8));
  });

  it("is not sent at all when none is set (local servers)", async () => {
    server.reply({ content: GROUNDED_ZH });
    const { llm } = writer({ apiKey: null });
    expect((await llm.write(input("zh"))).answer).toBe(GROUNDED_ZH);
    expect(server.requests[0]!.headers.authorization).toBeUndefined();
  });
});

// Issue 13: the deadline aborts the request and the stream; the writer enforces its own length cap.
describe("createLlmWriter: the LLM deadline", () => {
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
    // The stalled response was hung up on, not left open:
    expect(await waitForAbandoned(1)).toBe(true);
  });

  it("also ends a stalled non-streaming request", async () => {
    server.reply({ hang: true });
    const { llm } = writer({ timeoutMs: 300 });
    const base = input();
    expect(await llm.write(base)).toBe(base.extractive);
  });
});

describe("createLlmWriter: the output cap", () => {
  it("stops reading a runaway stream and sends the extractive answer", async () => {
    const sentence = "今年以来，昌吉州新增城镇就业10395人[1]。";
    server.reply({ content: sentence.repeat(Math.ceil((MAX_ANSWER_CHARS * 20) / sentence.length)), chunkChars: 200 });
    const { llm, logs } = writer();
    let longest = 0;
    const base = input();
    const a = await llm.write(base, { onDelta: (t) => (longest = Math.max(longest, t.length)) });
    expect(a).toBe(base.extractive);
    expect(longest).toBeLessThanOrEqual(MAX_ANSWER_CHARS);
    expect(await waitForAbandoned(1)).toBe(true); // the download stopped too
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
