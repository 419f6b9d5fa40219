/** Small Answer/Citation builders for the renderer and Telegram-behaviour tests. */
import type { Answer, Citation } from "../../src/answer/types.js";
import type { IndexInfo, QaService } from "../../src/core/types.js";

export function citation(overrides: Partial<Citation> = {}): Citation {
  return {
    source: "003_2a3bfdafac07cb06.txt",
    paper: "昌吉日报",
    date: "2026-04-22",
    headline: "昌吉州城镇新增就业10395人",
    quote: "今年以来，昌吉州城镇新增就业10395人。",
    score: 0.91,
    articleId: "003-1",
    passage: "今年以来，昌吉州城镇新增就业10395人。完成全年目标任务的60%。",
    ...overrides,
  };
}

export function answer(overrides: Partial<Answer> = {}): Answer {
  return {
    question: "昌吉州今年新增城镇就业多少人？",
    answer: "10395人：今年以来，昌吉州城镇新增就业10395人。",
    found: true,
    lang: "zh",
    kind: "count",
    figure: "10395人",
    asOf: "2026-04-22",
    citations: [citation()],
    ...overrides,
  };
}

export const INFO: IndexInfo = {
  articles: 42,
  passages: 180,
  files: 5,
  model: "tiny-zh",
  vectors: true,
  decision: { profile: "tiny-zh", unfittedModel: null, summary: "answer decision: fitted for tiny-zh" },
  builtAt: "2026-05-01T10:00:00.000Z",
  papers: ["昌吉日报"],
  dateRange: { from: "2026-04-18", to: "2026-04-22" },
  buildDir: "/tmp/index/builds/1",
};

/**
 * A stand-in answering core for bot tests that exercise Telegram behaviour, not answers: it echoes
 * the question (`Echo: …`, no figure) and reports `INFO`; pass what a test needs to differ.
 */
export function standInQa(overrides: Partial<QaService> = {}): QaService {
  return {
    answer: async (question) => answer({ question, answer: `Echo: ${question}`, figure: null }),
    info: () => INFO,
    reload: async () => false,
    close: async () => {},
    ...overrides,
  };
}
