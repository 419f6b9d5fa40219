/**
 * Reading documents into seed pages: PDF pages (column order, masthead and metadata dates), web
 * articles (no navigation, ads, related links or footer) and every kind of bad input, each refused
 * with its own code. Fixtures: scripts/make-ingest-fixtures.ts.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { QaError } from "../../src/errors.js";
import { detectFormat } from "../../src/ingest/formats/detect.js";
import { readDocument, seedNameFor } from "../../src/ingest/formats/index.js";
import { layoutPage, type TextPiece } from "../../src/ingest/formats/pdf-layout.js";
import { renderFrontMatter, splitFrontMatter } from "../../src/ingest/front-matter.js";
import { parseArticles } from "../../src/ingest/index.js";
import { dateInFileName, dateInText } from "../../src/ingest/page-dates.js";
import { ROOT } from "../helpers/fixture-index.js";

const FIXTURES = path.join(ROOT, "test/fixtures/ingest");
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name));
const LIMIT = { maxBytes: 20 * 1024 * 1024 };

/** Reads a document into a seed page and parses its articles, as the index will. */
async function articlesOf(name: string, bytes: Buffer = fixture(name)) {
  const page = await readDocument(name, bytes, LIMIT);
  const text = page.bytes.toString("utf8");
  return { page, text, articles: parseArticles(page.name, text) };
}

async function refusal(name: string, bytes: Buffer, options = LIMIT): Promise<QaError> {
  const err = await readDocument(name, bytes, options).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(QaError);
  return err as QaError;
}

describe("a two-column e-paper PDF page", () => {
  it("reads column by column: every article's body in order, under its own headline", async () => {
    const { page, articles } = await articlesOf("cjrb-2024-11-07-p1.pdf");
    expect(page).toMatchObject({ name: "cjrb-2024-11-07-p1.txt", format: "pdf" });
    expect(articles.map((a) => a.headline)).toEqual(["准东煤田火区治理持续推进", "木垒县冬小麦长势喜人"]);
    const [coal, wheat] = articles;
    expect(coal).toMatchObject({ subheadline: "一处治理完毕，三处正在施工", paper: "昌吉日报", date: "2024-11-07", page: "总第12124期" });
    expect(wheat).toMatchObject({ kicker: "高标准建设 高科技护航", date: "2024-11-07" });
    // The left column ends mid-sentence and the right one goes on: one paragraph, in order.
    const body = coal!.paragraphs.join("\n");
    expect(body).toContain("组织辖区内一级标准化露天煤矿技术人员就火区治理施工进度进行现场指导");
    expect(body).toContain("老君庙火区已累计完成采空区超前钻探进尺98653米");
    expect(body.indexOf("98653米")).toBeLessThan(body.indexOf("4台无人挖掘机"));
    expect(wheat!.paragraphs.join("")).toContain("木垒县40万亩冬小麦长势良好");
  });

  it("takes the masthead's date over the PDF metadata, and keeps the metadata in the front matter", async () => {
    const { text } = await articlesOf("cjrb-2024-11-07-p1.pdf");
    expect(splitFrontMatter(text).fields).toMatchObject({ source: "cjrb-2024-11-07-p1.pdf", format: "pdf", date: "2024-11-06", "date-from": "PDF metadata (CreationDate)" });
  });

  it("dates a page without a masthead from the PDF metadata, and reads a standard (non-embedded) font", async () => {
    const { articles } = await articlesOf("undated-notice.pdf");
    expect(articles).toHaveLength(1);
    expect(articles[0]).toMatchObject({ headline: "Changji Winter Sports Notice", date: "2025-03-15", paper: null });
  });
});

