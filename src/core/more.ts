import type { Answer, Citation } from "../answer/types.js";
import type { QaService } from "./types.js";

/** Citations "More" shows at a time. */
export const MORE_PAGE = 5;

/**
 * "More" after one answer, page by page: asks the core once for the next best citations (a news
 * answer's own, else key sentences not yet quoted) and hands them out MORE_PAGE at a time.
 * Shared by the bot's button and the chat's `more` command.
 */
export class MorePager {
  private pending: Promise<Citation[]> | null = null;
  private given = 0;
  private total: number | null = null;

  constructor(
    private readonly qa: Pick<QaService, "more">,
    readonly answer: Answer,
    private readonly pageSize = MORE_PAGE,
  ) {}

  /** Whether the core can give more at all (a refused answer, or a core without `more`, cannot). */
  get available(): boolean {
    return Boolean(this.qa.more) && (this.answer.found || Boolean(this.answer.more?.length));
  }

  /** False once a page has shown the last of them; true before the core was asked. */
  get hasMore(): boolean {
    return this.available && (this.total === null || this.given < this.total);
  }

  /** The next page; empty when everything has been shown. */
  async next(): Promise<Citation[]> {
    if (!this.available) return [];
    this.pending ??= this.qa.more!(this.answer);
    const all = await this.pending;
    this.total = all.length;
    const page = all.slice(this.given, this.given + this.pageSize);
    this.given += page.length;
    return page;
  }
}
