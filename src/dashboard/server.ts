/**
 * The editors' dashboard over HTTP, on the bot's /healthz port: GET /dashboard (the page),
 * /dashboard/data.json (what it shows), /dashboard/app.js and /dashboard/chart.js (Chart.js from
 * node_modules — no CDN). Only with DASHBOARD_TOKEN set (else every /dashboard path is 404), and
 * only for a request that gives it: `?token=…` once (answered with an HttpOnly cookie and a
 * redirect to the bare URL, so the token leaves the address bar), the cookie, or
 * `Authorization: Bearer …`. Compared in constant time; never logged.
 */
import { createHash, timingSafeEqual } from "node:crypto";
import fs from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { createRequire } from "node:module";
import path from "node:path";
import { parseSince } from "../question-log/report.js";
import type { DashboardData } from "./data.js";

export interface DashboardOptions {
  /** DASHBOARD_TOKEN. */
  token: string;
  /** The dashboard's data from `since` to `now`. */
  data: (since: Date, now: Date) => DashboardData | Promise<DashboardData>;
  /** Where the report's window ends (default the system clock; the bot passes the question log's clock). */
  now?: () => Date;
}

const COOKIE = "qa_dashboard";
const PUBLIC = path.join(import.meta.dirname, "public");
/** Chart.js's UMD build, which defines `Chart` for a plain <script>; resolved from the package (its exports hide the file). */
const CHART_JS = path.join(path.dirname(createRequire(import.meta.url).resolve("chart.js")), "chart.umd.js");
const SECURITY = {
  "content-security-policy": "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "cache-control": "no-store",
} as const;
const FILES: Record<string, { file: string; type: string }> = {
  "/dashboard": { file: path.join(PUBLIC, "index.html"), type: "text/html; charset=utf-8" },
  "/dashboard/app.js": { file: path.join(PUBLIC, "app.js"), type: "text/javascript; charset=utf-8" },
  "/dashboard/style.css": { file: path.join(PUBLIC, "style.css"), type: "text/css; charset=utf-8" },
  "/dashboard/chart.js": { file: CHART_JS, type: "text/javascript; charset=utf-8" },
};

/** A request handler for the dashboard's paths; false for any other path (the caller answers it). */
export function dashboardRoutes(options: DashboardOptions | null): (req: IncomingMessage, res: ServerResponse) => boolean {
  return (req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (url.pathname !== "/dashboard" && !url.pathname.startsWith("/dashboard/")) return false;
    if (!options || req.method !== "GET") {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found\n");
      return true;
    }
    const given = url.searchParams.get("token");
    if (given !== null && url.pathname === "/dashboard") {
      if (!same(given, options.token)) return refuse(res), true;
      res.writeHead(303, { ...SECURITY, location: "/dashboard", "set-cookie": `${COOKIE}=${encodeURIComponent(given)}; HttpOnly; SameSite=Strict; Path=/dashboard` }).end();
      return true;
    }
    if (!same(tokenOf(req) ?? "", options.token)) return refuse(res), true;
    if (url.pathname === "/dashboard/data.json") {
      const now = (options.now ?? (() => new Date()))();
      const since = parseSince(url.searchParams.get("since") ?? "7d", now);
      if (!since) return res.writeHead(400, { "content-type": "text/plain" }).end("since: use 24h, 7d, 2w or YYYY-MM-DD\n"), true;
      Promise.resolve()
        .then(() => options.data(since, now))
        .then(
          (data) => res.writeHead(200, { ...SECURITY, "content-type": "application/json" }).end(JSON.stringify(data)),
          (err: unknown) => res.writeHead(500, { "content-type": "text/plain" }).end(`the dashboard's data could not be read: ${(err as Error).message}\n`),
        );
      return true;
    }
    const served = FILES[url.pathname];
    if (!served) return res.writeHead(404, { "content-type": "text/plain" }).end("not found\n"), true;
    res.writeHead(200, { ...SECURITY, "content-type": served.type }).end(fs.readFileSync(served.file));
    return true;
  };
}

function refuse(res: ServerResponse): void {
  res.writeHead(401, { ...SECURITY, "content-type": "text/plain; charset=utf-8" }).end("The dashboard needs its token: open /dashboard?token=<DASHBOARD_TOKEN>.\n");
}

function tokenOf(req: IncomingMessage): string | null {
  const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? "");
  if (bearer) return bearer[1]!;
  const cookie = (req.headers.cookie ?? "").split(/;\s*/).find((c) => c.startsWith(`${COOKIE}=`));
  return cookie ? decodeURIComponent(cookie.slice(COOKIE.length + 1)) : null;
}

/** Constant-time comparison (of digests, so the lengths match). */
function same(a: string, b: string): boolean {
  const digest = (s: string) => createHash("sha256").update(s).digest();
  return timingSafeEqual(digest(a), digest(b));
}
