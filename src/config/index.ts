import path from "node:path";
import { z } from "zod";
import { QaError } from "../errors.js";

/**
 * Settings are read from the environment once, at the edge (CLI / bot start-up), validated here,
 * and passed down. Nothing below `src/config` reads `process.env`.
 */
const intIn = (min: number, max: number, fallback: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback);

const idList = z
  .string()
  .optional()
  .transform((value, ctx) => {
    if (!value || !value.trim()) return null;
    const ids = value.split(",").map((part) => part.trim()).filter(Boolean);
    const bad = ids.filter((id) => !/^-?\d+$/.test(id));
    if (bad.length) {
      ctx.addIssue({ code: "custom", message: `not numeric Telegram ids: ${bad.join(", ")} (use e.g. 12345,-100987)` });
      return z.NEVER;
    }
    return new Set(ids.map(Number));
  });

const optionalUrl = z.preprocess((v) => (v === "" ? undefined : v), z.string().url().optional());
const optionalText = z.preprocess((v) => (v === "" ? undefined : v), z.string().optional());

const EnvSchema = z.object({
  EMBEDDING_MODEL: z.string().min(1).default("Xenova/multilingual-e5-small"),
  MODELS_DIR: optionalText,
  INDEX_DIR: z.string().min(1).default("./index"),
  SEEDS_DIR: z.string().min(1).default("./seeds"),
  CHUNK_SIZE: intIn(80, 4000, 300),
  CHUNK_OVERLAP: intIn(0, 1000, 60),
  HNSW_M: intIn(4, 128, 16),
  HNSW_EF_CONSTRUCTION: intIn(10, 2000, 100),
  HNSW_EF_SEARCH: intIn(10, 2000, 128),
  EMBED_BATCH_SIZE: intIn(1, 512, 16),
  EMBED_THREADS: intIn(0, 256, 0),
  EMBED_INTER_THREADS: intIn(0, 256, 0),
  BUILD_WORKERS: z.union([z.literal("auto"), z.coerce.number().int().min(0).max(64)]).default("auto"),
  ADD_MAX_MB: intIn(1, 1024, 20),
  INBOX_DIR: optionalText,
  FEEDS: z
    .string()
    .optional()
    .transform((value, ctx) => {
      const urls = (value ?? "").split(",").map((part) => part.trim()).filter(Boolean);
      const bad = urls.filter((url) => !/^https?:\/\/[^\s/]+/i.test(url) || !URL.canParse(url));
      if (bad.length) {
        ctx.addIssue({ code: "custom", message: `not http(s) URLs: ${bad.join(", ")} (use e.g. https://www.cjxww.cn/rss.xml,https://example.org/atom.xml)` });
        return z.NEVER;
      }
      return urls;
    }),
  FEED_MINUTES: intIn(1, 1440, 30),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("warn"),
  TELEGRAM_BOT_TOKEN: optionalText,
  TELEGRAM_API_ROOT: optionalUrl,
  ALLOWED_CHAT_IDS: idList,
  ADMIN_IDS: idList,
  WEBHOOK_URL: optionalUrl,
  WEBHOOK_SECRET: optionalText,
  PORT: intIn(1, 65535, 8080),
  LLM_BASE_URL: optionalUrl,
  LLM_MODEL: optionalText,
  LLM_API_KEY: optionalText,
  LLM_TIMEOUT_MS: intIn(100, 600_000, 20_000),
  DATA_DIR: z.string().min(1).default("./data"),
  QUESTION_LOG: z.enum(["on", "off"]).default("on"),
  QUESTION_LOG_DAYS: intIn(1, 3650, 90),
  QUESTION_LOG_SECRET: z.preprocess((v) => (v === "" ? undefined : v), z.string().min(16, "use at least 16 characters, e.g. `openssl rand -hex 32`").optional()),
  DASHBOARD_TOKEN: z.preprocess((v) => (v === "" ? undefined : v), z.string().min(16, "use at least 16 characters, e.g. `openssl rand -hex 24`").optional()),
  QA_TEST_CRASH_AT: z.preprocess((v) => (v === "" ? undefined : v), z.enum(["staged", "swapped", "seeds", "committed"]).optional()),
  TODAY: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, "use YYYY-MM-DD, e.g. 2026-12-01")
      .refine((v) => !Number.isNaN(Date.parse(`${v}T12:00:00Z`)), "not a calendar date")
      .optional(),
  ),
});

