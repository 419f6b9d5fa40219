/**
 * A loopback stand-in for the Telegram Bot API (node:http on 127.0.0.1, random port), reached by the
 * real bot through `apiRoot`. It long-polls getUpdates from a queue the test fills, records every
 * call, and can fail a method once (e.g. 429 with retry_after) to exercise auto-retry. It keeps the
 * text of every message it sent, so editMessageText works (and refuses, as Telegram does, an edit
 * that changes nothing or names an unknown message). Files added with `addFile` are served by
 * getFile and the file download route (`/file/bot<token>/<file_path>`), as Telegram serves documents.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Document, Message, MessageEntity, Update, UserFromGetMe } from "grammy/types";

export interface ApiCall {
  method: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  params: Record<string, any>;
  at: number;
}

export interface ApiFailure {
  error_code: number;
  description: string;
  parameters?: { retry_after?: number };
}

export const BOT_USER: UserFromGetMe = {
  id: 4242,
  is_bot: true,
  first_name: "Changji QA",
  username: "changji_qa_bot",
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
} as UserFromGetMe;

export class FakeBotApi {
  readonly calls: ApiCall[] = [];
  private readonly queue: Update[] = [];
  private nextUpdateId = 1;
  private nextMessageId = 1000;
  private wake: Array<() => void> = [];
  private readonly failures = new Map<string, ApiFailure[]>();
  /** Current text of each message sent, by chat and message id, in the order they were sent. */
  private readonly messages = new Map<string, { chatId: number; messageId: number; text: string }>();
  private readonly done = new Set<number>();

  /**
   * Pass as the bot's `onUpdateHandled`: the bot handles updates concurrently, so fetching the next
   * ones no longer says the previous ones are done; this does.
   */
  readonly onUpdateHandled = (updateId: number): void => void this.done.add(updateId);
  /** Files the bot can download, by file_id. */
  private readonly files = new Map<string, { path: string; bytes: Buffer }>();

  private constructor(
    private readonly server: Server,
    readonly token: string,
    readonly apiRoot: string,
  ) {}

  static async start(token: string): Promise<FakeBotApi> {
    let api: FakeBotApi | undefined;
    const server = createServer((req, res) => void api!.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    api = new FakeBotApi(server, token, `http://127.0.0.1:${port}`);
    return api;
  }

  /** Queues an update for the next getUpdates; returns its update_id. */
  push(update: Omit<Update, "update_id">): number {
    const id = this.nextUpdateId++;
    this.queue.push({ ...update, update_id: id } as Update);
    this.wake.splice(0).forEach((fn) => fn());
    return id;
  }

  /** Stores a file as Telegram would hold a sent document; returns the `document` of a message carrying it. */
  addFile(bytes: Buffer, fileName: string, mimeType?: string): Document {
    const id = `doc${this.files.size + 1}`;
    this.files.set(id, { path: `documents/file_${this.files.size + 1}${fileName.match(/\.\w+$/)?.[0] ?? ""}`, bytes });
    return { file_id: id, file_unique_id: `u${id}`, file_name: fileName, file_size: bytes.length, ...(mimeType ? { mime_type: mimeType } : {}) };
  }

  /** The next call of `method` fails with this error (once per call to failOnce). */
  failOnce(method: string, failure: ApiFailure): void {
    this.failures.set(method, [...(this.failures.get(method) ?? []), failure]);
  }

  callsOf(method: string): ApiCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Messages the bot sent to `chatId` (successful sendMessage calls only). */
  sent(chatId: number): ApiCall[] {
    return this.calls.filter((c) => c.method === "sendMessage" && c.params.chat_id === chatId && !c.params.__failed);
  }

  /** Polls until `probe` returns something truthy (or throws after `timeoutMs`). */
  async waitFor<T>(probe: () => T | undefined | null | false, timeoutMs = 15_000, what = "condition"): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = probe();
      if (value) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /**
   * Waits until the bot has finished with update `updateId` (reported through `onUpdateHandled`,
   * which the bot must be given): then every reply to it has been sent (or it was ignored).
   */
  async handled(updateId: number, timeoutMs = 20_000): Promise<void> {
    await this.waitFor(() => this.done.has(updateId), timeoutMs, `update ${updateId} to be handled (is the bot given onUpdateHandled?)`);
  }

  /**
   * Pushes an update, waits until it is handled, and returns the successful calls of `methods`
   * (default: the messages sent) to `chatId` meanwhile.
   */
  async exchange(update: Omit<Update, "update_id">, chatId: number, methods: readonly string[] = ["sendMessage"]): Promise<ApiCall[]> {
    const before = this.calls.length;
    const id = this.push(update);
    await this.handled(id);
    return this.calls.slice(before).filter((c) => methods.includes(c.method) && c.params.chat_id === chatId && !c.params.__failed);
  }

  /** What the chat shows now: the text of every message sent to `chatId`, after any edits. */
  shown(chatId: number): string[] {
    return [...this.messages.values()].filter((m) => m.chatId === chatId).map((m) => m.text);
  }

  async close(): Promise<void> {
    this.wake.splice(0).forEach((fn) => fn());
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString("utf8");
    const download = /^\/file\/bot([^/]+)\/(.+)$/.exec(req.url ?? "");
    if (req.method === "GET" && download) return this.serveFile(download[1]!, download[2]!, res);
    const params = body ? (JSON.parse(body) as Record<string, unknown>) : {};
    const match = /^\/bot([^/]+)\/(\w+)$/.exec(req.url ?? "");
    const send = (status: number, payload: unknown) => {
      if (res.destroyed) return;
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(payload));
    };
    if (!match || match[1] !== this.token) return send(401, { ok: false, error_code: 401, description: "Unauthorized" });
    const method = match[2]!;
    const call: ApiCall = { method, params, at: Date.now() };
    this.calls.push(call);

    const failure = this.failures.get(method)?.shift();
    if (failure) {
      call.params.__failed = true;
      return send(failure.error_code, { ok: false, ...failure });
    }
    if (method === "getUpdates") return send(200, { ok: true, result: await this.updates(params, res) });
    if (method === "editMessageText") return this.edit(call, send);
    send(200, { ok: true, result: this.result(method, params) });
  }

  /** The file download route: the bytes of a stored file, 404 for an unknown path, 401 for a wrong token. */
  private serveFile(token: string, filePath: string, res: ServerResponse): void {
    this.calls.push({ method: "file", params: { file_path: filePath }, at: Date.now() });
    const file = [...this.files.values()].find((f) => f.path === filePath);
    const status = token !== this.token ? 401 : file ? 200 : 404;
    res.writeHead(status, { "content-type": "application/octet-stream" });
    res.end(status === 200 ? file!.bytes : undefined);
  }

  /** Long poll: confirm updates below `offset`, answer at once when some are queued, else wait. */
  private async updates(params: Record<string, unknown>, res: ServerResponse): Promise<Update[]> {
    const offset = Number(params.offset ?? 0);
    while (this.queue.length && this.queue[0]!.update_id < offset) this.queue.shift();
    const timeoutMs = Math.min(Number(params.timeout ?? 0), 2) * 1000;
    if (!this.queue.length && timeoutMs > 0) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, timeoutMs);
        const done = () => {
          clearTimeout(timer);
          resolve();
        };
        this.wake.push(done);
        res.once("close", done);
      });
    }
    return this.queue.slice(0, Number(params.limit ?? 100));
  }

  private result(method: string, params: Record<string, unknown>): unknown {
    switch (method) {
      case "getMe":
        return BOT_USER;
      case "getFile": {
        const file = this.files.get(String(params.file_id));
        const id = String(params.file_id);
        return { file_id: id, file_unique_id: `u${id}`, ...(file ? { file_size: file.bytes.length, file_path: file.path } : {}) };
      }
      case "sendMessage": {
        const messageId = this.nextMessageId++;
        this.messages.set(`${params.chat_id}:${messageId}`, { chatId: Number(params.chat_id), messageId, text: String(params.text) });
        return this.message(Number(params.chat_id), messageId, String(params.text));
      }
      default: // setMyCommands, sendChatAction, deleteWebhook, …
        return true;
    }
  }

  /** editMessageText: the edited message, or Telegram's 400 for an unknown message or an unchanged text. */
  private edit(call: ApiCall, send: (status: number, payload: unknown) => void): void {
    const { chat_id, message_id, text } = call.params as { chat_id: number; message_id: number; text: string };
    const stored = this.messages.get(`${chat_id}:${message_id}`);
    const refuse = (description: string) => {
      call.params.__failed = true;
      send(400, { ok: false, error_code: 400, description });
    };
    if (!stored) return refuse("Bad Request: message to edit not found");
    if (stored.text === text) {
      return refuse("Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message");
    }
    stored.text = text;
    send(200, { ok: true, result: { ...this.message(chat_id, message_id, text), edit_date: Math.floor(Date.now() / 1000) } });
  }

  private message(chatId: number, messageId: number, text: string): object {
    return {
      message_id: messageId,
      date: Math.floor(Date.now() / 1000),
      chat: { id: chatId, type: chatId < 0 ? "supergroup" : "private" },
      from: BOT_USER,
      text,
    };
  }
}

