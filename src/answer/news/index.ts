/**
 * The news reader's side of the answering core: the newest paper, a day's or an issue's paper, an
 * overview of a topic, the next best sentences after any answer ("More"), and a whole article
 * ("Full article"). Front ends reach it through the QaService; it knows nothing of them.
 */
import type { SearchIndex } from "../../index/open.js";
import type { Article } from "../../ingest/types.js";
import type { QueryTranslator } from "../../retrieve/english.js";
import type { Answerer } from "../answerer.js";
import type { IntentReading } from "../intent.js";
import { questionLanguage } from "../question.js";
import type { Answer, Citation } from "../types.js";
import { newsCatalog } from "./articles.js";
import { answerIssue, answerLatest } from "./issue.js";
import { answerOverview, DEFAULT_OVERVIEW, keySentences, type OverviewOptions } from "./overview.js";
import type { NewsAnswer } from "./types.js";

export type { NewsAnswer } from "./types.js";

export interface NewsReaderDeps {
  index: SearchIndex;
  translator: QueryTranslator;
  embedQuery: ((text: string) => Promise<Float32Array>) | null;
  /** The fact answerer (its decision gates overviews). */
  answerFact: Answerer;
  overview?: Partial<OverviewOptions>;
}

export interface NewsReader {
  /** Answers a latest, issue or overview question (`reading` from detectIntent). */
  answer(question: string, reading: IntentReading, today: Date): Promise<NewsAnswer>;
  /** The next best citations after `answer`: a news answer's own `more`, else key sentences not yet quoted. */
  more(answer: Answer): Promise<Citation[]>;
  /** The cleaned article (headline, paper, date, paragraphs) by id, or null. */
  article(articleId: string): Article | null;
}

/** Creates the news reader over one loaded index (rebuilt with the index on reload). */
export function createNewsReader(deps: NewsReaderDeps): NewsReader {
  const catalog = newsCatalog(deps.index);
  const overviewDeps = { ...deps, catalog, ...(deps.overview ? { options: deps.overview } : {}) };
  return {
    async answer(raw, reading, today) {
      const question = raw.trim();
      const lang = questionLanguage(question);
      switch (reading.intent) {
        case "latest":
          return answerLatest(catalog, question, lang, today);
        case "issue":
          return answerIssue(catalog, question, lang, reading);
        case "overview":
          return answerOverview(overviewDeps, question, lang, reading.topic ?? question, today);
        default:
          throw new RangeError(`not a news intent: ${reading.intent}; must be one of latest, issue, overview`);
      }
    },
    async more(answer) {
      if (answer.more) return answer.more;
      if (!answer.found) return [];
      const shown = new Set(answer.citations.map((c) => c.quote));
      const count = (deps.overview?.sentences ?? DEFAULT_OVERVIEW.sentences) * 2;
      return keySentences(overviewDeps, answer.question, answer.lang, shown, count);
    },
    article: (id) => catalog.article(id) ?? null,
  };
}
