import fs from "node:fs";
import path from "node:path";

/** One question of a SQuAD-format file, with whether its article was left out of the corpus. */
export interface SquadQuestion {
  id: string;
  question: string;
  answers: string[];
  article: number;
  leftOut: boolean;
}

/** Every `leaveOutEvery`-th article (the 6th, 12th…) is kept out of the corpus: its questions must be refused. */
export const LEAVE_OUT_EVERY = 6;

interface SquadFile {
  data: { title?: string; paragraphs: { context: string; qas: { id: string; question: string; answers: { text: string }[] }[] }[] }[];
}

/**
 * Writes the articles of a SQuAD-format file as seed pages (one page per article, its title as the
 * headline) into `seedsDir`, leaving every LEAVE_OUT_EVERY-th article out, and returns its questions.
 */
export function writeSquadSeeds(file: string, seedsDir: string): SquadQuestion[] {
  const squad = JSON.parse(fs.readFileSync(file, "utf8")) as SquadFile;
  fs.mkdirSync(seedsDir, { recursive: true });
  const questions: SquadQuestion[] = [];
  squad.data.forEach((article, i) => {
    const leftOut = i % LEAVE_OUT_EVERY === LEAVE_OUT_EVERY - 1;
    const paragraphs = article.paragraphs.map((p) => p.context.trim());
    if (!leftOut) {
      const page = `# ${article.title ?? `Article ${i + 1}`}\n\n${paragraphs.join("\n\n")}\n`;
      fs.writeFileSync(path.join(seedsDir, `${String(i).padStart(4, "0")}.txt`), page);
    }
    for (const p of article.paragraphs) {
      // A blank question (the trial file has one) asks nothing to measure.
      for (const qa of p.qas.filter((x) => x.question.trim())) questions.push({ id: qa.id, question: qa.question, answers: qa.answers.map((a) => a.text), article: i, leftOut });
    }
  });
  return questions;
}
