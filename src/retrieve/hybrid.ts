import type { Article, Passage } from "../ingest/types.js";
import type { SearchIndex } from "../index/open.js";
import type { QueryTerm } from "./bm25.js";

/** Tuning of hybrid retrieval; every field has a default (see DEFAULT_RETRIEVE). */
export interface RetrieveOptions {
  /** Distinct articles returned. */
  articles: number;
  /** Candidates taken from each of the keyword and vector lists before fusion. */
  candidates: number;
  /** Reciprocal-rank constant of the small rank bonus added to the normalised scores (breaks ties). */
  rrfK: number;
  keywordWeight: number;
  vectorWeight: number;
  /** Passages kept per article. */
  passagesPerArticle: number;
}

export const DEFAULT_RETRIEVE: RetrieveOptions = {
  articles: 8,
  candidates: 40,
  rrfK: 60,
  keywordWeight: 1,
  // The vector list is a weaker signal than BM25 here: it cannot tell 10395 from 8710, and in
  // offline mode the fixture model only knows shared characters. It breaks ties and finds paraphrases.
  vectorWeight: 0.5,
  passagesPerArticle: 3,
};

export interface PassageHit {
  passage: Passage;
  /** Fused score: weighted, min-max normalised keyword and vector scores plus a small rank bonus. */
  score: number;
  keywordRank: number | null;
  keywordScore: number;
  vectorRank: number | null;
  similarity: number | null;
  /** Query terms found in the passage (from BM25). */
  matched: string[];
}

export interface ArticleHit {
  article: Article;
  /** The best passage's fused score. */
  score: number;
  passages: PassageHit[];
}

export interface RetrievalQuery {
  /** Keyword query: raw text (tokenized by the index's tokenizer) or weighted terms. */
  keyword: string | readonly QueryTerm[];
  /** The question embedded as a query, or null for keyword-only search. */
  vector: Float32Array | null;
}

export interface Timings {
  keywordMs: number;
  vectorMs: number;
  fusionMs: number;
}

/**
 * Hybrid search: BM25 and HNSW candidate lists fused by weighted normalised scores, then grouped
 * by article so a reader sees a few distinct sources, not five chunks of one article.
 */
export function searchHybrid(
  index: SearchIndex,
  query: RetrievalQuery,
  options: Partial<RetrieveOptions> = {},
): { hits: ArticleHit[]; timings: Timings } {
  const o = { ...DEFAULT_RETRIEVE, ...options };
  let t = performance.now();
  const keywordHits = index.keyword.search(query.keyword, o.candidates);
  const keywordMs = performance.now() - t;

  t = performance.now();
  const vectorHits = query.vector && index.vectors ? index.vectors.search(query.vector, o.candidates) : [];
  const vectorMs = performance.now() - t;

  t = performance.now();
  const byId = new Map<number, PassageHit>();
  const entry = (id: number): PassageHit | null => {
    const passage = index.passages[id];
    if (!passage) return null;
    let hit = byId.get(id);
    if (!hit) {
      hit = { passage, score: 0, keywordRank: null, keywordScore: 0, vectorRank: null, similarity: null, matched: [] };
      byId.set(id, hit);
    }
    return hit;
  };
  // Scores are min-max normalised per list before they are weighted and added: unlike plain
  // reciprocal-rank fusion, a weak keyword match deep in the list then counts for little, so a
  // noisy vector list cannot lift it above the passage that matches the question's words.
  const topKeyword = keywordHits[0]?.score ?? 1;
  keywordHits.forEach((h, rank) => {
    const hit = entry(h.id);
    if (!hit) return;
    hit.keywordRank = rank;
    hit.keywordScore = h.score;
    hit.matched = h.matched;
    hit.score += o.keywordWeight * (h.score / topKeyword) + o.keywordWeight / (o.rrfK + rank + 1);
  });
  const sims = vectorHits.map((h) => h.similarity);
  const [lo, hi] = [Math.min(...sims), Math.max(...sims)];
  vectorHits.forEach((h, rank) => {
    const hit = entry(h.id);
    if (!hit) return;
    hit.vectorRank = rank;
    hit.similarity = h.similarity;
    hit.score += o.vectorWeight * (hi > lo ? (h.similarity - lo) / (hi - lo) : 1) + o.vectorWeight / (o.rrfK + rank + 1);
  });

  const groups = new Map<string, ArticleHit>();
  for (const hit of [...byId.values()].sort((a, b) => b.score - a.score)) {
    const article = index.articles.get(hit.passage.articleId);
    if (!article) continue;
    let group = groups.get(article.id);
    if (!group) {
      if (groups.size >= o.articles) continue;
      group = { article, score: hit.score, passages: [] };
      groups.set(article.id, group);
    }
    if (group.passages.length < o.passagesPerArticle) group.passages.push(hit);
  }
  const fusionMs = performance.now() - t;
  return { hits: [...groups.values()], timings: { keywordMs, vectorMs, fusionMs } };
}
