/** Turns benchmark results into the tables on stdout and the one-line JSON summary. */
import type { BuildBenchResult } from "./build.js";
import type { HnswBenchResult } from "./hnsw.js";
import type { QuestionBenchResult } from "./questions.js";
import type { ScaleBenchResult } from "./scale.js";
import { MIB, round } from "./stats.js";
import { num, table } from "./table.js";

const KB = 1024;
const ms = (v: number, digits = 2) => `${num(v, digits)} ms`;
const pct = (v: number) => `${num(v * 100, 1)}%`;

export function renderBuild(b: BuildBenchResult): string {
  const r = b.report;
  const stages = table(
    `Build: ${r.files} seed files → ${r.articles} articles, ${r.passages} passages (model ${r.manifest.model.id}, dim ${r.manifest.model.dim})`,
    ["stage", "seconds", "share"],
    [...b.stages.map((s) => [s.label, num(s.seconds, 3), pct(s.seconds / b.seconds)]), ["total", num(b.seconds, 3), "100.0%"]],
  );
  const { seeds, scaled, copies } = b.ram;
  const memory = table(
    `Memory per passage: seed index (${seeds.passages} passages) and the seeds × ${copies} (${scaled.passages} passages)`,
    ["what", "seeds", `seeds × ${copies}`, "per passage"],
    [
      ...Object.entries(b.disk.files).map(([name, bytes]) => [`disk: ${name}`, `${num(bytes / KB, 1)} KB`, "", `${num(bytes / r.passages)} B`]),
      ["disk: all files", `${num(b.disk.total / KB, 1)} KB`, "", `${num(b.disk.perPassage)} B`],
      ["disk: all files, marginal (slope)", "", "", `${num(b.ram.scaledDiskPerPassage)} B`],
      ["RAM: openIndex, RSS growth", `${num(seeds.indexRss / MIB, 1)} MB`, `${num(scaled.indexRss / MIB, 1)} MB`, `${num(b.ram.perPassageRss)} B (slope)`],
      ["RAM: openIndex, JS heap growth", `${num(seeds.indexHeap / MIB, 1)} MB`, `${num(scaled.indexHeap / MIB, 1)} MB`, `${num(b.ram.perPassageHeap)} B (slope)`],
      ["RAM: embedding model, RSS growth", `${num(seeds.modelRss / MIB, 1)} MB`, `${num(scaled.modelRss / MIB, 1)} MB`, "(fixed)"],
    ],
  );
  return `${stages}\npassages per second (whole build): ${num(b.passagesPerS, 0)}\n\n${memory}`;
}

export function renderQuestions(q: QuestionBenchResult): string {
  const head = [
    `Questions: ${q.questions} single-turn eval questions × ${q.rounds} rounds, warm, in-process (openQaService)`,
    `  p50 ${ms(q.p50Ms)}   p95 ${ms(q.p95Ms)}   mean ${ms(q.meanMs)}   found on ${q.found}/${q.questions}`,
    `  cold start (fresh process): open index + model ${ms(q.cold.openMs, 0)}, first answer ${ms(q.cold.firstAnswerMs, 0)}, module import ${ms(q.cold.importMs, 0)}`,
  ].join("\n");
  if (!q.stages) return `${head}\n  (no per-stage timings available: whole-call time only)`;
  const title = "Share of each stage (mean, from the service's answers)";
  return `${head}\n\n${table(title, ["stage", "mean", "share"], q.stages.map((s) => [s.label, ms(s.meanMs, 3), pct(s.share)]))}`;
}

export function renderHnsw(h: HnswBenchResult): string {
  const head = [
    `HNSW at scale: n ${num(h.n)}, dim ${h.dim}, M ${h.hnsw.m}, efConstruction ${h.hnsw.efConstruction}; data: ${h.data.clusters} clusters, intrinsic dim ${h.data.intrinsic}, seed ${h.data.seed}`,
    `  build ${num(h.buildS, 1)} s (${num(h.insertsPerS)} inserts/s, one thread)   file ${num(h.fileBytes / MIB, 1)} MB (${num(h.bytesPerVector)} B/vector)`,
    `  fresh load ${ms(h.loadMs, 0)}, RSS +${num(h.loadRssBytes / MIB, 1)} MB (${num(h.loadRssBytes / h.n)} B/vector)   bench process RSS after build ${num(h.peakRssBytes / MIB, 0)} MB`,
    `  exact cosine scan (JS, Float32Array): p50 ${ms(h.exact.p50Ms)} per query`,
  ].join("\n");
  const rows = h.sweep.map((p) => [
    `${p.ef}${p.ef === h.hnsw.efSearch ? " (default)" : ""}`,
    num(p.recall, 3),
    ms(p.p50Ms, 3),
    ms(p.p95Ms, 3),
    `${num(p.speedup, 0)}×`,
    num(p.recallWide, 3),
    ms(p.p50WideMs, 3),
  ]);
  return `${head}\n\n${table(`Recall@10 vs exact, ${h.sweep.length} efSearch values`, ["efSearch", "recall@10", "p50", "p95", "speed-up", `recall@${h.candidates}`, `p50 @${h.candidates}`], rows)}\n` +
    `(speed-up: median exact time / median HNSW time per query, k = 10; recall@${h.candidates}: k = ${h.candidates}, what hybrid retrieval asks for, so efSearch < ${h.candidates} acts as ${h.candidates})`;
}

