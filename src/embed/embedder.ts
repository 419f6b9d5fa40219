/**
 * Turns questions and passages into vectors with a local ONNX model through transformers.js.
 * `createEmbedder(options)` hides the tokenizer, model, pooling and per-model prefixes.
 */
import type { Config } from "../config/index.js";
import { QaError } from "../errors.js";
import { isKnownModel, MODEL_PROFILES, profileFor } from "./profiles.js";
import { encodeText, memoizeBertNormalizer, memoizeWordPiece, padBatch, type EncodedText, type TextTokenizer } from "./encode.js";
import { fastBertWords } from "./bert-words.js";
import { poolRows } from "./pooling.js";
import type { FeatureExtractionPipeline, RuntimeOptions, ThreadOptions } from "./runtime.js";

export interface EmbedderOptions {
  /** Model id, e.g. "Xenova/multilingual-e5-small"; also its folder name under modelsDir. Required. */
  model: string;
  /** Local models folder; when set, the model is read from `<modelsDir>/<model>/` and nothing is downloaded. Default null. */
  modelsDir?: string | null;
  /** Download cache used when modelsDir is null. Default null: transformers.js's own cache folder. */
  cacheDir?: string | null;
  /** Texts per model call. Default 16. */
  batchSize?: number;
  /** onnxruntime thread pools. Default 0 / 0: onnxruntime's choice (one thread per core). */
  threads?: ThreadOptions;
}

export interface Embedder {
  /** The model id it was created with. */
  readonly modelId: string;
  /** Length of every vector it returns. */
  readonly dim: number;
  /** Vectors for questions (with the model's query prefix), in input order. */
  embedQueries(texts: string[]): Promise<Float32Array[]>;
  /** Vectors for passages (with the model's passage prefix), in input order; `onBatch` reports progress. */
  embedPassages(texts: string[], onBatch?: (done: number, total: number) => void): Promise<Float32Array[]>;
}

const DEFAULTS: Required<Omit<EmbedderOptions, "model">> = { modelsDir: null, cacheDir: null, batchSize: 16, threads: { intraOp: 0, interOp: 0 } };

/** Embedded once at start-up to learn the vector size and prove the model runs. */
const PROBE_TEXT = "probe 探针";

/**
 * Rough upper bound of characters per token. Texts are cut to `maxTokens * CHARS_PER_TOKEN` characters
 * before tokenizing so a huge input costs little; the tokenizer then truncates to exactly maxTokens.
 */
const CHARS_PER_TOKEN = 16;

/**
 * Loads the model (from modelsDir, the cache, or the hub) and returns an Embedder.
 * Throws QaError MODEL_UNAVAILABLE when the model cannot be loaded or run, and MODEL_MISMATCH when
 * it gives vectors of another size than its profile says.
 */
