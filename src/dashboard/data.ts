/**
 * What the editors' dashboard shows, as one JSON object: the question report of the period asked
 * for, the index status (build, articles, newest issue, model, the answer decision in use) and the
 * recent ingestion results (inbox runs, feeds) — the same as `cli report` and `cli status`.
 */
import path from "node:path";
import { readProfile } from "../answer/profiles.js";
import type { Config } from "../config/index.js";
import { describeStatus, readStatus, type Status } from "../core/status.js";
import type { QaService } from "../core/types.js";
import { reportOf, type QuestionReport } from "../question-log/report.js";

export interface DashboardData {
  generatedAt: string;
  /** Null when the question log is off. */
  report: QuestionReport | null;
  log: { enabled: boolean; failures: number };
  index: { build: string; articles: number; passages: number; files: number; builtAt: string; model: string; vectors: boolean; dateRange: { from: string; to: string } | null };
  newestIssue: Status["newestIssue"];
  /** The answer decision in use (its profile, src/answer/profiles.ts) and the optional LLM writer. */
  decision: { profile: string; features: number; thresholds: Record<string, Record<string, number>>; fittedOn: string[]; llm: string | null };
  /** Inbox and feeds, as `cli status` prints them. */
  ingestion: string[];
}

export function dashboardData(config: Pick<Config, "indexDir" | "inboxDir" | "feeds" | "llm">, qa: QaService, since: Date, now: Date): DashboardData {
  const info = qa.info();
  const status = readStatus(config);
  const log = qa.questionLog;
  // The decision profile answering this index (src/answer/profiles.ts).
  const model = readProfile(info.decision.profile);
  const fittedOn = (model as { fittedOn?: { data?: { squadFiles?: string[] } } } | null)?.fittedOn?.data?.squadFiles ?? [];
  return {
    generatedAt: now.toISOString(),
    report: log?.enabled ? reportOf(log, since, now, { headlineOf: (id) => qa.article?.(id)?.headline ?? null }) : null,
    log: { enabled: !!log?.enabled, failures: log?.failures ?? 0 },
    index: { build: path.basename(info.buildDir), articles: info.articles, passages: info.passages, files: info.files, builtAt: info.builtAt, model: info.model, vectors: info.vectors, dateRange: info.dateRange },
    newestIssue: status.newestIssue,
    decision: {
      profile: info.decision.summary,
      features: model?.features.length ?? 0,
      thresholds: (model?.threshold ?? {}) as unknown as Record<string, Record<string, number>>,
      fittedOn,
      llm: config.llm ? config.llm.model : null,
    },
    ingestion: describeStatus(status).slice(status.index ? 2 : 1),
  };
}
