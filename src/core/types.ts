import type { Answer, Citation } from "../answer/types.js";
import type { Article } from "../ingest/types.js";
import type { Asker, QuestionLog, Vote } from "../question-log/types.js";

/** What front ends may show about the loaded index (/about, /start, /healthz). */
export interface IndexInfo {
  articles: number;
  passages: number;
  files: number;
  model: string;
  /** False when the index is keyword-only. */
  vectors: boolean;
  /**
   * The answer decision in use (src/answer/profiles.ts): `keyword-only` or the model it was fitted
   * for; `unfittedModel` names the index's model when no profile was fitted for it.
   */
  decision: { profile: string; unfittedModel: string | null; summary: string };
  builtAt: string;
  papers: string[];
  /** Earliest and latest article dates, or null when no page is dated. */
  dateRange: { from: string; to: string } | null;
  buildDir: string;
}

export interface AskOptions {
  /** Conversation key (a Telegram chat id, a terminal session); enables follow-up questions. */
  sessionId?: string;
  /** "Today" for relative dates; defaults to the current date. */
  today?: Date;
  /**
   * With LLM answers enabled: called with the verified answer text so far while it streams
   * (whole sentences only). The returned Answer is final and may be the extractive one.
   */
  onDelta?: (textSoFar: string) => void;
  /** Who asks (front end, chat kind, user): with a question log, the answer is kept under it; absent: not logged. */
  asker?: Asker;
}

/**
 * The answering core every front end uses. It knows nothing of Telegram or terminals:
 * it takes a question and returns an Answer (or throws a QaError with a code and a hint).
 */
export interface QaService {
  answer(question: string, options?: AskOptions): Promise<Answer>;
  /**
   * The next best citations after an answer, for "More" (a news answer's own, else key sentences of
   * the topic not yet quoted). Optional: front ends hide "More" without it.
   */
  more?(answer: Answer): Promise<Citation[]>;
  /** The cleaned article behind a citation, for "Full article"; null when it is gone (index rebuilt). */
  article?(articleId: string): Article | null;
  info(): IndexInfo;
  /** The question log answers are kept in (see core/logged.ts); absent: none. Front ends forget and report through it. */
  questionLog?: QuestionLog;
  /** Records a reader's 👍/👎 on an answer this service gave (a second call changes it); false when it was not logged. */
  feedback?(answer: Answer, vote: Vote): boolean;
  /** Reloads the index if a new build was swapped in; true when it changed. */
  reload(): Promise<boolean>;
  close(): Promise<void>;
}
