/** Embedding stage: model profiles and the embedder built on them. */
export { createEmbedder, embedderFor, embedderOptionsFor } from "./embedder.js";
export type { Embedder, EmbedderOptions } from "./embedder.js";
export { DEFAULT_MODEL, GENERIC_PROFILE, MODEL_PROFILES, isKnownModel, profileFor } from "./profiles.js";
export type { ModelProfile, Pooling } from "./profiles.js";
