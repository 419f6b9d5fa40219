/**
 * The terminal chat's news commands: `more` (or /more, 更多) shows the next best sentences or
 * articles after the last answer, five at a time; `/article N` prints source N of what was shown
 * last in full. State is the last answer only.
 */
import type { Answer, Citation } from "../answer/types.js";
import { MorePager } from "../core/more.js";
import type { QaService } from "../core/types.js";
import type { Article } from "../ingest/types.js";

const MORE = /^(\/?more|更多|\/更多)$/i;
const ARTICLE = /^\/(?:article|full)(?:\s+(\d+))?$/i;

/** Plain-text citations, numbered: source line, then the quote. */
export function renderCitations(citations: readonly Citation[], lang: "zh" | "en"): string {
  const head = lang === "zh" ? "更多：" : "More:";
  return [head, ...citations.flatMap((c, i) => [`[${i + 1}] ${c.paper ?? "—"} · ${c.date ?? "undated"} · ${c.headline} (${c.source})`, `    “${c.quote}”`])].join("\n");
}

/** A whole cleaned article for the terminal: headline, paper and date, byline, paragraphs. */
export function renderArticle(article: Article): string {
  const meta = [article.paper ?? "—", article.date ?? "undated", article.page, article.source].filter(Boolean).join(" · ");
  const head = [article.kicker, article.headline, article.subheadline].filter(Boolean).join("\n");
  return [head, meta, ...(article.byline ? [article.byline] : []), "", ...article.paragraphs].join("\n");
}

/** What the chat remembers for `more` and `/article`. */
export class ChatNews {
  private pager: MorePager | null = null;
  private shown: Citation[] = [];

  constructor(private readonly qa: QaService) {}

  /** A new answer: `more` and `/article` now refer to it. */
  remember(answer: Answer): void {
    this.pager = new MorePager(this.qa, answer);
    this.shown = answer.citations;
  }

  /** The reply to a news command, or null when `text` is none (then it is a question or another command). */
  async handle(text: string): Promise<string | null> {
    if (MORE.test(text)) {
      if (!this.pager?.available) return "Nothing more to show — ask a question first.";
      const page = await this.pager.next();
      if (!page.length) return this.pager.answer.lang === "zh" ? "没有更多了。" : "That is all the articles have on it.";
      this.shown = page;
      return `${renderCitations(page, this.pager.answer.lang)}\n(/article N prints source N in full; more shows the next ones)`;
    }
    const full = ARTICLE.exec(text);
    if (!full) return null;
    const n = Number(full[1] ?? 1);
    const citation = this.shown[n - 1];
    if (!citation) return this.shown.length ? `Give a source number from 1 to ${this.shown.length}.` : "No sources yet — ask a question first.";
    const article = this.qa.article?.(citation.articleId) ?? null;
    return article ? renderArticle(article) : "That article is no longer in the index (it was rebuilt); ask again.";
  }
}
