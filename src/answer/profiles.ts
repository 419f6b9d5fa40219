import fs from "node:fs";
import path from "node:path";
import { QaError } from "../errors.js";
import { checkModel, type DecisionModel } from "./decision.js";

/**
 * Decision profiles (issue #27): the answer decision is fitted per retrieval profile, because what
 * the features read depends on what retrieval found. `keyword-only` is always fitted and shipped; a
 * vector profile is keyed by the embedding model's id (model/profiles/<id>.json, written by
 * `npm run fit -- --model <id>`). An index whose model has no fitted profile is decided by the
 * keyword-only profile — its vectors still help retrieval — so no model's similarity scale can
 * push every question toward answering or refusing.
 */
export interface DecisionProfile {
  /** `keyword-only`, or the model id the profile was fitted for. */
  name: string;
  model: DecisionModel;
  /**
   * Set when the index has vectors from a model no profile was fitted for: the keyword-only
   * decision decides, and this is that model's id (for the start-up notice).
   */
  unfittedModel: string | null;
}

export const KEYWORD_PROFILE = "keyword-only";

/** Where the committed profiles live. */
export const PROFILES_DIR = path.join(import.meta.dirname, "model", "profiles");

/** A model id as a file name: `Xenova/multilingual-e5-small` → `Xenova__multilingual-e5-small.json`. */
export const profileFileOf = (name: string, dir = PROFILES_DIR) => path.join(dir, `${name.replace(/[^A-Za-z0-9._-]+/g, "__")}.json`);

const loaded = new Map<string, DecisionModel | null>();

/** A profile's fitted model as stored, unchecked (the fit carries an older one over); null when none is fitted. */
export function readProfile(name: string, dir = PROFILES_DIR): DecisionModel | null {
  const file = profileFileOf(name, dir);
  const key = file;
  if (!loaded.has(key)) {
    let model: DecisionModel | null = null;
    if (fs.existsSync(file)) {
      try {
        model = JSON.parse(fs.readFileSync(file, "utf8")) as DecisionModel;
      } catch (err) {
        throw new QaError("MODEL_MISMATCH", `The decision profile ${file} cannot be read: ${(err as Error).message}`, `Refit it: npm run fit -- --model ${name}`);
      }
    }
    loaded.set(key, model);
  }
  return loaded.get(key)!;
}

/**
 * The profile that decides for an index: its model's own when one was fitted, else keyword-only.
 * `model` is the index's embedding model id, or null for a keyword-only index.
 */
export function decisionProfileFor(model: string | null, dir = PROFILES_DIR): DecisionProfile {
  const own = model ? readProfile(model, dir) : null;
  if (model && own) return { name: model, model: checkModel(own), unfittedModel: null };
  const keyword = readProfile(KEYWORD_PROFILE, dir);
  if (!keyword) throw new QaError("MODEL_MISMATCH", `No keyword-only decision profile in ${dir}.`, "Refit it: npm run fit -- --model keyword-only");
  return { name: KEYWORD_PROFILE, model: checkModel(keyword), unfittedModel: model };
}

/** One line for start-up and status: which decision answers, and how to fit a missing one. */
export function describeProfile(profile: Pick<DecisionProfile, "name" | "unfittedModel">): string {
  if (!profile.unfittedModel) return `answer decision: ${profile.name === KEYWORD_PROFILE ? "keyword-only" : `fitted for ${profile.name}`}`;
  return `answer decision: keyword-only (none is fitted for ${profile.unfittedModel}; its vectors still help retrieval — fit one with: npm run fit -- --model ${profile.unfittedModel} --squad <file>)`;
}

/** The profile of an opened index: keyword-only when it has no vectors. */
export const profileOf = (index: { vectors: unknown; manifest: { model: { id: string } } }): DecisionProfile =>
  decisionProfileFor(index.vectors ? index.manifest.model.id : null);
