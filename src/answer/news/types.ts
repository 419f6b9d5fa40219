import type { Intent } from "../intent.js";
import type { Answer, Citation } from "../types.js";

/** A news answer always says its intent and carries the next best citations for "More". */
export type NewsAnswer = Answer & { intent: Intent; more: Citation[] };
