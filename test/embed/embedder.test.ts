/**
 * The embedder, exercised with the committed tiny-zh fixture loaded by the real transformers.js
 * pipeline and onnxruntime (no mocks). The fixture maps each token to a fixed random vector, so
 * texts are similar exactly when they share characters.
 */
import { cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FIXTURE_DIM, FIXTURE_DIR, FIXTURE_ONNX_FILE, writeFixtureModel } from "../../scripts/make-fixture-model.js";
import { QaError } from "../../src/errors.js";
import { DEFAULT_MODEL, createEmbedder } from "../../src/embed/index.js";
import type { Embedder } from "../../src/embed/index.js";

const MODELS_DIR = path.dirname(FIXTURE_DIR);
const MODEL = "tiny-zh";

const dot = (a: Float32Array, b: Float32Array) => a.reduce((sum, x, i) => sum + x * b[i]!, 0);
const maxDiff = (a: Float32Array, b: Float32Array) => Math.max(...a.map((x, i) => Math.abs(x - b[i]!)));

let embedder: Embedder;
let tmp: string;

beforeAll(async () => {
  embedder = await createEmbedder({ model: MODEL, modelsDir: MODELS_DIR });
  tmp = await mkdtemp(path.join(os.tmpdir(), "embed-test-"));
});

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe("createEmbedder", () => {
  it("reports the model id and the dimension it found by embedding a probe", () => {
    expect(embedder.modelId).toBe(MODEL);
    expect(embedder.dim).toBe(FIXTURE_DIM);
  });

  it("returns one unit-length vector of that dimension per text, in order", async () => {
    const vectors = await embedder.embedQueries(["新增城镇就业", "天山天池国际滑雪场开板", ""]);
    expect(vectors).toHaveLength(3);
    for (const vector of vectors) {
      expect(vector).toBeInstanceOf(Float32Array);
      expect(vector).toHaveLength(FIXTURE_DIM);
      expect(Math.hypot(...vector)).toBeCloseTo(1, 5);
    }
  });

  it("is deterministic: a second embedder gives the same vectors", async () => {
    const other = await createEmbedder({ model: MODEL, modelsDir: MODELS_DIR });
    const texts = ["昌吉州今年以来新增城镇就业10395人", "Changji daily news"];
    const [a, b] = [await embedder.embedPassages(texts), await other.embedPassages(texts)];
    a.forEach((vector, i) => expect(Array.from(vector)).toEqual(Array.from(b[i]!)));
  });

  it("puts texts that share words closer together than unrelated ones", async () => {
    const [query, related, unrelated] = await embedder.embedQueries([
      "新增城镇就业",
      "今年以来新增城镇就业10395人",
      "天山天池国际滑雪场开板",
    ]);
    expect(dot(query!, related!)).toBeGreaterThan(0.5);
    expect(dot(query!, related!)).toBeGreaterThan(dot(query!, unrelated!) + 0.3);
  });

  it("gives the same vectors whatever the batch size (padding does not leak in)", async () => {
    const texts = ["短", "新增城镇就业", "今年以来新增城镇就业10395人，同比增长", "滑雪", "天山天池国际滑雪场开板"];
    const oneByOne = await createEmbedder({ model: MODEL, modelsDir: MODELS_DIR, batchSize: 1 });
    const [batched, single] = [await embedder.embedPassages(texts), await oneByOne.embedPassages(texts)];
    batched.forEach((vector, i) => expect(maxDiff(vector, single[i]!)).toBeLessThan(1e-6));
  });

  it("reports progress after every batch of passages", async () => {
    const small = await createEmbedder({ model: MODEL, modelsDir: MODELS_DIR, batchSize: 2 });
    const calls: Array<[number, number]> = [];
    await small.embedPassages(["一", "二", "三", "四", "五"], (done, total) => calls.push([done, total]));
    expect(calls).toEqual([[2, 5], [4, 5], [5, 5]]);
  });

  it("returns nothing for no texts, without calling back", async () => {
    const calls: number[] = [];
    expect(await embedder.embedPassages([], (done) => calls.push(done))).toEqual([]);
    expect(await embedder.embedQueries([])).toEqual([]);
    expect(calls).toEqual([]);
  });

  it("truncates long texts at the model's token limit (512) instead of failing", async () => {
    // 600 characters of 新 fill all 512 tokens, so what follows is never seen.
    const head = "新".repeat(600);
    const [long, headOnly, huge] = await embedder.embedPassages([head + "滑雪".repeat(1000), head, "雪".repeat(200_000)]);
    expect(Array.from(long!)).toEqual(Array.from(headOnly!));
    expect(huge).toHaveLength(FIXTURE_DIM);
  });

  it("rejects a bad batch size", async () => {
    await expect(createEmbedder({ model: MODEL, modelsDir: MODELS_DIR, batchSize: 0 })).rejects.toThrow(RangeError);
  });
});

