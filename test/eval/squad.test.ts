import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { QaError } from "../../src/errors.js";
import { readSeedFiles, parseArticles } from "../../src/ingest/index.js";
import { EVAL_PAPER, isLeftOut, isNearTopic, writeSquadCorpus } from "../../src/eval/corpus.js";
import { loadSquad, loadTranslatedQuestions } from "../../src/eval/squad.js";
import { ROOT } from "../helpers/fixture-index.js";

const MINI = path.join(ROOT, "test/fixtures/squad/mini-zh.json");
const made: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "squad-test-"));
  made.push(dir);
  return dir;
};
afterEach(() => made.splice(0).forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

function failure(load: () => unknown): QaError {
  let caught: unknown = null;
  try {
    load();
  } catch (err) {
    caught = err;
  }
  expect(caught).toBeInstanceOf(QaError);
  return caught as QaError;
}

describe("loadSquad", () => {
  it("reads articles, paragraphs and gold answers, skipping empty and unanswerable questions", () => {
    const { articles, skipped } = loadSquad(MINI);
    expect(articles.map((a) => a.title)).toEqual(["天山湖公园", "青河面粉厂", "白杨中学", "雪莲花", "昌北铁路", "金沙湾龙舟赛", "红山图书馆"]);
    expect(articles[0]!.questions[0]).toEqual({ id: "MINI_1_QUERY_0", question: "天山湖公园占地面积是多少？", answers: ["120公顷"], paragraph: 0 });
    expect(skipped).toBe(2);
    expect(articles.flatMap((a) => a.questions)).toHaveLength(17);
  });

  it("refuses a file that is not SQuAD-shaped, saying what shape it wants", () => {
    const file = path.join(tempDir(), "bad.json");
    fs.writeFileSync(file, JSON.stringify({ data: [{ title: "x" }] }));
    const err = failure(() => loadSquad(file));
    expect(err.code).toBe("EVAL_DATA_INVALID");
    expect(err.hint).toContain('"qas"');
    expect(failure(() => loadSquad(path.join(tempDir(), "missing.json"))).code).toBe("EVAL_DATA_INVALID");
  });
});

describe("loadTranslatedQuestions", () => {
  it("maps ids to questions and names the first bad line", () => {
    const questions = loadTranslatedQuestions(path.join(ROOT, "test/fixtures/squad/mini-en.jsonl"));
    expect(questions.get("MINI_5_QUERY_0")).toBe("How long is the Changbei railway?");
    const file = path.join(tempDir(), "en.jsonl");
    fs.writeFileSync(file, '{"id":"a","question":"Why?"}\n{"id":"b"}\n');
    expect(failure(() => loadTranslatedQuestions(file)).message).toContain("line 2");
  });
});

describe("writeSquadCorpus", () => {
  it("leaves every 6th article out and places its questions as refusals", () => {
    expect([0, 1, 2, 3, 4, 5, 11].map((i) => isLeftOut(i, 6))).toEqual([false, false, false, false, false, true, true]);
    const dir = tempDir();
    const corpus = writeSquadCorpus(loadSquad(MINI).articles, dir);
    expect({ kept: corpus.kept, leftOut: corpus.leftOut }).toEqual({ kept: 6, leftOut: 1 });
    expect(fs.readdirSync(dir)).toHaveLength(6);
    expect(corpus.questions.filter((q) => !q.kept && !q.nearTopic).map((q) => q.id)).toEqual(["MINI_6_QUERY_0", "MINI_6_QUERY_1"]);
  });

  it("writes the 3rd article without its first question's answer, and places the questions it no longer answers as near-topic", () => {
    expect([0, 1, 2, 3, 8, 5].map((i) => isNearTopic(i, 6))).toEqual([false, false, true, false, true, false]);
    const dir = tempDir();
    const corpus = writeSquadCorpus(loadSquad(MINI).articles, dir);
    expect(corpus.nearTopic).toBe(1);
    expect(corpus.questions.filter((q) => q.nearTopic).map((q) => q.id)).toEqual(["MINI_3_QUERY_0", "MINI_3_QUERY_1"]);
    const page = fs.readFileSync(path.join(dir, "00003.txt"), "utf8");
    expect(page).toContain("白杨中学建于1978年");
    expect(page).not.toContain("1800");
    expect(page).not.toContain("王海燕");
  });

  it("writes pages the ingest reads as one article each: the title as headline, the paper and its own date", async () => {
    const dir = tempDir();
    const squad = loadSquad(MINI);
    writeSquadCorpus(squad.articles, dir);
    const { files, warnings } = await readSeedFiles(dir);
    expect(warnings).toEqual([]);
    const articles = files.flatMap((f) => parseArticles(f.name, f.text));
    expect(articles.map((a) => a.headline)).toEqual(squad.articles.filter((_, i) => !isLeftOut(i, 6)).map((a) => a.title));
    expect(new Set(articles.map((a) => a.paper))).toEqual(new Set([EVAL_PAPER]));
    expect(new Set(articles.map((a) => a.date)).size).toBe(articles.length);
    expect(articles[0]!.date).toBe("2025-01-01");
    expect(articles[0]!.paragraphs.join("")).toBe(squad.articles[0]!.paragraphs[0]);
  });
});

describe.each(["cmrc-trial-en.jsonl", "cmrc-trial-en-all.jsonl"])("test/eval/%s (English versions of CMRC 2018 trial questions)", (name) => {
  const file = path.join(ROOT, "test/eval", name);
  const lines = fs.readFileSync(file, "utf8").split("\n").filter((l) => l.trim());
  const questions = loadTranslatedQuestions(file);

  it("holds at least 150 questions with unique trial ids", () => {
    expect(questions.size).toBe(lines.length);
    expect(questions.size).toBeGreaterThanOrEqual(150);
    expect([...questions.keys()].filter((id) => !/^TRIAL_\d+_QUERY_\d+$/.test(id))).toEqual([]);
  });

  it("holds only English questions, nothing of the trial's contexts or answers", () => {
    expect([...questions.values()].filter((q) => /\p{Script=Han}/u.test(q) || !/\?$/.test(q))).toEqual([]);
    expect(lines.filter((l) => Object.keys(JSON.parse(l) as object).join() !== "id,question")).toEqual([]);
  });
});