describe("headlines from the page's own typography (a PDF with bylines in heading type)", () => {
  it("titles each story with its headline, its byline in its own field — even one set as large as the headline", async () => {
    const { articles } = await articlesOf("byline-under-headline.pdf");
    const [study, water] = articles;
    expect(study).toMatchObject({ kicker: "书香昌吉", headline: "呼图壁县城市书房全天开放", subheadline: null, byline: "本报记者 李文 报道" });
    expect(water).toMatchObject({ headline: "玛纳斯县新建三座乡村供水站", byline: "通讯员 王芳 赵强" });
    expect(study!.paragraphs.join("")).toContain("下一步将在各乡镇再建五座城市书房");
  });

  it("reads the photo item below them as its own article, with a short derived title and its credit", async () => {
    const { articles } = await articlesOf("byline-under-headline.pdf");
    expect(articles).toHaveLength(3);
    const photo = articles[2]!;
    expect(photo).toMatchObject({ headline: "学生们正在参加一年一度的春季趣味运动会…", derived: true, byline: null, captions: ["本报记者张伟摄"] });
    expect(articles[1]!.paragraphs.join("")).not.toContain("运动会");
  });
});

describe("a web article", () => {
  it("takes the site's name off a headline that carries it as a suffix, and names the paper from it", async () => {
    const { articles } = await articlesOf("city-study-article.html");
    expect(articles).toHaveLength(1);
    expect(articles[0]).toMatchObject({ headline: "呼图壁县城市书房24小时开放", paper: "昌吉日报", date: "2025-05-20" });
    // The story's h1 is its headline, not a body line; the logo's h1 is neither.
    expect(articles[0]!.paragraphs[0]).toMatch(/^近日，呼图壁县城市书房/);
  });

  it("keeps the headline and the story, drops navigation, ads, related links and the footer", async () => {
    const { page, text, articles } = await articlesOf("grain-reserve-article.html");
    expect(page).toMatchObject({ name: "grain-reserve-article.txt", format: "html" });
    expect(articles).toHaveLength(1);
    expect(articles[0]).toMatchObject({ headline: "昌吉州地方储备粮建储项目投用", paper: "昌吉日报", date: "2025-12-12" });
    expect(articles[0]!.paragraphs.join("")).toContain("首批2.1万吨玉米已顺利入库");
    for (const chrome of ["首页", "限时优惠", "相关新闻", "点亮困难群众", "楼盘", "版权所有", "分享到", "来源："]) expect(text).not.toContain(chrome);
  });

  it("puts the page's byline in the article's byline field, never in its headline or body", async () => {
    // 作者：… on the line under the headline (来源：昌吉日报 作者：李文) was dropped as furniture.
    const study = (await articlesOf("city-study-article.html")).articles[0]!;
    expect(study).toMatchObject({ headline: "呼图壁县城市书房24小时开放", byline: "李文" });
    const grain = (await articlesOf("grain-reserve-article.html")).articles[0]!;
    expect(grain.byline).toBe("通讯员吾拉恩·巴合提努尔、阿依努尔·图尔贡、韩丹彤");
    expect([study.headline, ...study.paragraphs].join("\n")).not.toMatch(/作者|李文/);
    expect([grain.headline, ...grain.paragraphs].join("\n")).not.toContain("作者");
  });

  it("takes the byline from meta[name=author], never from an article:author profile URL or the site's own name", async () => {
    const { text, articles } = await articlesOf("author-meta-article.html");
    expect(articles[0]).toMatchObject({ headline: "玛纳斯县新建三座乡村供水站", paper: "昌吉日报", byline: "王芳" });
    expect(splitFrontMatter(text).fields.byline).toBe("王芳");
    const html = fixture("author-meta-article.html").toString("utf8");
    const urlOnly = html.replace(/<meta name="author"[^>]*>/, "");
    expect((await articlesOf("water.html", Buffer.from(urlOnly))).articles[0]!.byline).toBeNull();
    const siteAsAuthor = html.replace('content="王芳"', 'content="昌吉日报"');
    expect((await articlesOf("water.html", Buffer.from(siteAsAuthor))).articles[0]!.byline).toBeNull();
    // A byline line the story prints (记者 …) is the byline, before the meta tag's.
    const printed = html.replace("<h1>玛纳斯县新建三座乡村供水站</h1>", "<h1>玛纳斯县新建三座乡村供水站</h1><p>记者 王芳 赵强</p>");
    expect((await articlesOf("water.html", Buffer.from(printed))).articles[0]!.byline).toBe("记者 王芳 赵强");
  });

  it("is dated by <time datetime> when there is no meta tag, and by the file name when the page says nothing", async () => {
    const html = fixture("grain-reserve-article.html").toString("utf8").replace(/<meta property="article:published_time"[^>]*>/, "");
    expect((await articlesOf("grain.html", Buffer.from(html))).articles[0]!.date).toBe("2025-12-12");
    const undated = html.replace(/<time[^>]*>[^<]*<\/time>/, "");
    expect((await articlesOf("grain.html", Buffer.from(undated))).articles[0]!.date).toBeNull();
    expect((await articlesOf("cjrb_20251213_grain.html", Buffer.from(undated))).articles[0]!.date).toBe("2025-12-13");
  });

  it("is found from its content whatever its name, and decoded by its declared charset", async () => {
    expect(detectFormat(fixture("grain-reserve-article.html"), "article")).toBe("html");
    expect(detectFormat(fixture("cjrb-2024-11-07-p1.pdf"), "page.txt")).toBe("pdf");
    const gbk = Buffer.concat([
      Buffer.from('<!DOCTYPE html><html><head><meta charset="gbk"><title>t</title></head><body><article><h1>'),
      Buffer.from([0xb2, 0xfd, 0xbc, 0xaa]), // 昌吉 in GBK
      Buffer.from(`</h1><p>${"Changji news text. ".repeat(10)}</p></article></body></html>`),
    ]);
    const { text } = await articlesOf("gbk-page", gbk);
    expect(text).toContain("# 昌吉");
  });
});

