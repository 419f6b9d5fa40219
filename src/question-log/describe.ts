/** The report as lines for a terminal or a chat message (the bot escapes them; the dashboard charts the object). */
import type { QuestionReport } from "./report.js";

const day = (iso: string) => iso.slice(0, 10);
const minute = (iso: string) => iso.replace("T", " ").slice(0, 16);
/** A long question or reply cut for a list line. */
const clip = (text: string, max = 80) => {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};
const counts = (record: Record<string, number>) =>
  Object.entries(record)
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]) => `${k} ${n}`)
    .join(", ") || "none";

/** Every section of the report, one heading line each, items indented. */
export function describeReport(report: QuestionReport): string[] {
  const { replies, feedback } = report;
  const lines = [
    `Questions ${day(report.from)} – ${day(report.to)} (UTC): ${report.questions} (answer ${replies.answer}, evidence ${replies.evidence}, refusal ${replies.refusal}); 👍 ${feedback.up}, 👎 ${feedback.down}.`,
    `Languages: ${counts(report.languages)}. Intents: ${counts(report.intents)}.`,
    `Per day: ${report.perDay.map((d) => `${d.day.slice(5)} ${d.questions}`).join(" · ")}`,
  ];
  const section = (title: string, items: string[], none: string) => lines.push(items.length ? title : `${title} ${none}`, ...items.map((i) => `  ${i}`));
  section("Most asked topics (articles cited):", report.topics.map((t) => `${t.questions} × ${clip(t.headline, 60)}${t.headline === t.articleId ? "" : ` (${t.articleId})`}`), "none yet.");
  section(
    "Unanswered (evidence or refusal), grouped by similar wording:",
    report.unanswered.map((u) => `${u.count} × ${clip(u.question)}${u.wordings.length ? ` — also: ${u.wordings.map((w) => `“${clip(w, 40)}”`).join(", ")}` : ""} (last ${day(u.last)})`),
    "none.",
  );
  section("Marked 👎:", report.disliked.map((d) => `${minute(d.at)} ${clip(d.question, 60)} → [${d.reply}] ${clip(d.answer, 100)}`), "none.");
  section("Slowest:", report.slowest.map((s) => `${s.latencyMs} ms — ${clip(s.question, 60)} [${s.reply}]`), "none.");
  return lines;
}
