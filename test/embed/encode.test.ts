/**
 * The embedder builds its model inputs itself (src/embed/encode.ts) instead of through
 * transformers.js's tokenizer call. These tests hold it to the library: the same ids, truncation
 * and padding on every seed passage and on odd text, and byte-identical vectors from the real
 * fixture model run by onnxruntime.
 */
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { FIXTURE_DIR } from "../../scripts/make-fixture-model.js";
import { loadConfig } from "../../src/config/index.js";
import { createEmbedder, type Embedder } from "../../src/embed/index.js";
import { fastBertWords } from "../../src/embed/bert-words.js";
import { encodeText, memoizeBertNormalizer, memoizeWordPiece, padBatch, type TextTokenizer } from "../../src/embed/encode.js";
import type { FeatureExtractionPipeline } from "../../src/embed/runtime.js";
import { chunkArticle, parseArticles, readSeedFiles } from "../../src/ingest/index.js";

const MODELS_DIR = path.dirname(FIXTURE_DIR);
const MODEL = "tiny-zh";

/** Text that is not Chinese prose: Latin, digits, full-width forms, emoji, control and odd spaces, nothing. */
const ODD_TEXTS = [
  "",
  " ",
  "Changji Daily, 2024-05-01: GDP grew 6.5% (year on year).",
  "ＡＢＣ１２３，全角字符　与半角 abc",
  "🎉🇨🇳 新年快乐 👍🏽",
  "tab\there\u0000nul\u200bzero-width\u00a0nbsp",
  "Ünïcödé àccents ß",
  "[CLS] [SEP] [PAD] [UNK] 文本里的特殊记号",
  "x".repeat(150) + " 超长单词",
  "农村劳动力外出务工8710人。".repeat(60), // > 512 tokens: truncated
  "word ".repeat(700),
];

let pipe: FeatureExtractionPipeline;
/** A second copy of the tokenizer, with the WordPiece and normalizer memos and the BERT word split the embedder uses. */
let memoized: TextTokenizer;
let embedder: Embedder;
let seedPassages: string[];

beforeAll(async () => {
  const { loadFeatureExtractor } = await import("../../src/embed/runtime.js");
  pipe = await loadFeatureExtractor(MODEL, true, { modelsDir: MODELS_DIR, cacheDir: null });
  memoized = (await loadFeatureExtractor(MODEL, true, { modelsDir: MODELS_DIR, cacheDir: null })).tokenizer as unknown as TextTokenizer;
  expect(memoized).not.toBe(pipe.tokenizer);
  memoizeWordPiece(memoized);
  memoizeBertNormalizer(memoized);
  expect(fastBertWords(memoized)).toBe(true);
  embedder = await createEmbedder({ model: MODEL, modelsDir: MODELS_DIR });
  const config = loadConfig({ MODELS_DIR, EMBEDDING_MODEL: MODEL });
  const { files } = await readSeedFiles(config.seedsDir);
  seedPassages = files.flatMap((f) => parseArticles(f.name, f.text).flatMap((a) => chunkArticle(a, config.chunk, 0).map((p) => p.embedText)));
});

