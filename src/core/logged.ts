/**
 * The answering core with a question log: each answer to a known asker is kept (time, front end,
 * chat kind, language, intent, question, reply kind and text, cited articles, build, latency) and
 * can then take a vote. A failed write is the log's to count: the answer goes out regardless.
 */
import path from "node:path";
import { replyOf, type Answer } from "../answer/types.js";
import type { QuestionLog, Vote } from "../question-log/types.js";
import type { QaService } from "./types.js";

export interface LoggedServiceDeps {
  /** The clock of the row's time (default the log's own, `log.now`; the latency is measured apart). */
  now?: () => Date;
}

/** Wraps `qa` so answers given with an `asker` are logged; adds `feedback` and `questionLog`. */
export function withQuestionLog(qa: QaService, log: QuestionLog, deps: LoggedServiceDeps = {}): QaService {
  const now = deps.now ?? (() => log.now());
  // The log row of each answer, for its vote; weak, so answers nobody holds any more are dropped.
  const rows = new WeakMap<Answer, number>();
  return {
    ...qa,
    more: qa.more?.bind(qa),
    article: qa.article?.bind(qa),
    info: () => qa.info(),
    reload: () => qa.reload(),
    async answer(question, options = {}) {
      const started = performance.now();
      const at = now();
      const answer = await qa.answer(question, options);
      if (!options.asker) return answer;
      const id = log.record({
        at,
        asker: options.asker,
        lang: answer.lang,
        intent: answer.intent ?? "fact",
        question,
        reply: replyOf(answer),
        answer: answer.answer,
        articles: [...new Set(answer.citations.map((c) => c.articleId))],
        build: buildOf(qa),
        latencyMs: performance.now() - started,
      });
      if (id !== null) rows.set(answer, id);
      return answer;
    },
    questionLog: log,
    feedback(answer: Answer, vote: Vote) {
      const id = rows.get(answer);
      return id !== undefined && log.vote(id, vote);
    },
    async close() {
      await qa.close();
      log.close();
    },
  };
}

function buildOf(qa: QaService): string | null {
  try {
    return path.basename(qa.info().buildDir);
  } catch {
    return null;
  }
}
