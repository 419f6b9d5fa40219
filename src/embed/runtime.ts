/**
 * The one adapter around transformers.js: it owns the library's global `env` (where models are
 * looked up) and turns a failed load into a QaError. Everything else in src/embed stays free of it.
 */
import path from "node:path";
import { env, pipeline, Tensor } from "@xenova/transformers";
import onnxruntime from "onnxruntime-node";
import type { FeatureExtractionPipeline } from "@xenova/transformers";
import { QaError } from "../errors.js";
import type { EncodedBatch } from "./encode.js";

/** onnxruntime thread pools; 0 lets onnxruntime choose (one thread per core). */
export interface ThreadOptions {
  intraOp: number;
  interOp: number;
}

export interface RuntimeOptions {
  /** Local models folder: models are read from `<modelsDir>/<model id>/`, nothing is downloaded. */
  modelsDir: string | null;
  /** Download cache when modelsDir is null. Null: transformers.js's default (`.cache` in its package). */
  cacheDir: string | null;
  /** Default: 0 / 0 (onnxruntime's own choice). */
  threads?: ThreadOptions;
}

export type { FeatureExtractionPipeline };

/** Hidden states of one model call on a padded batch: [rows, tokens, dim] floats, row-major. */
export interface ModelOutput {
  data: Float32Array;
  dims: number[];
}

/** Runs the pipeline's model on a batch encoded by encode.ts (the inputs the pipeline's own tokenizer call would give). */
export async function runModel(extractor: FeatureExtractionPipeline, batch: EncodedBatch): Promise<ModelOutput> {
  const dims = [batch.rows, batch.tokens];
  const inputs: Record<string, Tensor> = {
    input_ids: new Tensor("int64", batch.inputIds, dims),
    attention_mask: new Tensor("int64", batch.attentionMask, dims),
  };
  if (batch.tokenTypeIds) inputs.token_type_ids = new Tensor("int64", batch.tokenTypeIds, dims);
  const outputs = (await extractor.model(inputs)) as Record<string, { data: unknown; dims: number[] } | undefined>;
  const hidden = outputs.last_hidden_state ?? outputs.logits ?? outputs.token_embeddings;
  if (!hidden || hidden.dims.length !== 3) throw new Error("the model returned no token embeddings");
  const data = hidden.data instanceof Float32Array ? hidden.data : Float32Array.from(hidden.data as ArrayLike<number>);
  return { data, dims: hidden.dims };
}

/** Where a model's files are expected, for messages: a folder, or "the model hub". */
export function modelLocation(model: string, modelsDir: string | null): string {
  return modelsDir ? path.join(path.resolve(modelsDir), model) : "the model hub (download and cache)";
}

// `env` is global, so configuring it and loading must not interleave with another load that wants
// different settings: loads run one after another.
let queue: Promise<unknown> = Promise.resolve();
// Remembered so a load without cacheDir gets the library default back, whatever an earlier load set.
const DEFAULT_CACHE_DIR = env.cacheDir;

/**
 * transformers.js 2.x creates its onnxruntime sessions with execution providers only, so thread
 * settings are merged into the options of every session it creates while `threads` is set. Loads
 * are queued (above), so one load's settings never leak into another's.
 */
type SessionFactory = { create: (model: unknown, options?: Record<string, unknown>) => Promise<unknown> };
const sessions = ((onnxruntime as { default?: typeof onnxruntime }).default ?? onnxruntime).InferenceSession as unknown as SessionFactory;
const createSession = sessions.create.bind(sessions);
let sessionThreads: ThreadOptions | null = null;
sessions.create = (model, options = {}) => {
  const threads = sessionThreads;
  if (!threads) return createSession(model, options);
  return createSession(model, {
    ...options,
    ...(threads.intraOp > 0 ? { intraOpNumThreads: threads.intraOp } : {}),
    ...(threads.interOp > 0 ? { interOpNumThreads: threads.interOp } : {}),
  });
};

function configure({ modelsDir, cacheDir, threads }: RuntimeOptions): void {
  sessionThreads = threads ?? null;
  if (modelsDir) {
    env.localModelPath = path.resolve(modelsDir);
    env.allowLocalModels = true;
    env.allowRemoteModels = false;
    // The download cache is looked up before localModelPath; with a models folder, it alone decides.
    env.useFSCache = false;
  } else {
    // No local folder: don't let files under the package's own default `/models/` path win.
    env.allowLocalModels = false;
    env.allowRemoteModels = true;
    env.useFSCache = true;
    env.cacheDir = cacheDir ? path.resolve(cacheDir) : DEFAULT_CACHE_DIR;
  }
}

/**
 * Loads a feature-extraction pipeline (tokenizer + ONNX model). Throws QaError MODEL_UNAVAILABLE,
 * naming the model and where it was looked for, when any file is missing or unreadable.
 */
export function loadFeatureExtractor(
  model: string,
  quantized: boolean,
  runtime: RuntimeOptions,
): Promise<FeatureExtractionPipeline> {
  const load = async () => {
    configure(runtime);
    try {
      return await pipeline("feature-extraction", model, { quantized });
    } catch (cause) {
      throw unavailable(model, runtime, quantized, cause);
    }
  };
  const result = queue.then(load, load);
  queue = result.catch(() => undefined);
  return result;
}

/** The error for a model that cannot be loaded: which one, where we looked, why, what to do. */
export function unavailable(model: string, runtime: RuntimeOptions, quantized: boolean, cause: unknown): QaError {
  const reason = (cause instanceof Error ? cause.message : String(cause)).split("\n")[0];
  const onnxFile = quantized ? "onnx/model_quantized.onnx" : "onnx/model.onnx";
  const hint = runtime.modelsDir
    ? `Check EMBEDDING_MODEL / MODELS_DIR: the folder needs config.json, tokenizer.json, ` +
      `tokenizer_config.json and ${onnxFile}. Or unset MODELS_DIR and run once with internet access ` +
      `so the model can be downloaded.`
    : "Check EMBEDDING_MODEL / MODELS_DIR, or run once with internet access so the model can be downloaded.";
  return new QaError(
    "MODEL_UNAVAILABLE",
    `Embedding model "${model}" could not be loaded from ${modelLocation(model, runtime.modelsDir)}: ${reason}`,
    hint,
    { cause },
  );
}
