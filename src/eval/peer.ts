/**
 * The naive peer the external evaluation compares against: character-bigram BM25 over sentences,
 * answering with its best sentence and never refusing. About forty lines on purpose — it is the bar
 * that anything cleverer has to clear.
 */

/** BM25 parameters (the usual defaults). */
const K1 = 1.2;
const B = 0.75;

/** Sentences of a paragraph: split after 。！？!?；; and at line breaks. */
export function splitSentences(text: string): string[] {
  return text
    .split(/(?<=[。！？!?；;])|\n+/u)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Overlapping character pairs of the text's letters, digits and ideographs, lower-cased. */
export function charBigrams(text: string): string[] {
  const chars = [...text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "")];
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  return out;
}

/** Answers a question with the best sentence of `paragraphs`, or "" when no sentence shares a bigram. */
export type NaivePeer = (question: string) => string;

/** Builds the peer over the paragraphs of the corpus (the kept articles). */
export function createBigramPeer(paragraphs: string[]): NaivePeer {
  const sentences = paragraphs.flatMap(splitSentences);
  const docs = sentences.map((s) => {
    const tf = new Map<string, number>();
    const grams = charBigrams(s);
    for (const g of grams) tf.set(g, (tf.get(g) ?? 0) + 1);
    return { tf, length: grams.length };
  });
  const df = new Map<string, number>();
  for (const d of docs) for (const g of d.tf.keys()) df.set(g, (df.get(g) ?? 0) + 1);
  const avgLength = docs.reduce((n, d) => n + d.length, 0) / Math.max(1, docs.length);
  const idf = (g: string) => Math.log(1 + (docs.length - (df.get(g) ?? 0) + 0.5) / ((df.get(g) ?? 0) + 0.5));

  return (question) => {
    const terms = [...new Set(charBigrams(question))].filter((g) => df.has(g));
    let best = -1;
    let bestScore = 0;
    docs.forEach((d, i) => {
      let score = 0;
      for (const g of terms) {
        const f = d.tf.get(g);
        if (f) score += idf(g) * ((f * (K1 + 1)) / (f + K1 * (1 - B + (B * d.length) / avgLength)));
      }
      if (score > bestScore) [best, bestScore] = [i, score];
    });
    return best < 0 ? "" : sentences[best]!;
  };
}
