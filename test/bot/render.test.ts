import { describe, expect, it } from "vitest";
import { MESSAGE_LIMIT, splitHtml, visibleText } from "../../src/bot/html.js";
import { renderAbout, renderAnswer, renderHelp, renderQaError, renderSources, renderStart } from "../../src/bot/render.js";
import { QaError } from "../../src/errors.js";
import { answer, citation, INFO } from "./answers.js";
import { telegramHtmlProblems } from "./telegram-html.js";

describe("renderAnswer", () => {
  it("leads with the figure, then numbered sources: paper, date, headline, quoted sentence", () => {
    const html = renderAnswer(answer());
    expect(telegramHtmlProblems(html)).toEqual([]);
    expect(html.startsWith("<b>10395人</b>")).toBe(true);
    const text = visibleText(html);
    expect(text).toContain("来源");
    expect(text).toContain("1. 昌吉日报 · 2026-04-22 · 昌吉州城镇新增就业10395人");
    expect(text).toContain("今年以来，昌吉州城镇新增就业10395人。");
    expect(html).toContain("<blockquote>");
  });

  it("labels in the question's language and adds 'as of' when the answer lacks the date", () => {
    const html = renderAnswer(answer({ lang: "en", answer: "10395 jobs were added.", figure: "10395" }));
    expect(visibleText(html)).toMatch(/^10395 jobs were added\.\nAs of 2026-04-22\n\nSources\n\n1\. /);
  });

  it("escapes every piece of question, answer and article text", () => {
    const nasty = `<script>alert(1)</script> & <b>`;
    const html = renderAnswer(
      answer({ answer: `${nasty} 10395人`, citations: [citation({ headline: nasty, quote: nasty, paper: "A&B", date: "<d>" })] }),
    );
    expect(telegramHtmlProblems(html)).toEqual([]);
    expect(html).not.toContain("<script>");
    expect(visibleText(html)).toContain(nasty);
    expect(visibleText(html)).toContain("A&B · <d> · ");
  });

  it("shows a not-found answer plainly, in the core's words, with related articles marked as such", () => {
    const plain = renderAnswer(answer({ found: false, lang: "en", answer: "", figure: null, citations: [] }));
    expect(visibleText(plain)).toBe("The articles don't say.");
    const instead = renderAnswer(
      answer({ found: false, answer: "现有报道中没有找到这个问题的答案。相关报道提到：“新增城镇就业10395人”", figure: null }),
    );
    expect(telegramHtmlProblems(instead)).toEqual([]);
    const text = visibleText(instead);
    expect(text.startsWith("现有报道中没有找到这个问题的答案。相关报道提到：“新增城镇就业10395人”\n\n相关报道（并未回答这个问题）")).toBe(true);
    expect(instead).not.toContain("<b>10395");
  });

  it("splits a very long answer into valid parts of at most 4096 characters, on paragraph boundaries", () => {
    const long = answer({
      answer: `10395人。${"昌吉州持续推进稳就业工作，".repeat(150)}`,
      citations: Array.from({ length: 5 }, (_, i) =>
        citation({ headline: `标题 ${i} <&>`, quote: `${"城镇新增就业10395人，".repeat(120)}第${i}条。` }),
      ),
    });
    const html = renderAnswer(long);
    expect(html.length).toBeGreaterThan(2 * MESSAGE_LIMIT);
    const parts = splitHtml(html);
    expect(parts.length).toBeGreaterThanOrEqual(3);
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(MESSAGE_LIMIT);
      expect(telegramHtmlProblems(part)).toEqual([]);
    }
    // Every source block stays whole: it is shorter than a message, so no cut falls inside it.
    for (let i = 1; i <= 5; i++) expect(parts.filter((p) => p.includes(`${i}. 昌吉日报`)).length).toBe(1);
    expect(parts.map(visibleText).join("").replace(/\s+/g, "")).toBe(visibleText(html).replace(/\s+/g, ""));
  });
});

describe("renderSources", () => {
  it("shows the full passages with the quoted sentence in bold", () => {
    const html = renderSources(answer());
    expect(telegramHtmlProblems(html)).toEqual([]);
    expect(html).toContain("<blockquote><b>今年以来，昌吉州城镇新增就业10395人。</b>完成全年目标任务的60%。</blockquote>");
    expect(visibleText(html)).toContain("问题： 昌吉州今年新增城镇就业多少人？");
  });

  it("explains when there is nothing to show yet", () => {
    expect(renderSources(undefined)).toMatch(/ask a question first/);
    expect(telegramHtmlProblems(renderSources(answer({ question: "<x>", citations: [] })))).toEqual([]);
  });
});

describe("command texts", () => {
  it("/start names the papers, the date range and an example question", () => {
    const text = visibleText(renderStart(INFO));
    expect(text).toContain("昌吉日报");
    expect(text).toContain("2026-04-18 – 2026-04-22");
    expect(text).toContain("How many jobs did Changji add this year?");
  });

  it("/about lists the index statistics; /help lists the commands", () => {
    const about = visibleText(renderAbout(INFO));
    expect(about).toContain("Articles: 42");
    expect(about).toContain("Passages: 180");
    expect(about).toContain("Model: tiny-zh");
    expect(about).toContain("Built at: 2026-05-01T10:00:00.000Z");
    expect(visibleText(renderAbout({ ...INFO, vectors: false }))).toContain("keyword-only");
    const help = renderHelp("changji_qa_bot");
    for (const c of ["/ask", "/sources", "/about", "/help", "/start", "@changji_qa_bot"]) expect(help).toContain(c);
    for (const html of [renderStart(INFO), renderAbout(INFO), help]) expect(telegramHtmlProblems(html)).toEqual([]);
  });

  it("a QaError shows its message and hint, escaped", () => {
    const html = renderQaError(new QaError("QUESTION_TOO_LONG", "Question is too long (10000 > 500 characters)", "Ask a <shorter> question."));
    expect(telegramHtmlProblems(html)).toEqual([]);
    expect(visibleText(html)).toBe("⚠️ Question is too long (10000 > 500 characters)\nAsk a <shorter> question.");
  });
});
