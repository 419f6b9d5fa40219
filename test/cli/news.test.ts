import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli as cli } from "../helpers/run-cli.js";

describe("news-reader questions in ask and chat (fixture model, real seeds)", () => {
  const indexDir = fs.mkdtempSync(path.join(os.tmpdir(), "qa-cli-news-"));
  const env = { MODELS_DIR: "test/fixtures/models", EMBEDDING_MODEL: "tiny-zh", INDEX_DIR: indexDir, SEEDS_DIR: "seeds" };
  beforeAll(() => {
    expect(cli(["index"], env).code).toBe(0);
  });

  it("ask --json keeps every field and adds the intent", () => {
    const { stdout, code } = cli(["ask", "--json", "Summarize the 2024-11-07 paper"], env);
    expect(code).toBe(0);
    const json = JSON.parse(stdout) as { found: boolean; answer: string; intent: string; citations: { date: string; headline: string; quote: string }[] };
    expect(Object.keys(json)).toEqual(["question", "answer", "found", "citations", "intent", "reply"]);
    expect(json).toMatchObject({ found: true, intent: "issue" });
    expect(json.answer).toContain("No. 12124");
    expect(json.citations.map((c) => c.headline)).toContain("准东煤田火区治理持续推进");
    for (const c of json.citations) expect(c.date).toBe("2024-11-07");
  });

  it("ask gives an English overview of the coal-to-olefins project, quoting each source once", () => {
    const { stdout } = cli(["ask", "Tell me about the coal-to-olefins project"], env);
    expect(stdout).toMatch(/^On “coal-to-olefins project”, coverage is thin \(one article\)/);
    expect(stdout).toContain("煤制烯烃项目占地270多公顷,相当于378个标准足球场。");
    expect(stdout).toContain("[1] 昌吉日报 · 2026-04-22 · 煤“化”新材料 “黑金”变“绿金” (003_2a3bfdafac07cb06.txt)");
    expect(stdout.split("煤制烯烃项目占地270多公顷")).toHaveLength(2); // not repeated under Sources
  });

  it("chat: the latest paper, more, a full article, and the Chinese overview", () => {
    const input = "最近昌吉有什么新闻？\nmore\n/article 3\n介绍一下煤制烯烃项目\nmore\n";
    const { stdout, code } = cli(["chat"], env, input);
    expect(code).toBe(0);
    expect(stdout).toContain("最新一期是2026-04-22的《昌吉日报》（总第12482期），距今");
    expect(stdout).toContain("1. 《深学笃行正确政绩观 真抓实干促就业惠民》：“就业是民生之本,更是检验政绩导向的重要标尺。”");
    expect(stdout).toContain("更多：\n[1] 昌吉日报 · 2024-11-07"); // more: the issue before
    expect(stdout).toContain("准东煤田火区治理持续推进\n一处治理完毕，三处正在施工\n昌吉日报 · 2024-11-07 · 总第12124期"); // /article 3
    expect(stdout).toContain("老君庙火区已累计完成采空区超前钻探进尺98653米");
    expect(stdout).toContain("关于“煤制烯烃项目”，报道很少（只有1篇）");
    expect(stdout).toContain("按照建设计划,今年企业计划在项目上投资40亿元。"); // a sentence of "more"
  });
});
