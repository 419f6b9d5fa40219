import { beforeAll, describe, expect, it } from "vitest";
import { quotedNameConcepts } from "../../src/answer/calques.js";
import { KeywordIndex } from "../../src/retrieve/bm25.js";
import { createQueryTranslator, type QueryTranslator } from "../../src/retrieve/english.js";
import { createTokenizer } from "../../src/retrieve/tokenize.js";
import { seedPassages } from "../retrieve/fixtures/seed-corpus.js";

/** Quoted programme names read whole, against the seed pages' keyword index and bridge. */
let translator: QueryTranslator;
let stats: { documentFrequency: (t: string) => number; size: number };

beforeAll(() => {
  const index = KeywordIndex.fromDocuments(seedPassages(), { tokenizer: createTokenizer() });
  translator = createQueryTranslator({ corpusTerms: index.terms(), documentFrequency: (t) => index.documentFrequency(t) });
  stats = { documentFrequency: (t) => index.documentFrequency(t), size: index.size };
});

describe("quotedNameConcepts", () => {
  it("spells a quoted name word by word, in order, as the pages could print it", () => {
    const [core] = quotedNameConcepts("How many 'key core technology' projects were there?", translator, stats);
    expect(core).toMatchObject({ label: "key core technology", anchor: false });
    expect(core!.alternatives).toContain("关键核心技术");
    // Two words may read as one (model worker → 劳模).
    const [led] = quotedNameConcepts("How many “model worker-led innovation” projects?", translator, stats);
    expect(led!.alternatives).toContain("劳模引领创新");
  });

  it("reads nothing for a name no spelling of the pages could print, nor for an apostrophe or a single word", () => {
    expect(quotedNameConcepts("How much 'send warmth' money was raised?", translator, stats)).toEqual([]);
    expect(quotedNameConcepts("How many of Changji's unions' members are there?", translator, stats)).toEqual([]);
    expect(quotedNameConcepts("What is a 'union'?", translator, stats)).toEqual([]);
  });
});