export async function createEmbedder(options: EmbedderOptions): Promise<Embedder> {
  const { model } = options;
  const modelsDir = options.modelsDir ?? DEFAULTS.modelsDir;
  const cacheDir = options.cacheDir ?? DEFAULTS.cacheDir;
  const batchSize = options.batchSize ?? DEFAULTS.batchSize;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError(`batchSize must be a positive integer, got ${batchSize}`);
  const profile = profileFor(model);
  const runtime: RuntimeOptions = { modelsDir, cacheDir, threads: options.threads ?? DEFAULTS.threads };
  // transformers.js and onnxruntime load here, when a model is wanted, not when this module is imported.
  const { loadFeatureExtractor, runModel, unavailable } = await import("./runtime.js");

  const extractor = await loadFeatureExtractor(model, profile.quantized, runtime).catch((err: unknown) => {
    throw err instanceof QaError && !isKnownModel(model) ? withKnownModels(err) : err;
  });
  capTokens(extractor, profile.maxTokens);
  const tokenizer = extractor.tokenizer as unknown as TextTokenizer;
  // Exact memos of the library's own per-word and per-character steps (encode.ts), and its
  // BERT pre-tokenization without the per-text regex (bert-words.ts).
  memoizeWordPiece(tokenizer);
  memoizeBertNormalizer(tokenizer);
  fastBertWords(tokenizer);
  const maxTokens = (extractor.tokenizer as { model_max_length: number }).model_max_length;
  const encode = (text: string) => encodeText(tokenizer, text, maxTokens);
  const padId = tokenizer.pad_token_id ?? 0;
  const padLeft = tokenizer.padding_side === "left";
  // One model call: pooled (and normalised) vectors, one fresh Float32Array per text.
  const runEncoded = async (texts: EncodedText[]) => {
    const batch = padBatch(texts, padId, padLeft);
    const out = await runModel(extractor, batch);
    const [rows, tokens, dim] = out.dims as [number, number, number];
    return poolRows({ data: out.data, mask: batch.mask, rows, tokens, dim }, profile.pooling, profile.normalize);
  };
  const run = (texts: string[]) => runEncoded(texts.map(encode));

  let probe: Float32Array;
  try {
    [probe] = (await run([PROBE_TEXT])) as [Float32Array];
  } catch (cause) {
    throw unavailable(model, runtime, profile.quantized, cause);
  }
  const dim = probe.length;
  if (profile.dim !== undefined && profile.dim !== dim) {
    throw new QaError(
      "MODEL_MISMATCH",
      `Embedding model "${model}" gives ${dim}-dimensional vectors, but its profile expects ${profile.dim}`,
      "The files under this model id belong to another model: replace them, or pick the matching EMBEDDING_MODEL.",
    );
  }

  // Texts are encoded first and sent to the model in order of length, so a batch pads little;
  // each vector goes back to its text's place. Rows do not see each other (padding is masked).
  const embedAll = async (texts: string[], prefix: string, onBatch?: (done: number, total: number) => void) => {
    const encoded = texts.map((text) => encode(prefix + clip(text, profile.maxTokens)));
    const order = encoded.map((_, i) => i).sort((a, b) => encoded[a]!.ids.length - encoded[b]!.ids.length || a - b);
    const vectors: Float32Array[] = new Array(texts.length);
    for (let start = 0; start < order.length; start += batchSize) {
      const slots = order.slice(start, start + batchSize);
      const batch = await runEncoded(slots.map((i) => encoded[i]!));
      slots.forEach((slot, k) => (vectors[slot] = batch[k]!));
      onBatch?.(Math.min(start + batchSize, texts.length), texts.length);
    }
    return vectors;
  };

  return {
    modelId: model,
    dim,
    embedQueries: (texts) => embedAll(texts, profile.queryPrefix),
    embedPassages: (texts, onBatch) => embedAll(texts, profile.passagePrefix, onBatch),
  };
}

/**
 * The pipeline always truncates to the tokenizer's model_max_length; make sure that is a real
 * number no larger than the model's limit (some tokenizer configs leave it huge or unset).
 */
function capTokens(extractor: FeatureExtractionPipeline, maxTokens: number): void {
  const tokenizer = extractor.tokenizer as { model_max_length?: unknown };
  const current = tokenizer.model_max_length;
  tokenizer.model_max_length = typeof current === "number" && current > 0 ? Math.min(current, maxTokens) : maxTokens;
}

/** Cheap pre-cut of very long texts, never splitting a surrogate pair. */
function clip(text: string, maxTokens: number): string {
  const limit = maxTokens * CHARS_PER_TOKEN;
  if (text.length <= limit) return text;
  const end = /[\uD800-\uDBFF]/.test(text.charAt(limit - 1)) ? limit - 1 : limit;
  return text.slice(0, end);
}

/** For an id without a profile, the error also lists the ids we do know (likely typos). */
function withKnownModels(err: QaError): QaError {
  const known = Object.keys(MODEL_PROFILES).join(", ");
  return new QaError(err.code, `${err.message} (models with a profile: ${known})`, err.hint, { cause: err.cause });
}

/** The embedder the settings name: EMBEDDING_MODEL from MODELS_DIR (or the hub), EMBED_BATCH_SIZE, EMBED_THREADS. */
export function embedderFor(config: EmbedderSettings): Promise<Embedder> {
  return createEmbedder(embedderOptionsFor(config));
}

type EmbedderSettings = Pick<Config, "embeddingModel" | "modelsDir" | "embedBatchSize" | "embedThreads">;

/** The embedder options the settings name (plain data: a build's worker processes load their own embedder from it). */
export function embedderOptionsFor(config: EmbedderSettings): EmbedderOptions {
  return { model: config.embeddingModel, modelsDir: config.modelsDir, batchSize: config.embedBatchSize, threads: config.embedThreads };
}
