/**
 * The bot's own HTTP routes besides the webhook: GET /healthz and the editors' dashboard. In
 * webhook mode they share the webhook's server; in long-polling mode a server on PORT is started
 * for them only when DASHBOARD_TOKEN is set (no token, no page, no port opened).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { QaService } from "../core/types.js";
import { QaError } from "../errors.js";
import { dashboardRoutes, type DashboardOptions } from "../dashboard/server.js";
import { indexHealth } from "./health.js";

/** Answers /healthz and the dashboard's paths; false for any other request. */
export function httpRoutes(qa: QaService, dashboard: DashboardOptions | null): (req: IncomingMessage, res: ServerResponse) => boolean {
  const board = dashboardRoutes(dashboard);
  return (req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (req.method === "GET" && url.pathname === "/healthz") {
      const health = indexHealth(qa);
      res.writeHead(health.ok ? 200 : 503, { "content-type": "text/plain" }).end(health.ok ? "ok\n" : `unhealthy: ${health.reason}\n`);
      return true;
    }
    return board(req, res);
  };
}

/** A server for `httpRoutes` alone (long polling with a dashboard); resolves once it listens. Throws CONFIG_INVALID when the port is taken. */
export async function listenHttp(port: number, routes: ReturnType<typeof httpRoutes>, host?: string): Promise<Server> {
  const server = createServer((req, res) => {
    if (!routes(req, res)) res.writeHead(404).end();
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", (err: NodeJS.ErrnoException) =>
      reject(
        err.code === "EADDRINUSE" || err.code === "EACCES"
          ? new QaError("CONFIG_INVALID", `The dashboard cannot listen on port ${port} (${err.code === "EADDRINUSE" ? "already in use" : "not allowed"}).`, "Set PORT to a free port, or unset DASHBOARD_TOKEN.", { cause: err })
          : err,
      ),
    );
    server.listen(port, host, () => resolve());
  });
  return server;
}