describe("bad input: one coded error each, with a hint", () => {
  it("a scanned PDF without a text layer says OCR is needed", async () => {
    const err = await refusal("scanned-page.pdf", fixture("scanned-page.pdf"));
    expect(err.code).toBe("PDF_NO_TEXT");
    expect(err.hint).toMatch(/OCR/);
  });

  it("a password-protected PDF", async () => {
    expect((await refusal("locked-page.pdf", fixture("locked-page.pdf"))).code).toBe("PDF_ENCRYPTED");
  });

  it("a truncated PDF (a cut-off download)", async () => {
    const whole = fixture("cjrb-2024-11-07-p1.pdf");
    const err = await refusal("cut.pdf", whole.subarray(0, Math.floor(whole.length * 0.6)));
    expect(err.code).toBe("PDF_DAMAGED");
    expect(err.message).toMatch(/truncated/);
  });

  it("a PDF whose structure is broken", async () => {
    const err = await refusal("broken.pdf", Buffer.from("%PDF-1.7\n1 0 obj garbage endobj\ntrailer <<>>\n%%EOF\n"));
    expect(err.code).toBe("PDF_DAMAGED");
  });

  it("binary garbage named .pdf", async () => {
    let seed = 7;
    const garbage = Buffer.from(Array.from({ length: 4096 }, () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % 256)));
    const err = await refusal("page.pdf", garbage);
    expect(err.code).toBe("FORMAT_UNKNOWN");
    expect(err.message).toMatch(/named \.pdf but is not a PDF/);
  });

  it("an HTML page with no article (a section front of links)", async () => {
    const links = Array.from({ length: 30 }, (_, i) => `<li><a href="/n/${i}">昌吉新闻标题第${i}条</a></li>`).join("");
    const html = `<!DOCTYPE html><html><head><title>昌吉新闻</title></head><body><nav><ul>${links}</ul></nav><footer>版权所有</footer></body></html>`;
    expect((await refusal("news-index.html", Buffer.from(html))).code).toBe("HTML_NO_ARTICLE");
  });

  it("a file over the size limit", async () => {
    const err = await refusal("big.pdf", fixture("cjrb-2024-11-07-p1.pdf"), { maxBytes: 100_000 });
    expect(err.code).toBe("FILE_TOO_LARGE");
    expect(err.hint).toMatch(/ADD_MAX_MB/);
  });
});

