import OpenAI from "openai";
import type { Answer, Citation } from "../answer/types.js";
import type { Config } from "../config/index.js";
import { createLogger, type Logger } from "../log.js";
import { createProgress, withoutThinking } from "./progress.js";
import { buildMessages } from "./prompt.js";
import { matchesLanguage, verifyGrounded, type Verdict } from "./verify.js";

export type LlmSettings = NonNullable<Config["llm"]>;

export interface LlmWriterDeps {
  /** Where fallbacks are reported (warn) and verified answers noted (debug). Default: silent. */
  logger?: Logger;
  /** The HTTP client, for tests; default the global fetch. */
  fetch?: typeof fetch;
}

export interface WriteInput {
  question: string;
  lang: "zh" | "en";
  /** The numbered sources shown with the answer (normally `extractive.citations`); [n] is citations[n-1]. */
  citations: Citation[];
  /** The answer without an LLM: returned unchanged whenever the LLM's cannot be trusted. */
  extractive: Answer;
}

export interface WriteOptions {
  /**
   * Called with the answer so far as it streams in — whole sentences, each already checked against
   * the passages. Turns on streaming. Show the returned Answer last: it may be the extractive one.
   */
  onDelta?: (textSoFar: string) => void;
  /** Cancels the request; the extractive answer is returned. */
  signal?: AbortSignal;
}

export interface LlmWriter {
  write(input: WriteInput, options?: WriteOptions): Promise<Answer>;
}

/** Room for a lead figure and a few sentences; a runaway generation ends here, not at the timeout. */
const MAX_TOKENS = 512;

/**
 * The writer's own cap on an answer's length, enforced on the text received (a server may ignore
 * max_tokens): about twice what 512 tokens of Chinese make, and well inside one Telegram message
 * (4096), so an LLM answer plus its sources never runs to more than two messages.
 */
export const MAX_ANSWER_CHARS = 2_000;

/** Why the writer stopped reading an answer: it ran past MAX_ANSWER_CHARS. */
class AnswerTooLong extends Error {
  constructor() {
    super(`answer longer than ${MAX_ANSWER_CHARS} characters`);
    this.name = "AnswerTooLong";
  }
}

/**
 * Creates the LLM answer writer for an OpenAI-compatible chat-completions endpoint (llama.cpp
 * server, Ollama, vLLM, OpenAI). `write` returns the extractive answer with its text replaced by the
 * LLM's when that text passes `verifyGrounded`; on a refusal, a timeout (`settings.timeoutMs` for
 * the whole answer, stream included), an HTTP error or a failed check it returns `extractive` as is.
 */
export function createLlmWriter(settings: LlmSettings, deps: LlmWriterDeps = {}): LlmWriter {
  const logger = deps.logger ?? createLogger("silent");
  const client = new OpenAI({
    baseURL: settings.baseUrl,
    // Local servers need no key; the client insists on one, so a placeholder is set and its header dropped.
    apiKey: settings.apiKey ?? "unused",
    ...(settings.apiKey ? {} : { defaultHeaders: { Authorization: null } }),
    // Explicit, so the client reads nothing from OPENAI_* variables (settings come from src/config).
    organization: null,
    project: null,
    timeout: settings.timeoutMs,
    // A retry would double the reader's wait; the extractive answer is a good answer already.
    maxRetries: 0,
    logLevel: "off",
    ...(deps.fetch ? { fetch: deps.fetch } : {}),
  });
  const redact = (text: string) => (settings.apiKey ? text.split(settings.apiKey).join("<redacted-key>") : text);

  async function complete(input: WriteInput, options: WriteOptions, signal: AbortSignal): Promise<string> {
    const request = {
      model: settings.model,
      messages: buildMessages(input.question, input.lang, input.citations),
      temperature: 0, // the most likely wording, not a creative one
      max_tokens: MAX_TOKENS,
    };
    if (!options.onDelta) {
      const response = await client.chat.completions.create({ ...request, stream: false }, { signal });
      const content = response.choices[0]?.message?.content ?? "";
      if (content.length > MAX_ANSWER_CHARS) throw new AnswerTooLong();
      return content;
    }
    const progress = createProgress(input.citations, options.onDelta, (err) =>
      logger.warn({ reason: redact(describe(err)) }, "llm: onDelta threw; streaming continues"),
    );
    const stream = await client.chat.completions.create({ ...request, stream: true }, { signal });
    let text = "";
    for await (const chunk of stream) {
      const delta = chunk.choices[0]?.delta?.content;
      if (!delta) continue;
      text += delta;
      if (text.length > MAX_ANSWER_CHARS) {
        stream.controller.abort(); // stop the download, not just the reading
        throw new AnswerTooLong();
      }
      progress(text);
    }
    return text;
  }

  return {
    async write(input, options = {}) {
      const { extractive, citations } = input;
      // A refusal stays a refusal: the LLM only words what retrieval found support for.
      if (!extractive.found || !citations.length) return extractive;
      const started = performance.now();
      const deadline = AbortSignal.timeout(settings.timeoutMs);
      const signal = options.signal ? AbortSignal.any([deadline, options.signal]) : deadline;
      const fallback = (reason: string) => {
        logger.warn({ model: settings.model, reason: redact(reason), ms: Math.round(performance.now() - started) }, "llm: using the extractive answer");
        return extractive;
      };
      const aborted = () =>
        deadline.aborted ? `timed out after ${settings.timeoutMs} ms` : options.signal?.aborted ? "cancelled by the caller" : null;
      let raw: string;
      try {
        raw = await complete(input, options, signal);
      } catch (err) {
        return fallback(aborted() ?? (err instanceof AnswerTooLong ? err.message : describe(err)));
      }
      // The client ends an aborted stream quietly, as if it were complete: cut-off text is not an answer.
      const cutOff = aborted();
      if (cutOff) return fallback(cutOff);
      const text = withoutThinking(raw).trim();
      const verdict = check(text, citations, input.lang);
      if (!verdict.ok) return fallback(`answer rejected: ${verdict.reason}`);
      logger.debug({ model: settings.model, ms: Math.round(performance.now() - started), chars: text.length }, "llm: answer verified");
      return { ...extractive, answer: text };
    },
  };
}

function check(text: string, citations: Citation[], lang: "zh" | "en"): Verdict {
  const grounded = verifyGrounded(text, citations);
  if (!grounded.ok) return grounded;
  if (!matchesLanguage(text, lang)) return { ok: false, reason: `not written in ${lang === "zh" ? "Chinese" : "English"}` };
  return grounded;
}

/** A short reason for the log: the HTTP status and message, or the error's message. */
function describe(err: unknown): string {
  if (err instanceof OpenAI.APIError && err.status !== undefined) return `HTTP ${err.status}: ${err.message}`.slice(0, 300);
  return (err instanceof Error ? `${err.name}: ${err.message}` : String(err)).slice(0, 300);
}