describe("model profiles at work", () => {
  it("adds the e5 prefixes: 'query: ' to questions and 'passage: ' to passages", async () => {
    // The same fixture weights under two names: the e5 id (prefixing profile) and an unknown id
    // (generic profile, no prefixes). 384 dims, because the e5 profile checks its dimension.
    const dir = path.join(tmp, "prefix-models");
    await writeFixtureModel(path.join(dir, DEFAULT_MODEL), { dim: 384, tokenizerDir: FIXTURE_DIR });
    await cp(path.join(dir, DEFAULT_MODEL), path.join(dir, "plain/tiny-384"), { recursive: true });
    const e5 = await createEmbedder({ model: DEFAULT_MODEL, modelsDir: dir });
    const plain = await createEmbedder({ model: "plain/tiny-384", modelsDir: dir });
    const text = "新增城镇就业";

    const [asQuery] = await e5.embedQueries([text]);
    const [asPassage] = await e5.embedPassages([text]);
    const [prefixedQuery, prefixedPassage] = await plain.embedPassages([`query: ${text}`, `passage: ${text}`]);
    expect(e5.dim).toBe(384);
    expect(Array.from(asQuery!)).toEqual(Array.from(prefixedQuery!));
    expect(Array.from(asPassage!)).toEqual(Array.from(prefixedPassage!));
    expect(maxDiff(asQuery!, asPassage!)).toBeGreaterThan(1e-3);
  });

  it("refuse a model whose vectors do not have the profile's dimension (MODEL_MISMATCH)", async () => {
    const dir = path.join(tmp, "mismatch-models");
    await cp(FIXTURE_DIR, path.join(dir, DEFAULT_MODEL), { recursive: true });
    const error = await createEmbedder({ model: DEFAULT_MODEL, modelsDir: dir }).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(QaError);
    expect(error).toMatchObject({ code: "MODEL_MISMATCH" });
    expect((error as QaError).message).toMatch(/64.*384/);
  });
});

describe("when the model cannot be loaded", () => {
  const loadError = (model: string, modelsDir: string) =>
    createEmbedder({ model, modelsDir }).then(
      () => expect.unreachable("the model should not load"),
      (err: unknown) => err as QaError,
    );

  it("throws MODEL_UNAVAILABLE naming the model, where it looked, and what to do", async () => {
    const error = await loadError("nobody/no-such-model", MODELS_DIR);
    expect(error).toBeInstanceOf(QaError);
    expect(error.code).toBe("MODEL_UNAVAILABLE");
    expect(error.message).toContain("nobody/no-such-model");
    expect(error.message).toContain(path.join(MODELS_DIR, "nobody/no-such-model"));
    expect(error.hint).toMatch(/EMBEDDING_MODEL/);
    expect(error.hint).toMatch(/MODELS_DIR/);
    expect(error.hint).toMatch(/internet access/);
  });

  it("lists the models it knows when the id has no profile (likely a typo)", async () => {
    const error = await loadError("tiny-zh-typo", MODELS_DIR);
    expect(error.message).toContain("tiny-zh");
    expect(error.message).toContain(DEFAULT_MODEL);
  });

  it("says so for a known model missing from MODELS_DIR, without downloading it", async () => {
    const error = await loadError(DEFAULT_MODEL, MODELS_DIR);
    expect(error.code).toBe("MODEL_UNAVAILABLE");
    expect(error.hint).toContain("onnx/model_quantized.onnx");
  });

  it("turns an unreadable ONNX file into MODEL_UNAVAILABLE, not a raw runtime error", async () => {
    const dir = path.join(tmp, "broken-models");
    await cp(FIXTURE_DIR, path.join(dir, MODEL), { recursive: true });
    await writeFile(path.join(dir, MODEL, FIXTURE_ONNX_FILE), "this is not an onnx model");
    const error = await loadError(MODEL, dir);
    expect(error).toBeInstanceOf(QaError);
    expect(error.code).toBe("MODEL_UNAVAILABLE");
  });
});

describe("pooling", () => {
  it("gives the very vectors transformers.js's own mean pooling and normalisation give", async () => {
    const { loadFeatureExtractor } = await import("../../src/embed/runtime.js");
    const pipe = await loadFeatureExtractor(MODEL, true, { modelsDir: MODELS_DIR, cacheDir: null });
    const texts = ["今年以来，全州新增城镇就业10395人", "probe 探针", "a", "农村劳动力外出务工8710人。".repeat(30)];
    const reference = await pipe(texts, { pooling: "mean", normalize: true });
    const ours = await embedder.embedPassages(texts);
    expect(Float32Array.from(ours.flatMap((v) => [...v]))).toEqual(reference.data);
  });
});

describe("threads", () => {
  it("runs onnxruntime with the configured thread pools and gives the same vectors", async () => {
    const single = await createEmbedder({ model: MODEL, modelsDir: MODELS_DIR, threads: { intraOp: 1, interOp: 1 } });
    const texts = ["新增城镇就业", "农村劳动力外出务工"];
    expect(await single.embedPassages(texts)).toEqual(await embedder.embedPassages(texts));
  });
});
