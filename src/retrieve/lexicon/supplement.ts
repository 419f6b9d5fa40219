/**
 * Dictionary lines CC-CEDICT lacks, in its own format, read after it when the bridge is built.
 * Each is an English word the news uses for a term in the seeds that the dictionary glosses
 * otherwise (烯烃 is only "alkene" there; the coal-chemistry reports say "olefin").
 * Keep it short: every line names the question that needed it.
 */
export const CEDICT_SUPPLEMENT = [
  // "Tell me about the coal-to-olefins project" (煤制烯烃项目, 2026-04-22).
  "烯烴 烯烃 [xi1 ting1] /olefin/olefine/",
].join("\n");
