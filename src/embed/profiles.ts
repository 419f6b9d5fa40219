/**
 * How each embedding model wants to be called. Models differ in the prefixes they were trained
 * with (e5: "query: " / "passage: "), in how a sentence vector is pooled from token vectors, and
 * in file layout; one table keeps that knowledge out of the embedding code.
 */
export type Pooling = "mean" | "cls";

export interface ModelProfile {
  /** Prepended to every question before embedding. */
  queryPrefix: string;
  /** Prepended to every passage before embedding. */
  passagePrefix: string;
  /** "mean": average of token vectors (padding excluded); "cls": the first token's vector. */
  pooling: Pooling;
  /** Scale vectors to unit length, so a dot product is the cosine similarity. */
  normalize: boolean;
  /** Load `onnx/model_quantized.onnx` (true) or `onnx/model.onnx` (false), as transformers.js does. */
  quantized: boolean;
  /** Tokens the model accepts; longer inputs are truncated to this. */
  maxTokens: number;
  /** Vector size, when known; the loaded model must agree. */
  dim?: number;
}

/** The model used when EMBEDDING_MODEL is not set. */
export const DEFAULT_MODEL = "Xenova/multilingual-e5-small";

/**
 * Used for any model id not in MODEL_PROFILES: no prefixes, mean pooling, unit vectors, quantized
 * weights — what most sentence-transformers conversions on the hub expect. Its dimension comes from
 * the model itself.
 */
export const GENERIC_PROFILE: Readonly<ModelProfile> = Object.freeze({
  queryPrefix: "",
  passagePrefix: "",
  pooling: "mean",
  normalize: true,
  quantized: true,
  maxTokens: 512,
});

/** Known models by id (the hub id, which is also the folder under MODELS_DIR). */
export const MODEL_PROFILES: Readonly<Record<string, Readonly<ModelProfile>>> = Object.freeze({
  [DEFAULT_MODEL]: { ...GENERIC_PROFILE, queryPrefix: "query: ", passagePrefix: "passage: ", dim: 384 },
  "Xenova/bge-small-zh-v1.5": {
    ...GENERIC_PROFILE,
    // BGE's recommended instruction for short queries against longer passages; passages get none.
    queryPrefix: "为这个句子生成表示以用于检索相关文章：",
    pooling: "cls",
    dim: 512,
  },
  // sentence-transformers trained and truncates this one at 128 tokens.
  "Xenova/paraphrase-multilingual-MiniLM-L12-v2": { ...GENERIC_PROFILE, maxTokens: 128, dim: 384 },
  // Test fixture written by scripts/make-fixture-model.ts (seeded random token vectors).
  "tiny-zh": { ...GENERIC_PROFILE, dim: 64 },
});

/** The profile for a model id; unknown ids get GENERIC_PROFILE (mean pooling, no prefixes). */
export function profileFor(model: string): Readonly<ModelProfile> {
  return Object.hasOwn(MODEL_PROFILES, model) ? MODEL_PROFILES[model]! : GENERIC_PROFILE;
}

/** Whether `model` has its own profile (rather than the generic fallback). */
export function isKnownModel(model: string): boolean {
  return Object.hasOwn(MODEL_PROFILES, model);
}
