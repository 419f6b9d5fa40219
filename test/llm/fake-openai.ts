/**
 * A loopback stand-in for an OpenAI-compatible chat-completions server (llama.cpp, Ollama, vLLM):
 * records every request and answers with the scripted reply — a JSON completion, or SSE chunks
 * (`data: {...}` … `data: [DONE]`) when the request asks to stream, as the real API does.
 */
import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type Reply =
  /** The answer text; streamed in small pieces when the request has `stream: true`. */
  | { content: string; chunkChars?: number; stallAfterChunks?: number }
  | { status: number; message: string }
  /** Accepts the request and never answers. */
  | { hang: true };

export interface Recorded {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: { model: string; messages: { role: string; content: string }[]; stream?: boolean; [key: string]: unknown };
}

export interface FakeOpenAi {
  /** Base URL to configure, ending in /v1. */
  url: string;
  requests: Recorded[];
  /** Responses the client hung up on before they were complete (an aborted request or stream). */
  readonly abandoned: number;
  /** The reply to every following request. */
  reply(next: Reply): void;
  close(): Promise<void>;
}

export async function startFakeOpenAi(): Promise<FakeOpenAi> {
  const requests: Recorded[] = [];
  let next: Reply = { content: "" };
  let abandoned = 0;
  const server = createServer((req, res) => {
    let raw = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => (raw += chunk));
    req.on("end", () => {
      const body = JSON.parse(raw || "{}") as Recorded["body"];
      requests.push({ method: req.method ?? "", path: req.url ?? "", headers: req.headers, body });
      res.once("close", () => void (res.writableFinished || abandoned++));
      respond(res, next, body.stream === true);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    get abandoned() {
      return abandoned;
    },
    reply: (r) => (next = r),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections(); // hung and stalled responses included
        server.close(() => resolve());
      }),
  };
}

function respond(res: ServerResponse, reply: Reply, stream: boolean): void {
  if ("hang" in reply) return;
  if ("status" in reply) {
    res.writeHead(reply.status, { "content-type": "application/json" });
    res.end(JSON.stringify({ error: { message: reply.message, type: "server_error", code: null } }));
    return;
  }
  if (!stream) {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify(completion(reply.content)));
    return;
  }
  res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache", connection: "keep-alive" });
  const size = reply.chunkChars ?? 4;
  const pieces = Array.from({ length: Math.ceil(reply.content.length / size) }, (_, i) => reply.content.slice(i * size, (i + 1) * size));
  const events = [{ role: "assistant", content: "" }, ...pieces.map((content) => ({ content }))];
  const stallAt = reply.stallAfterChunks;
  let i = 0;
  const tick = () => {
    if (stallAt !== undefined && i >= stallAt) return; // headers and some text sent, then silence
    if (i < events.length) {
      res.write(`data: ${JSON.stringify(chunk(events[i]!, null))}\n\n`);
      i++;
      setTimeout(tick, 2);
      return;
    }
    res.write(`data: ${JSON.stringify(chunk({}, "stop"))}\n\n`);
    res.end("data: [DONE]\n\n");
  };
  tick();
}

function completion(content: string) {
  return {
    id: "chatcmpl-fake",
    object: "chat.completion",
    created: 1_776_816_000,
    model: "fake-model",
    choices: [{ index: 0, message: { role: "assistant", content }, finish_reason: "stop", logprobs: null }],
    usage: { prompt_tokens: 100, completion_tokens: 20, total_tokens: 120 },
  };
}

function chunk(delta: object, finish: string | null) {
  return {
    id: "chatcmpl-fake",
    object: "chat.completion.chunk",
    created: 1_776_816_000,
    model: "fake-model",
    choices: [{ index: 0, delta, finish_reason: finish, logprobs: null }],
  };
}