export interface Config {
  embeddingModel: string;
  /** Local models folder; when set, nothing is fetched from the model hub. */
  modelsDir: string | null;
  indexDir: string;
  seedsDir: string;
  chunk: { size: number; overlap: number };
  hnsw: { m: number; efConstruction: number; efSearch: number };
  embedBatchSize: number;
  /** onnxruntime threads inside one operator / across operators; 0 lets onnxruntime choose (one per core). */
  embedThreads: { intraOp: number; interOp: number };
  /**
   * Worker processes that parse, tokenize and embed page batches during a full build; 0 does it all on
   * the main thread. Default "auto": one per core (at most 4) for a build of 64 pages or more while
   * at least half the cores are idle.
   */
  buildWorkers: number | "auto";
  /** Largest page file `index --add` or a bot upload takes, in bytes (ADD_MAX_MB, default 20 MB: the Bot API's download limit). */
  addMaxBytes: number;
  /**
   * Folder whose new files are added to the index as they land (INBOX_DIR; the bot and `cli watch`
   * watch it), with `done/` and `failed/` beside them; null: no inbox.
   */
  inboxDir: string | null;
  /** RSS/Atom feeds whose new items' pages are fetched and added (FEEDS), polled every `minutes` (FEED_MINUTES, default 30); empty: none. */
  feeds: { urls: string[]; minutes: number };
  logLevel: z.infer<typeof EnvSchema>["LOG_LEVEL"];
  telegram: {
    token: string | null;
    apiRoot: string | null;
    allowedChatIds: Set<number> | null;
    adminIds: Set<number> | null;
    webhookUrl: string | null;
    webhookSecret: string | null;
    port: number;
  };
  llm: { baseUrl: string; model: string; apiKey: string | null; timeoutMs: number } | null;
  /** Where the bot and the chat keep what they write besides the index (DATA_DIR, default ./data): the question log. */
  dataDir: string;
  /**
   * The question log (docs/editors.md): on unless QUESTION_LOG=off; rows older than `days`
   * (QUESTION_LOG_DAYS, default 90) are pruned; `secret` keys the hash of user ids
   * (QUESTION_LOG_SECRET; null: one generated and kept in DATA_DIR).
   */
  questionLog: { enabled: boolean; days: number; secret: string | null };
  /** The editors' dashboard on PORT needs this token (DASHBOARD_TOKEN); null: no dashboard. */
  dashboardToken: string | null;
  /**
   * "Today" for relative dates (今年, this month, last year) and the age of the newest paper: a fixed
   * day (TODAY, noon UTC) for tests, evaluations and replaying an archive; null: the real date.
   */
  today: Date | null;
  /**
   * Test only (QA_TEST_CRASH_AT): an index update SIGKILLs its own process at this stage (staged,
   * swapped, seeds, committed), so a test can prove a kill anywhere leaves seeds and index in step.
   */
  testCrashAt: "staged" | "swapped" | "seeds" | "committed" | null;
}

/**
 * The clock the answering core reads "today" from: the configured day, else the system clock.
 * The one place a real date enters the core.
 */
export function clockOf(config: Pick<Config, "today">): () => Date {
  const fixed = config.today;
  return fixed ? () => new Date(fixed) : () => new Date();
}

/** A YYYY-MM-DD day as the Date the core reads (noon UTC, so no time zone moves it to another day). */
export function dayOf(day: string): Date {
  return new Date(`${day}T12:00:00Z`);
}

/** Parses and validates the environment. Throws CONFIG_INVALID listing every bad setting. */
export function loadConfig(env: Record<string, string | undefined> = process.env, cwd = process.cwd()): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new QaError(
      "CONFIG_INVALID",
      `Invalid settings: ${problems.join("; ")}`,
      "Fix these variables in your environment or .env (see .env.example).",
    );
  }
  const e = parsed.data;
  if (e.CHUNK_OVERLAP >= e.CHUNK_SIZE) {
    throw new QaError("CONFIG_INVALID", "CHUNK_OVERLAP must be smaller than CHUNK_SIZE", "Lower CHUNK_OVERLAP or raise CHUNK_SIZE.");
  }
  if ((e.LLM_BASE_URL && !e.LLM_MODEL) || (!e.LLM_BASE_URL && e.LLM_MODEL)) {
    throw new QaError("CONFIG_INVALID", "LLM_BASE_URL and LLM_MODEL go together", "Set both to enable LLM answers, or neither.");
  }
  const abs = (p: string) => path.resolve(cwd, p);
  return {
    embeddingModel: e.EMBEDDING_MODEL,
    modelsDir: e.MODELS_DIR ? abs(e.MODELS_DIR) : null,
    indexDir: abs(e.INDEX_DIR),
    seedsDir: abs(e.SEEDS_DIR),
    chunk: { size: e.CHUNK_SIZE, overlap: e.CHUNK_OVERLAP },
    hnsw: { m: e.HNSW_M, efConstruction: e.HNSW_EF_CONSTRUCTION, efSearch: e.HNSW_EF_SEARCH },
    embedBatchSize: e.EMBED_BATCH_SIZE,
    embedThreads: { intraOp: e.EMBED_THREADS, interOp: e.EMBED_INTER_THREADS },
    buildWorkers: e.BUILD_WORKERS,
    addMaxBytes: e.ADD_MAX_MB * 1024 * 1024,
    inboxDir: e.INBOX_DIR ? abs(e.INBOX_DIR) : null,
    feeds: { urls: e.FEEDS, minutes: e.FEED_MINUTES },
    logLevel: e.LOG_LEVEL,
    testCrashAt: e.QA_TEST_CRASH_AT ?? null,
    telegram: {
      token: e.TELEGRAM_BOT_TOKEN ?? null,
      apiRoot: e.TELEGRAM_API_ROOT ?? null,
      allowedChatIds: e.ALLOWED_CHAT_IDS,
      adminIds: e.ADMIN_IDS,
      webhookUrl: e.WEBHOOK_URL ?? null,
      webhookSecret: e.WEBHOOK_SECRET ?? null,
      port: e.PORT,
    },
    llm:
      e.LLM_BASE_URL && e.LLM_MODEL
        ? { baseUrl: e.LLM_BASE_URL, model: e.LLM_MODEL, apiKey: e.LLM_API_KEY ?? null, timeoutMs: e.LLM_TIMEOUT_MS }
        : null,
    dataDir: abs(e.DATA_DIR),
    questionLog: { enabled: e.QUESTION_LOG === "on", days: e.QUESTION_LOG_DAYS, secret: e.QUESTION_LOG_SECRET ?? null },
    dashboardToken: e.DASHBOARD_TOKEN ?? null,
    today: e.TODAY ? dayOf(e.TODAY) : null,
  };
}