describe("encodeText and padBatch", () => {
  it("give the ids, mask and padding of transformers.js's tokenizer call, on every seed passage and odd text (WordPiece memo cold and warm)", () => {
    const tokenizer = memoized;
    const texts = [...seedPassages, ...ODD_TEXTS, ...seedPassages, ...ODD_TEXTS];
    expect(seedPassages.length).toBeGreaterThan(100);
    for (let start = 0; start < texts.length; start += 16) {
      const batch = texts.slice(start, start + 16);
      const theirs = pipe.tokenizer(batch, { padding: true, truncation: true }) as unknown as Record<string, { data: BigInt64Array }>;
      const ours = padBatch(batch.map((t) => encodeText(tokenizer, t, 512)), tokenizer.pad_token_id ?? 0);
      expect(ours.inputIds).toEqual(theirs.input_ids!.data);
      expect(ours.attentionMask).toEqual(theirs.attention_mask!.data);
      if (theirs.token_type_ids) expect(ours.tokenTypeIds).toEqual(theirs.token_type_ids.data);
    }
  });

  it("pad with the tokenizer's pad id, on the side it pads, and carry ids beyond 32 bits", () => {
    const batch = padBatch([{ ids: [5, 6, 7], typeIds: [0, 0, 1] }, { ids: [2 ** 40], typeIds: [0] }], 1, true);
    expect(batch).toMatchObject({ rows: 2, tokens: 3 });
    expect(batch.inputIds).toEqual(BigInt64Array.from([5n, 6n, 7n, 1n, 1n, 2n ** 40n]));
    expect(batch.attentionMask).toEqual(BigInt64Array.from([1n, 1n, 1n, 0n, 0n, 1n]));
    expect(batch.tokenTypeIds).toEqual(BigInt64Array.from([0n, 0n, 1n, 0n, 0n, 0n]));
    expect(Array.from(batch.mask)).toEqual([1, 1, 1, 0, 0, 1]);
  });

  it("cut a long text at the limit as the library does (its last token is not [SEP])", () => {
    const tokenizer = pipe.tokenizer as unknown as TextTokenizer;
    const long = ODD_TEXTS[9]!;
    const { ids } = encodeText(tokenizer, long, 512);
    expect(ids).toHaveLength(512);
    expect(ids).toEqual(Array.from((pipe.tokenizer(long, { truncation: true }) as unknown as { input_ids: { data: BigInt64Array } }).input_ids.data, Number));
  });
});

describe("memoizeBertNormalizer", () => {
  it("normalizes any text as the library does, character by character (random text over all of Unicode)", () => {
    type Normalizing = { normalizer: { normalize(text: string): string } };
    const library = (pipe.tokenizer as unknown as Normalizing).normalizer;
    const ours = (memoized as unknown as Normalizing).normalizer;
    expect(ours.normalize).not.toBe(library.normalize);
    for (const text of randomTexts(3000)) expect(ours.normalize(text), JSON.stringify(text)).toBe(library.normalize(text));
    for (const text of [...ODD_TEXTS, ...seedPassages]) expect(ours.normalize(text)).toBe(library.normalize(text));
  });
});

describe("fastBertWords", () => {
  it("gives the library's tokens for any text (random text over all of Unicode, special tokens, seed passages)", () => {
    type Encoding = { _encode_text(text: string): string[] };
    const library = pipe.tokenizer as unknown as Encoding;
    const ours = memoized as unknown as Encoding;
    expect(ours._encode_text).not.toBe(library._encode_text);
    // Whitespace and punctuation between and around words, so runs are cut in every way.
    const joined = randomTexts(600).map((t, i) => t + [" ", "，", "\u0000", "-", "[SEP]", "a"][i % 6]);
    for (const text of [...randomTexts(3000), ...joined, ...ODD_TEXTS, ...seedPassages]) {
      expect(ours._encode_text(text), JSON.stringify(text)).toEqual(library._encode_text(text));
    }
  });
});

/** Seeded random strings: controls, spaces, CJK, surrogate pairs and lone surrogates, combining marks, private use. */
function randomTexts(count: number): string[] {
  let seed = 12345;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const pools = [[0, 0x80], [0x80, 0x3000], [0x3000, 0xa000], [0xd800, 0xe000], [0xe000, 0x10000], [0x10000, 0x110000]] as const;
  const texts: string[] = [];
  for (let n = 0; n < count; n++) {
    const length = 1 + Math.floor(random() * 30);
    let text = "";
    for (let i = 0; i < length; i++) {
      const [lo, hi] = pools[Math.floor(random() * pools.length)]!;
      const cp = lo + Math.floor(random() * (hi - lo));
      text += cp >= 0xd800 && cp < 0xe000 ? String.fromCharCode(cp) : String.fromCodePoint(cp);
    }
    texts.push(text);
  }
  return texts;
}

describe("embedPassages", () => {
  it("gives vectors byte-identical to the transformers.js pipeline's, batch by batch in input order", async () => {
    const texts = [...seedPassages, ...ODD_TEXTS];
    const ours = await embedder.embedPassages(texts);
    for (let start = 0; start < texts.length; start += 16) {
      const reference = await pipe(texts.slice(start, start + 16), { pooling: "mean", normalize: true });
      const mine = Float32Array.from(ours.slice(start, start + 16).flatMap((v) => [...v]));
      expect(Buffer.from(mine.buffer).equals(Buffer.from((reference.data as Float32Array).buffer))).toBe(true);
    }
  });
});
