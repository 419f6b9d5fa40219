import fs from "node:fs";
import { z } from "zod";
import { QaError } from "../errors.js";

/**
 * Reading SQuAD-format files (SQuAD, CMRC 2018, DRCD, XQuAD all use it): articles with a title and
 * paragraphs, each paragraph with its questions and their gold answer texts.
 */

/** One question of a SQuAD file with every gold answer text given for it. */
export interface SquadQuestion {
  id: string;
  question: string;
  /** Gold answer texts; a reply holding any one of them counts. */
  answers: string[];
  /** Index of its paragraph in the article. */
  paragraph: number;
}

/** One article: its title and the text of its paragraphs, with their questions in file order. */
export interface SquadArticle {
  title: string;
  paragraphs: string[];
  questions: SquadQuestion[];
}

export interface SquadFile {
  articles: SquadArticle[];
  /** Questions not asked: empty, or without a gold answer (SQuAD 2.0 `is_impossible`). */
  skipped: number;
}

const SquadSchema = z.object({
  data: z.array(
    z.object({
      title: z.string().default(""),
      paragraphs: z.array(
        z.object({
          context: z.string(),
          qas: z.array(
            z.object({
              id: z.union([z.string(), z.number()]).transform(String),
              question: z.string(),
              answers: z.array(z.object({ text: z.string() })).default([]),
              is_impossible: z.boolean().optional(),
            }),
          ),
        }),
      ),
    }),
  ),
});

const SQUAD_HINT = 'Pass a SQuAD-format JSON file ({"data":[{"title","paragraphs":[{"context","qas":[{"id","question","answers":[{"text"}]}]}]}]}).';
const JSONL_HINT = 'Pass a JSONL file with one {"id","question"} per line, ids as in the SQuAD file.';

function invalid(file: string, why: string, hint = SQUAD_HINT, cause?: unknown): QaError {
  return new QaError("EVAL_DATA_INVALID", `Cannot use ${file}: ${why}`, hint, { cause });
}

function readText(file: string, hint: string): string {
  try {
    return fs.readFileSync(file, "utf8");
  } catch (cause) {
    throw invalid(file, "the file cannot be read", hint, cause);
  }
}

function readJson(file: string): unknown {
  const text = readText(file, SQUAD_HINT);
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw invalid(file, "it is not valid JSON", SQUAD_HINT, cause);
  }
}

/** Loads a SQuAD-format file. Throws EVAL_DATA_INVALID when it cannot be read or has the wrong shape. */
export function loadSquad(file: string): SquadFile {
  const parsed = SquadSchema.safeParse(readJson(file));
  if (!parsed.success) throw invalid(file, `not SQuAD-shaped (${parsed.error.issues.slice(0, 3).map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")})`);
  let skipped = 0;
  const articles = parsed.data.data.map((a, n): SquadArticle => {
    const questions: SquadQuestion[] = [];
    a.paragraphs.forEach((p, paragraph) => {
      for (const qa of p.qas) {
        const answers = [...new Set(qa.answers.map((x) => x.text.trim()).filter(Boolean))];
        if (qa.is_impossible || answers.length === 0 || !qa.question.trim()) skipped++;
        else questions.push({ id: qa.id, question: qa.question.trim(), answers, paragraph });
      }
    });
    return { title: a.title.trim() || `Article ${n + 1}`, paragraphs: a.paragraphs.map((p) => p.context), questions };
  });
  return { articles, skipped };
}

const TranslationSchema = z.object({ id: z.union([z.string(), z.number()]).transform(String), question: z.string().min(1) });

/**
 * Loads questions in another language keyed by the ids of the SQuAD file (JSONL, one
 * `{"id","question"}` per line). Throws EVAL_DATA_INVALID naming the first bad line.
 */
export function loadTranslatedQuestions(file: string): Map<string, string> {
  const text = readText(file, JSONL_HINT);
  const byId = new Map<string, string>();
  text.split("\n").forEach((line, i) => {
    if (!line.trim()) return;
    let row: unknown;
    try {
      row = JSON.parse(line);
    } catch (cause) {
      throw invalid(file, `line ${i + 1} is not valid JSON`, JSONL_HINT, cause);
    }
    const parsed = TranslationSchema.safeParse(row);
    if (!parsed.success) throw invalid(file, `line ${i + 1} needs {"id","question"}`, JSONL_HINT);
    byId.set(parsed.data.id, parsed.data.question.trim());
  });
  return byId;
}
