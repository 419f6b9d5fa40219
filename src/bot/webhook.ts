/**
 * Webhook mode (WEBHOOK_URL set): a node:http server on PORT takes Telegram's POSTs at the URL's
 * path (checking the secret token), answers GET /healthz (and the dashboard, see http.ts), and registers the webhook with setWebhook.
 * Without WEBHOOK_SECRET a random secret is made for the run and registered, so forged POSTs are
 * refused either way. Stopping closes the server but leaves the webhook set, so Telegram queues
 * updates meanwhile.
 */
import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import { webhookCallback, type Bot, type Context } from "grammy";
import type { DashboardOptions } from "../dashboard/server.js";
import { httpRoutes } from "./http.js";
import { ALLOWED_UPDATES, prepareBot, startError, stopOnSignals, type RunOptions, type RunningBot } from "./lifecycle.js";

export interface WebhookOptions extends RunOptions {
  /** The public HTTPS URL Telegram posts to (WEBHOOK_URL); its path is served. */
  url: string;
  /** Checked against the X-Telegram-Bot-Api-Secret-Token header (WEBHOOK_SECRET); null: a random one for this run. */
  secretToken: string | null;
  /** Local port to listen on (PORT, default 8080). */
  port: number;
  /** Local address (default all interfaces). */
  host?: string;
  /** The editors' dashboard on the same port (DASHBOARD_TOKEN); null or absent: none. */
  dashboard?: DashboardOptions | null;
}

/** Starts the webhook server and registers the webhook; resolves once both are done. */
export async function runWebhook(bot: Bot<Context>, options: WebhookOptions): Promise<RunningBot> {
  const { qa, logger } = options;
  const me = await prepareBot(bot, options);
  const path = new URL(options.url).pathname; // never logged: it often holds the token
  // 256 bits; base64url is within what Telegram allows in a secret token (A-Z a-z 0-9 _ -).
  const secretToken = options.secretToken ?? randomBytes(32).toString("base64url");
  if (!options.secretToken) logger.info("WEBHOOK_SECRET is not set: using a random secret token for this run");
  // Answers can take a while (a 429 wait): acknowledge Telegram after 50 s rather than fail the update.
  const handle = webhookCallback(bot, "http", { secretToken, onTimeout: "return", timeoutMilliseconds: 50_000 });
  let inFlight = 0;
  const routes = httpRoutes(qa, options.dashboard ?? null);

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (req.method === "POST" && url.pathname === path) {
      inFlight++;
      handle(req, res)
        .catch((err: unknown) => {
          logger.error({ err }, "webhook update failed");
          if (!res.headersSent) res.writeHead(500).end();
        })
        .finally(() => inFlight--);
    } else if (!routes(req, res)) res.writeHead(404).end();
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => resolve());
  });
  try {
    await bot.api.setWebhook(options.url, { allowed_updates: [...ALLOWED_UPDATES], secret_token: secretToken });
  } catch (err) {
    server.close();
    await qa.close();
    throw startError(err);
  }

  let finished!: () => void;
  const done = new Promise<void>((resolve) => (finished = resolve));
  let stopping: Promise<void> | null = null;
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      unhook();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      while (inFlight > 0) await new Promise((resolve) => setTimeout(resolve, 20)); // updates in hand
      await qa.close();
      finished();
    })());
  const unhook = stopOnSignals(options.signals ?? ["SIGINT", "SIGTERM"], stop, logger);
  logger.info({ bot: me.username, port: options.port }, "bot is serving its webhook");
  options.onStart?.(me);
  return { me, stop, done };
}