/** Entities as Telegram sets them: a bot command at the start, and @mentions. */
function entitiesOf(text: string): MessageEntity[] {
  const entities: MessageEntity[] = [];
  const command = /^\/[A-Za-z0-9_]+(?:@[A-Za-z0-9_]+)?/.exec(text);
  if (command) entities.push({ type: "bot_command", offset: 0, length: command[0].length });
  for (const m of text.matchAll(/(?<![\w/])@[A-Za-z0-9_]{5,}/g)) entities.push({ type: "mention", offset: m.index, length: m[0].length });
  return entities;
}

let nextMessageId = 1;

export interface MessageOptions {
  chatId: number;
  userId?: number;
  /** Negative chat ids are supergroups, as in Telegram. */
  replyToBot?: boolean;
  edited?: boolean;
}

/** A message update from a user; `content` is text or other message fields (sticker, photo…). */
export function messageUpdate(content: string | Partial<Message>, options: MessageOptions): Omit<Update, "update_id"> {
  const { chatId, userId = Math.abs(chatId), replyToBot = false, edited = false } = options;
  const chat = chatId < 0 ? { id: chatId, type: "supergroup", title: "昌吉读者群" } : { id: chatId, type: "private", first_name: "Reader" };
  const body = typeof content === "string" ? { text: content, entities: entitiesOf(content) } : content;
  if (typeof content !== "string" && content.caption) Object.assign(body, { caption_entities: entitiesOf(content.caption) });
  const message = {
    message_id: nextMessageId++,
    date: Math.floor(Date.now() / 1000),
    chat,
    from: { id: userId, is_bot: false, first_name: "Reader", language_code: "zh-hans" },
    ...(replyToBot ? { reply_to_message: { message_id: 999, date: 0, chat, from: BOT_USER, text: "…" } } : {}),
    ...(edited ? { edit_date: Math.floor(Date.now() / 1000) } : {}),
    ...body,
  } as Message;
  return (edited ? { edited_message: message } : { message }) as Omit<Update, "update_id">;
}

/** A local port nothing listens on (for a webhook server under test). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A press of an inline button with `data` under the bot's message `messageId` in `chatId`. */
export function callbackUpdate(data: string, options: { chatId: number; messageId: number; userId?: number }): Omit<Update, "update_id"> {
  const { chatId, messageId, userId = Math.abs(chatId) } = options;
  const chat = chatId < 0 ? { id: chatId, type: "supergroup", title: "昌吉读者群" } : { id: chatId, type: "private", first_name: "Reader" };
  return {
    callback_query: {
      id: `cb-${nextMessageId++}`,
      from: { id: userId, is_bot: false, first_name: "Reader", language_code: "zh-hans" },
      chat_instance: `ci-${chatId}`,
      data,
      message: { message_id: messageId, date: Math.floor(Date.now() / 1000), chat, from: BOT_USER, text: "…" },
    },
  } as Omit<Update, "update_id">;
}
