import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openQaService } from "../../src/core/service.js";
import type { QaService } from "../../src/core/types.js";
import { buildFixtureIndex, fixtureConfig } from "../helpers/fixture-index.js";
import { startFakeOpenAi, type FakeOpenAi } from "../llm/fake-openai.js";

const QUESTION = "昌吉州今年新增城镇就业多少人？";

describe("the answering service with LLM answers enabled (loopback OpenAI-compatible server)", () => {
  let server: FakeOpenAi;
  let qa: QaService;
  beforeAll(async () => {
    server = await startFakeOpenAi();
    const config = fixtureConfig({ LLM_BASE_URL: server.url, LLM_MODEL: "test-model", LLM_TIMEOUT_MS: "2000" });
    await buildFixtureIndex(config);
    qa = await openQaService(config);
  });
  afterAll(async () => {
    await qa.close();
    await server.close();
  });

  it("sends a grounded LLM answer, with the extractive citations", async () => {
    server.reply({ content: "今年以来，昌吉州新增城镇就业10395人[1]。" });
    const streamed: string[] = [];
    const a = await qa.answer(QUESTION, { onDelta: (text) => streamed.push(text) });
    expect(a.answer).toBe("今年以来，昌吉州新增城镇就业10395人[1]。");
    expect(a.found).toBe(true);
    expect(a.citations[0]!.source).toBe("003_2a3bfdafac07cb06.txt");
    expect(streamed.at(-1)).toContain("10395");
  });

  it("prompts with the retrieved passages only", async () => {
    server.reply({ content: "今年以来，昌吉州新增城镇就业10395人[1]。" });
    await qa.answer(QUESTION);
    const prompt = server.requests.at(-1)!.body.messages.map((m) => m.content).join("\n");
    expect(prompt).toContain("新增城镇就业10395人");
    expect(prompt).not.toContain("天山天池国际滑雪场"); // another article, not retrieved for this question
  });

  it("falls back to the extractive answer when the LLM states a figure the sources do not", async () => {
    server.reply({ content: "今年以来，昌吉州新增城镇就业12000人[1]。" });
    const a = await qa.answer(QUESTION);
    expect(a.answer).toMatch(/^10395人（截至2026-04-22）。/);
  });

  it("falls back when the LLM does not answer in time", async () => {
    server.reply({ hang: true });
    const a = await qa.answer(QUESTION);
    expect(a.answer).toMatch(/^10395人（截至2026-04-22）。/);
  });

  it("does not ask the LLM when the articles do not answer", async () => {
    const before = server.requests.length;
    const a = await qa.answer("明天乌鲁木齐天气怎么样？");
    expect(a.found).toBe(false);
    expect(server.requests.length).toBe(before);
  });
});