export function renderScale(s: ScaleBenchResult): string {
  const rows = [
    ["build", `${num(s.buildS, 1)} s`, `${num(s.passagesPerS, 0)} passages/s (${num(s.buildCpuS, 1)} CPU s)`],
    ["  threads", `${num(s.buildMainCpuS, 1)} / ${num(s.buildOtherCpuS, 1)} CPU s`, `main / busiest other; on idle cores ≈ ${num(s.buildIdleS, 1)} s (${num(s.passages / s.buildIdleS, 0)} passages/s)`],
    ...Object.entries(s.stages).map(([stage, seconds]) => [`  ${stage}`, `${num(seconds, 1)} s`, stage === "embed" ? `${num(s.embedPerS, 0)} passages/s` : ""]),
    ["open (index, service)", `${num(s.openS, 2)} s`, `${num(s.openCpuS, 2)} CPU s`],
    ["question p50 / p95", `${ms(s.p50Ms, 1)} / ${ms(s.p95Ms, 1)}`, `eval questions, warm, one round; ${ms(s.askCpuMs, 1)} CPU mean`],
    ["index --add of one page", `${num(s.addPageS, 2)} s`, `${s.addPassages} passages, ${num(s.addPageCpuS, 2)} CPU s`],
    ["peak RSS", `${num(s.rssMb, 0)} MB`, ""],
  ];
  const title = `Archive scale: ${num(s.passages)} passages from ${num(s.pages)} synthetic pages${s.keywordOnly ? " (keyword-only)" : ""}; load average ${num(s.load[0], 1)} → ${num(s.load[1], 1)}`;
  return table(title, ["what", "figure", "note"], rows);
}

/** The `--json` line: exactly the documented keys; a section that was not run has nulls. */
export function summaryJson(b: BuildBenchResult | null, q: QuestionBenchResult | null, h: HnswBenchResult | null, s: ScaleBenchResult | null = null): object {
  return {
    scale: s
      ? {
          passages: s.passages,
          keyword_only: s.keywordOnly,
          build_s: round(s.buildS, 1),
          passages_per_s: round(s.passagesPerS, 0),
          embed_s: round(s.embedS, 1),
          embed_passages_per_s: round(s.embedPerS, 0),
          open_s: round(s.openS, 2),
          rss_mb: round(s.rssMb, 0),
          p50_ms: round(s.p50Ms, 2),
          p95_ms: round(s.p95Ms, 2),
          add_page_s: round(s.addPageS, 2),
          build_cpu_s: round(s.buildCpuS, 1),
          open_cpu_s: round(s.openCpuS, 2),
          question_cpu_ms: round(s.askCpuMs, 2),
          add_page_cpu_s: round(s.addPageCpuS, 2),
          load_average: round(s.load[0], 1),
          load_average_end: round(s.load[1], 1),
          build_main_thread_cpu_s: round(s.buildMainCpuS, 1),
          build_other_thread_cpu_s: round(s.buildOtherCpuS, 1),
          build_idle_estimate_s: round(s.buildIdleS, 1),
        }
      : null,
    build: { seconds: b ? round(b.seconds, 3) : null, passages_per_s: b ? round(b.passagesPerS, 1) : null },
    query: { p50_ms: q ? round(q.p50Ms, 3) : null, p95_ms: q ? round(q.p95Ms, 3) : null, cold_start_ms: q ? round(q.cold.openMs, 1) : null },
    hnsw: {
      n: h?.n ?? null,
      dim: h?.dim ?? null,
      ef_search: h?.hnsw.efSearch ?? null,
      recall_at_10: h ? round(h.chosen.recall, 4) : null,
      speedup_vs_exact: h ? round(h.chosen.speedup, 1) : null,
      p50_ms: h ? round(h.chosen.p50Ms, 4) : null,
      build_s: h ? round(h.buildS, 1) : null,
      rss_mb: h ? round(h.loadRssBytes / MIB, 1) : null,
      bytes_per_vector: h ? round(h.bytesPerVector, 1) : null,
    },
  };
}