describe("reading order", () => {
  const line = (text: string, x: number, y: number, size = 10): TextPiece => ({ text, x, y, width: [...text].length * size, size });

  it("reads a banner headline, then the left column top to bottom, then the right one", () => {
    const left = ["左一行文字内容在这", "左二行文字内容在这", "左三行文字内容在这"];
    const right = ["右一行文字内容在这", "右二行文字内容在这", "右三行文字内容在这"];
    const pieces = [
      line("通栏大标题在这里", 60, 700, 20),
      ...right.map((t, i) => line(t, 200, 660 - i * 14)),
      ...left.map((t, i) => line(t, 50, 660 - i * 14)),
    ];
    expect(layoutPage(pieces).split("\n").filter(Boolean)).toEqual(["# 通栏大标题在这里", ...left, ...right]);
  });

  it("marks the largest type above the body as the headline, never a byline set as large", () => {
    const body = ["正文第一行文字内容在这里", "正文第二行文字内容在这里"];
    const pieces = [line("某县新建三座供水站", 60, 700, 18), line("本报记者 某某 报道", 60, 676, 18), ...body.map((t, i) => line(t, 50, 650 - i * 14))];
    expect(layoutPage(pieces).split("\n").filter(Boolean)).toEqual(["# 某县新建三座供水站", "本报记者 某某 报道", ...body]);
  });

  it("reads the room a photo takes as a new region of the page (two blank lines)", () => {
    const pieces = [line("上一篇报道的最后一行文字。", 50, 700), line("图片说明文字在这里。", 50, 560)];
    expect(layoutPage(pieces)).toBe("上一篇报道的最后一行文字。\n\n\n图片说明文字在这里。");
  });

  it("leaves a single column in top-to-bottom order", () => {
    const rows = ["第一行", "第二行比较长一些的文字", "第三行"].map((t, i) => line(t, 50, 700 - i * 14));
    expect(layoutPage(rows).split("\n")).toEqual(["第一行", "第二行比较长一些的文字", "第三行"]);
  });
});

describe("names and dates", () => {
  it("a page is known by its document's name with .txt", () => {
    expect(seedNameFor("/tmp/x/2024-11-07_p1.pdf")).toBe("2024-11-07_p1.txt");
    expect(seedNameFor("article.HTML")).toBe("article.txt");
    expect(seedNameFor("005_page.txt")).toBe("005_page.txt");
  });

  it("reads whole dates from file names, never from hashes or issue numbers", () => {
    expect(dateInFileName("2024-11-07_page1.pdf")).toBe("2024-11-07");
    expect(dateInFileName("cjrb20241107.pdf")).toBeNull(); // glued to letters: not a date on its own
    expect(dateInFileName("cjrb_20241107.pdf")).toBe("2024-11-07");
    expect(dateInFileName("003_2a3bfdafac07cb06.txt")).toBeNull();
    expect(dateInFileName("page_20241399.pdf")).toBeNull();
  });

  it("reads dates written in titles and meta values", () => {
    expect(dateInText("昌吉日报 2024年11月7日 第01版")).toBe("2024-11-07");
    expect(dateInText("2025-12-12T09:30:00+08:00")).toBe("2025-12-12");
    expect(dateInText("总第12124期")).toBeNull();
  });

  it("front matter round-trips, and a page that merely starts with a rule line keeps its text", () => {
    const block = renderFrontMatter({ source: "p.pdf", format: "pdf", date: "2024-11-07", paper: undefined });
    expect(splitFrontMatter(`${block}正文`)).toEqual({ fields: { source: "p.pdf", format: "pdf", date: "2024-11-07" }, body: "\n正文" });
    const ruled = "---\n本报讯 今天的新闻。\n---\n正文";
    expect(splitFrontMatter(ruled)).toEqual({ fields: {}, body: ruled });
  });
});
