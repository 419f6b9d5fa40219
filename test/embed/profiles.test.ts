import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/index.js";
import { DEFAULT_MODEL, GENERIC_PROFILE, MODEL_PROFILES, isKnownModel, profileFor } from "../../src/embed/index.js";

describe("model profiles", () => {
  it("default to multilingual-e5-small, which wants 'query: ' / 'passage: ' and mean pooling", () => {
    expect(DEFAULT_MODEL).toBe("Xenova/multilingual-e5-small");
    expect(loadConfig({}).embeddingModel).toBe(DEFAULT_MODEL);
    expect(profileFor(DEFAULT_MODEL)).toMatchObject({
      queryPrefix: "query: ",
      passagePrefix: "passage: ",
      pooling: "mean",
      normalize: true,
      dim: 384,
    });
  });

  it("give bge-small-zh its retrieval instruction on queries only, and CLS pooling", () => {
    expect(profileFor("Xenova/bge-small-zh-v1.5")).toMatchObject({
      queryPrefix: "为这个句子生成表示以用于检索相关文章：",
      passagePrefix: "",
      pooling: "cls",
      dim: 512,
    });
  });

  it("use no prefixes and mean pooling for paraphrase-multilingual-MiniLM", () => {
    expect(profileFor("Xenova/paraphrase-multilingual-MiniLM-L12-v2")).toMatchObject({
      queryPrefix: "",
      passagePrefix: "",
      pooling: "mean",
    });
  });

  it("describe the tiny-zh test fixture (64 dimensions, quantized file name)", () => {
    expect(profileFor("tiny-zh")).toMatchObject({ pooling: "mean", quantized: true, dim: 64 });
  });

  it("fall back to a generic mean-pooled profile without prefixes for unknown ids", () => {
    expect(isKnownModel("someone/other-model")).toBe(false);
    expect(profileFor("someone/other-model")).toBe(GENERIC_PROFILE);
    expect(GENERIC_PROFILE).toMatchObject({ queryPrefix: "", passagePrefix: "", pooling: "mean", normalize: true });
    expect(GENERIC_PROFILE.dim).toBeUndefined();
  });

  it("are not fooled by ids that are Object properties", () => {
    expect(profileFor("constructor")).toBe(GENERIC_PROFILE);
    expect(profileFor("__proto__")).toBe(GENERIC_PROFILE);
  });

  it("are complete and frozen", () => {
    for (const [id, profile] of Object.entries(MODEL_PROFILES)) {
      expect(isKnownModel(id)).toBe(true);
      expect(["mean", "cls"]).toContain(profile.pooling);
      expect(profile.maxTokens, id).toBeGreaterThan(0);
    }
    expect(Object.isFrozen(MODEL_PROFILES)).toBe(true);
    expect(Object.isFrozen(GENERIC_PROFILE)).toBe(true);
  });
});
