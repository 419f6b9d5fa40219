/**
 * Writes the fixtures of the PDF and web-page readers into test/fixtures/ingest, from the seeds'
 * own text, so the tests read a real two-column PDF page and a real-looking article page:
 *
 * - `cjrb-2024-11-07-p1.pdf`: the masthead and two articles of seed 004 (2024-11-07), set in two
 *   columns under full-width headlines, in Noto Serif CJK SC. pdfkit embeds only the glyphs used
 *   (a subset), so the file stays small.
 * - `undated-notice.pdf`: a few lines with no masthead, in a standard font; the date is only in the
 *   PDF metadata.
 * - `scanned-page.pdf`: an image-only page (shapes, no text layer), as a scanner makes.
 * - `scanned-cjrb-2024-11-07-p1.pdf`: `cjrb-2024-11-07-p1.pdf` as a scanner gives it — the page
 *   rendered by poppler's pdftoppm (150 dpi, greyscale JPEG) and put back as an image only, no text
 *   layer (needs `apt-get install poppler-utils`). Its text is read by OCR or not at all.
 * - `locked-page.pdf`: a password-protected page.
 * - `grain-reserve-article.html`: one article of seed 002 inside navigation, ads, related links and
 *   a footer, dated by its meta tags.
 * - `byline-under-headline.pdf`: text written for the test — two stories whose bylines are set in
 *   heading type (one as large as its headline, one larger than the body), and a photo item with a
 *   long caption and no headline.
 * - `city-study-article.html`: text written for the test — a web article whose titles carry the
 *   site's name as a suffix (-昌吉日报) and no og:site_name.
 * - `author-meta-article.html`: text written for the test — a web article whose writer is named
 *   only in its author meta tags (name=author, and an article:author profile URL).
 *
 * Usage: `npm run fixture:ingest` (needs a CJK font: `apt-get install fonts-noto-cjk`, or set
 * FIXTURE_CJK_FONT to a .ttf/.otf/.ttc and FIXTURE_CJK_FONT_NAME to its PostScript name).
 * Same bytes on every run: the dates in the PDFs are fixed and pdfkit's file id is derived from them.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import PDFDocument from "pdfkit";
import { parseArticles } from "../src/ingest/index.js";
import type { Article } from "../src/ingest/types.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const OUT = path.join(root, "test/fixtures/ingest");
const FONT = process.env.FIXTURE_CJK_FONT ?? "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc";
const FONT_NAME = process.env.FIXTURE_CJK_FONT_NAME ?? "NotoSerifCJKsc-Regular";

const articlesOf = (seed: string): Article[] => parseArticles(seed, fs.readFileSync(path.join(root, "seeds", seed), "utf8"));
const find = (articles: Article[], headline: string) => articles.find((a) => a.headline === headline)!;

/** A pdfkit document with the CJK font registered and fixed dates, written to `name` when ended. */
function pdf(name: string, created: Date, options: PDFKit.PDFDocumentOptions = {}): Promise<void> & { doc: PDFKit.PDFDocument } {
  const doc = new PDFDocument({ size: "A4", margin: 40, info: { CreationDate: created, ModDate: created, Producer: "make-ingest-fixtures" }, ...options });
  doc.registerFont("cjk", FONT, FONT_NAME);
  doc.font("cjk");
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve) => doc.on("end", () => {
    fs.writeFileSync(path.join(OUT, name), Buffer.concat(chunks));
    console.log(`${name}: ${Buffer.concat(chunks).length} bytes`);
    resolve();
  }));
  return Object.assign(done, { doc });
}

/** Seed 004's masthead and two of its articles, on one two-column page. */
async function twoColumnPage(): Promise<void> {
  const seed = articlesOf("004_79b3c460d300cb0d.txt");
  const out = pdf("cjrb-2024-11-07-p1.pdf", new Date(Date.UTC(2024, 10, 6, 14)));
  const { doc } = out;
  const width = doc.page.width - 80;
  doc.fontSize(30).text("昌吉日报", 40, 40, { width, align: "center" });
  doc.fontSize(10).text("2024年11月7日", 40, 84).text("总第12124期", 40, 98);
  let y = 124;
  for (const [headline, extra] of [["准东煤田火区治理持续推进", "subheadline"], ["木垒县冬小麦长势喜人", "kicker"]] as const) {
    const article = find(seed, headline);
    const above = extra === "kicker" ? article.kicker : null;
    const below = extra === "subheadline" ? article.subheadline : null;
    if (above) doc.fontSize(12).text(above, 40, y, { width, align: "center" }), (y += 18);
    doc.fontSize(18).text(headline, 40, y, { width, align: "center" });
    y += 26;
    if (below) doc.fontSize(12).text(below, 40, y, { width, align: "center" }), (y += 20);
    const body = article.paragraphs.join("\n");
    const options = { width, columns: 2, columnGap: 20, indent: 20, paragraphGap: 2, lineGap: 2 } as const;
    const height = doc.fontSize(10).heightOfString(body, { ...options, columns: 1, width: (width - 20) / 2 }) / 2 + 20;
    doc.text(body, 40, y, { ...options, height });
    y += height + 20;
  }
  doc.end();
  await out;
}

