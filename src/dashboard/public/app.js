// The editors' dashboard: reads /dashboard/data.json (same origin, the cookie set from ?token=)
// and draws it with Chart.js. Every reader-given text goes in with textContent, never as HTML.
"use strict";

const COLORS = { answer: "#2e7d32", evidence: "#f9a825", refusal: "#c62828" };
const charts = {};

function el(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = String(text);
  if (className) node.className = className;
  return node;
}

function table(id, headings, rows, numeric = []) {
  const target = document.getElementById(id);
  target.replaceChildren();
  if (!rows.length) {
    target.append(el("caption", "None in this period.", "none"));
    return;
  }
  const head = el("tr");
  headings.forEach((h) => head.append(el("th", h)));
  target.append(head);
  for (const row of rows) {
    const tr = el("tr");
    row.forEach((cell, i) => tr.append(el("td", cell, numeric.includes(i) ? "n" : undefined)));
    target.append(tr);
  }
}

function chart(id, config) {
  charts[id]?.destroy();
  charts[id] = new Chart(document.getElementById(id), { ...config, options: { animation: false, maintainAspectRatio: false, ...config.options } });
}

const minute = (iso) => iso.replace("T", " ").slice(0, 16);

function draw(data) {
  const r = data.report;
  const summary = document.getElementById("summary");
  if (!r) {
    summary.textContent = "The question log is off (QUESTION_LOG=off): there is nothing to chart.";
  } else {
    summary.textContent = `${r.questions} questions from ${r.from.slice(0, 10)} to ${r.to.slice(0, 10)} (UTC): ` +
      `${r.replies.answer} answered, ${r.replies.evidence} with evidence, ${r.replies.refusal} refused; readers liked ${r.feedback.up}, disliked ${r.feedback.down}.` +
      (data.log.failures ? ` ${data.log.failures} log writes failed.` : "");
    const kinds = ["answer", "evidence", "refusal"];
    chart("per-day", {
      type: "bar",
      data: { labels: r.perDay.map((d) => d.day), datasets: kinds.map((k) => ({ label: k, data: r.perDay.map((d) => d[k]), backgroundColor: COLORS[k] })) },
      options: { scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } } },
    });
    chart("replies", {
      type: "doughnut",
      data: { labels: kinds, datasets: [{ data: kinds.map((k) => r.replies[k]), backgroundColor: kinds.map((k) => COLORS[k]) }] },
    });
    const langs = Object.keys(r.languages);
    chart("languages", {
      type: "bar",
      data: { labels: langs, datasets: [{ label: "questions", data: langs.map((l) => r.languages[l]), backgroundColor: "#3f51b5" }] },
      options: { indexAxis: "y", plugins: { legend: { display: false } }, scales: { x: { beginAtZero: true, ticks: { precision: 0 } } } },
    });
    table("unanswered", ["asked", "question", "also worded", "last"], r.unanswered.map((u) => [u.count, u.question, u.wordings.join(" · "), u.last.slice(0, 10)]), [0]);
    table("disliked", ["when", "question", "reply", "what was said"], r.disliked.map((d) => [minute(d.at), d.question, d.reply, d.answer]));
    table("topics", ["questions", "article"], r.topics.map((t) => [t.questions, t.headline]), [0]);
    table("slowest", ["ms", "question", "reply"], r.slowest.map((s) => [s.latencyMs, s.question, s.reply]), [0]);
  }
  const index = document.getElementById("index");
  index.replaceChildren();
  const issue = data.newestIssue;
  const t = data.decision.thresholds;
  const rows = [
    ["Build", `${data.index.build} (${minute(data.index.builtAt)} UTC)`],
    ["Articles", `${data.index.articles} from ${data.index.files} pages, ${data.index.passages} passages`],
    ["Newest issue", issue ? `${issue.paper ?? ""} ${issue.date}${issue.number ? ` (${issue.number})` : ""}, ${issue.articles} articles` : "none dated"],
    ["Model", data.index.vectors ? data.index.model : `${data.index.model} (keyword-only)`],
    ["Decision", `${data.decision.profile}; ${data.decision.features} features; thresholds zh ${t.zh?.typed}/${t.zh?.untyped}, en ${t.en?.typed}/${t.en?.untyped}`],
    ["LLM", data.decision.llm ?? "off (extractive answers)"],
  ];
  for (const [k, v] of rows) index.append(el("dt", k), el("dd", v));
  const ingestion = document.getElementById("ingestion");
  ingestion.replaceChildren(...data.ingestion.map((line) => el("li", line)));
}

async function load() {
  const since = document.getElementById("since").value;
  try {
    const response = await fetch(`/dashboard/data.json?since=${encodeURIComponent(since)}`, { credentials: "same-origin" });
    if (!response.ok) throw new Error(`${response.status} ${await response.text()}`);
    draw(await response.json());
    document.body.dataset.ready = since;
  } catch (err) {
    document.getElementById("summary").textContent = `Could not load the data: ${err.message}`;
    document.body.dataset.error = "true";
  }
}

document.getElementById("since").addEventListener("change", load);
load();