/** In a standard font (not embedded): pdf.js reads it with the font data shipped in its package. */
async function undatedNotice(): Promise<void> {
  const out = pdf("undated-notice.pdf", new Date(Date.UTC(2025, 2, 15, 2)));
  out.doc.font("Helvetica").fontSize(16).text("Changji Winter Sports Notice").moveDown().fontSize(10);
  out.doc.text("The Tianchi ski resort opens its slopes to visitors this weekend. Buses leave the city centre every hour.", { indent: 20 });
  out.doc.end();
  await out;
}

async function scannedPage(): Promise<void> {
  const out = pdf("scanned-page.pdf", new Date(Date.UTC(2025, 0, 1)));
  // Grey bars where a scanner's picture would show lines of type: ink, but no text layer.
  for (let line = 0; line < 30; line++) out.doc.rect(40, 60 + line * 18, 240 - (line % 7) * 12, 9).fill("#555");
  out.doc.end();
  await out;
}

/** The two-column page as a scan: one picture per page, no text layer (written after `twoColumnPage`). */
async function scannedNewsPage(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fixture-scan-"));
  try {
    execFileSync("pdftoppm", ["-r", "150", "-gray", "-jpeg", "-singlefile", path.join(OUT, "cjrb-2024-11-07-p1.pdf"), path.join(dir, "scan")]);
    const out = pdf("scanned-cjrb-2024-11-07-p1.pdf", new Date(Date.UTC(2024, 10, 6, 14)), { margin: 0 });
    out.doc.image(path.join(dir, "scan.jpg"), 0, 0, { width: out.doc.page.width, height: out.doc.page.height });
    out.doc.end();
    await out;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function lockedPage(): Promise<void> {
  const out = pdf("locked-page.pdf", new Date(Date.UTC(2025, 0, 1)), { userPassword: "secret", ownerPassword: "owner", pdfVersion: "1.7" });
  out.doc.font("Helvetica").fontSize(12).text("Internal circular: not for publication.");
  out.doc.end();
  await out;
}

/** Seed 002's grain-reserve article as a news site would serve it. */
function articlePage(): void {
  const grain = find(articlesOf("002_baf0b540dc6ce199.txt"), "昌吉州地方储备粮建储项目投用");
  const related = articlesOf("004_79b3c460d300cb0d.txt").slice(1, 5);
  const html = `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${grain.headline} - 昌吉日报</title>
<meta property="og:site_name" content="昌吉日报">
<meta property="og:title" content="${grain.headline}">
<meta property="article:published_time" content="2025-12-12T09:30:00+08:00">
</head>
<body>
<header class="site-header">
  <nav class="main-nav"><ul>
    <li><a href="/">首页</a></li><li><a href="/news">昌吉新闻</a></li><li><a href="/xj">新疆新闻</a></li>
    <li><a href="/epaper">数字报</a></li><li><a href="/video">视频</a></li><li><a href="/about">关于我们</a></li>
  </ul></nav>
  <div class="ad ad-banner"><a href="https://ads.example/click?id=1">限时优惠！新款手机直降八百元，点击立即抢购，名额有限先到先得</a></div>
</header>
<div class="breadcrumb"><a href="/">首页</a> &gt; <a href="/news">昌吉新闻</a> &gt; 正文</div>
<main>
<article class="news-article">
  <h1>${grain.headline}</h1>
  <div class="meta">来源：昌吉日报 <time datetime="2025-12-12">2025年12月12日</time> 作者：${grain.byline}</div>
  ${grain.paragraphs.map((p) => `<p>${p}</p>`).join("\n  ")}
  <div class="share">分享到：微信 微博 QQ空间</div>
</article>
<aside class="related">
  <h3>相关新闻</h3>
  <ul>${related.map((a) => `<li><a href="/news/${encodeURIComponent(a.id)}">${a.headline}</a></li>`).join("")}</ul>
</aside>
<aside class="ad ad-sidebar"><a href="https://ads.example/click?id=2">乌鲁木齐楼盘火热认购中，首付十万起，拨打热线了解详情</a></aside>
</main>
<footer class="site-footer">
  <p>昌吉日报社版权所有 未经授权禁止转载 新ICP备00000000号</p>
  <p><a href="/contact">联系我们</a> | <a href="/ads">广告服务</a> | <a href="/jobs">招聘信息</a></p>
</footer>
</body>
</html>
`;
  fs.writeFileSync(path.join(OUT, "grain-reserve-article.html"), html);
  console.log(`grain-reserve-article.html: ${Buffer.byteLength(html)} bytes`);
}

/** Two stories with bylines in heading type and an untitled photo item, on one two-column page. */
async function bylineUnderHeadline(): Promise<void> {
  const out = pdf("byline-under-headline.pdf", new Date(Date.UTC(2025, 4, 20, 2)));
  const { doc } = out;
  const width = doc.page.width - 80;
  const column = { width, columns: 2, columnGap: 20, indent: 20, paragraphGap: 2, lineGap: 2 } as const;
  let y = 50;
  const story = (kicker: string | null, headline: string, byline: string, bylineSize: number, body: string[]) => {
    if (kicker) doc.fontSize(12).text(kicker, 40, y, { width, align: "center" }), (y += 18);
    doc.fontSize(18).text(headline, 40, y, { width, align: "center" });
    y += 26;
    doc.fontSize(bylineSize).text(byline, 40, y, { width, align: "center" });
    y += bylineSize + 12;
    const text = body.join("\n");
    const height = doc.fontSize(10).heightOfString(text, { ...column, columns: 1, width: (width - 20) / 2 }) / 2 + 20;
    doc.text(text, 40, y, { ...column, height });
    y += height + 24;
  };
  story("书香昌吉", "呼图壁县城市书房全天开放", "本报记者 李文 报道", 18, [
    "近日，呼图壁县城市书房实行全天二十四小时开放，市民凭身份证即可入内阅读，书房配有自助借还设备、休息座椅和饮水机。",
    "据介绍，城市书房藏书三万余册，开放以来已接待读者一万二千余人次，夜间来读书的上班族和学生占了一半以上。",
    "呼图壁县文化馆负责人说，下一步将在各乡镇再建五座城市书房，让群众在家门口就能读到好书。",
  ]);
  story(null, "玛纳斯县新建三座乡村供水站", "通讯员 王芳 赵强", 12, [
    "本报讯 今年以来，玛纳斯县新建三座乡村供水站，解决了十二个村四千余户群众的饮水问题，供水站全部实现自动化运行。",
    "玛纳斯县水利局工作人员介绍，新建供水站每天可供水两千吨，水质经检测全部达标，群众用上了放心水。",
  ]);
  // The photo (a grey box), its long caption, a line of text and the credit: no headline.
  doc.rect(40, y, width, 120).fill("#999").fillColor("black");
  y += 130;
  doc.fontSize(10).text("5月18日，在昌吉市北京路小学操场上，学生们正在参加一年一度的春季趣味运动会，拔河、跳绳、接力跑等项目吸引了全校一千余名学生参加。", 40, y, { width, indent: 20 });
  doc.text("本届运动会共设十二个项目，持续两天。学校还评选出了二十个优秀班集体和五十名体育之星。", { width, indent: 20 });
  doc.text("本报记者 张伟 摄", { width, align: "right" });
  doc.end();
  await out;
}

/** A web article whose <title> and og:title end in the site's name, with no og:site_name. */
function siteSuffixPage(): void {
  const headline = "呼图壁县城市书房24小时开放";
  const body = [
    "近日，呼图壁县城市书房实行全天二十四小时开放，市民凭身份证即可入内阅读，书房配有自助借还设备、休息座椅和饮水机。",
    "据介绍，城市书房藏书三万余册，开放以来已接待读者一万二千余人次，夜间来读书的上班族和学生占了一半以上。",
  ];
  const html = `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${headline}-昌吉日报</title>
<meta property="og:title" content="${headline}-昌吉日报">
<meta property="article:published_time" content="2025-05-20T08:00:00+08:00">
</head>
<body>
<header><h1 class="logo"><a href="/">昌吉日报</a></h1><nav><a href="/">首页</a> <a href="/news">昌吉新闻</a></nav></header>
<main>
<article>
  <h1>${headline}</h1>
  <div class="meta">来源：昌吉日报 作者：李文</div>
  ${body.map((p) => `<p>${p}</p>`).join("\n  ")}
</article>
</main>
<footer><p>昌吉日报社版权所有</p></footer>
</body>
</html>
`;
  fs.writeFileSync(path.join(OUT, "city-study-article.html"), html);
  console.log(`city-study-article.html: ${Buffer.byteLength(html)} bytes`);
}

/** A web article that names its writer only in meta[name=author] (and an article:author URL). */
function authorMetaPage(): void {
  const html = `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>玛纳斯县新建三座乡村供水站_昌吉日报</title>
<meta property="og:site_name" content="昌吉日报">
<meta property="og:title" content="玛纳斯县新建三座乡村供水站">
<meta name="author" content="王芳">
<meta property="article:author" content="https://www.cjrb.example/author/wangfang">
<meta property="article:published_time" content="2025-06-03T09:30:00+08:00">
</head>
<body>
<article>
  <h1>玛纳斯县新建三座乡村供水站</h1>
  <p>今年以来，玛纳斯县在北部三个乡镇新建乡村供水站三座，新铺设供水管网四十二公里，一万余名村民喝上了稳定的自来水。</p>
  <p>据了解，三座供水站均配备了水质在线监测设备，每天两次自动检测，数据实时上传县水务部门。</p>
</article>
</body>
</html>
`;
  fs.writeFileSync(path.join(OUT, "author-meta-article.html"), html);
  console.log(`author-meta-article.html: ${Buffer.byteLength(html)} bytes`);
}

fs.mkdirSync(OUT, { recursive: true });
await twoColumnPage();
await undatedNotice();
await scannedPage();
await scannedNewsPage();
await lockedPage();
articlePage();
await bylineUnderHeadline();
siteSuffixPage();
authorMetaPage();
