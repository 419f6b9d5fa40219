import { GrammyError } from "grammy";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createThrottledEditor, isNotModified } from "../../src/bot/throttle.js";

/** An edit function that records (time since start, text) and resolves after `latencyMs`. */
function recorder(latencyMs = 0) {
  const start = Date.now();
  const edits: Array<[number, string]> = [];
  let fail: unknown = null;
  const edit = async (text: string) => {
    edits.push([Date.now() - start, text]);
    if (latencyMs) await new Promise((r) => setTimeout(r, latencyMs));
    if (fail) {
      const err = fail;
      fail = null;
      throw err;
    }
  };
  return { edits, edit, failNext: (err: unknown) => void (fail = err) };
}

const notModified = () =>
  new GrammyError("Call to 'editMessageText' failed!", { ok: false, error_code: 400, description: "Bad Request: message is not modified: same content" }, "editMessageText", {});

describe("createThrottledEditor", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("edits at most once per interval, with the newest text, and only when it changed", async () => {
    const { edits, edit } = recorder();
    const editor = createThrottledEditor(edit, "A", { intervalMs: 1500 });
    editor.update("A"); // what the message already shows
    await vi.advanceTimersByTimeAsync(200);
    editor.update("AB");
    await vi.advanceTimersByTimeAsync(300);
    editor.update("ABC"); // replaces "AB" before it went out
    await vi.advanceTimersByTimeAsync(1000);
    expect(edits).toEqual([[1500, "ABC"]]);

    editor.update("ABC"); // unchanged: nothing to send
    await vi.advanceTimersByTimeAsync(5000);
    editor.update("ABCD"); // the interval has long passed: at once
    await vi.advanceTimersByTimeAsync(0);
    expect(edits).toEqual([[1500, "ABC"], [6500, "ABCD"]]);
    await editor.stop();
  });

  it("never overlaps edits: text arriving during a slow edit waits for it and the interval", async () => {
    const { edits, edit } = recorder(2000);
    const editor = createThrottledEditor(edit, "", { intervalMs: 1000 });
    await vi.advanceTimersByTimeAsync(1000);
    editor.update("one");
    await vi.advanceTimersByTimeAsync(100);
    editor.update("one two"); // the first edit is still in flight until 3000
    await vi.advanceTimersByTimeAsync(5000);
    expect(edits).toEqual([[1000, "one"], [3000, "one two"]]);
    await editor.stop();
  });

  it("stop() cancels a pending edit and waits for the one in flight", async () => {
    const { edits, edit } = recorder(500);
    const editor = createThrottledEditor(edit, "", { intervalMs: 1000 });
    await vi.advanceTimersByTimeAsync(1000);
    editor.update("first"); // goes out now, takes 500 ms
    editor.update("second"); // pending
    let stopped = false;
    const stopping = editor.stop().then(() => (stopped = true));
    await vi.advanceTimersByTimeAsync(100);
    expect(stopped).toBe(false);
    await vi.advanceTimersByTimeAsync(400);
    await stopping;
    await vi.advanceTimersByTimeAsync(5000);
    expect(edits).toEqual([[1000, "first"]]);
    editor.update("third"); // after stop: ignored
    await vi.advanceTimersByTimeAsync(5000);
    expect(edits).toHaveLength(1);
  });

  it("ignores 'message is not modified', reports other failures and retries only with new text", async () => {
    const { edits, edit, failNext } = recorder();
    const errors: unknown[] = [];
    const editor = createThrottledEditor(edit, "", { intervalMs: 100, onError: (e) => errors.push(e) });
    await vi.advanceTimersByTimeAsync(100);
    failNext(notModified());
    editor.update("same");
    await vi.advanceTimersByTimeAsync(1000);
    expect(errors).toEqual([]);

    failNext(new Error("socket hang up"));
    editor.update("same, longer");
    await vi.advanceTimersByTimeAsync(1000);
    expect(errors).toHaveLength(1);
    expect(edits.map(([, t]) => t)).toEqual(["same", "same, longer"]); // the failed text is not hammered

    editor.update("same, longer still");
    await vi.advanceTimersByTimeAsync(1000);
    expect(edits.map(([, t]) => t)).toEqual(["same", "same, longer", "same, longer still"]);
    await editor.stop();
  });

  it("tells Telegram's 'not modified' from other errors", () => {
    expect(isNotModified(notModified())).toBe(true);
    expect(isNotModified(new Error("message is not modified"))).toBe(false);
    const notFound = new GrammyError("x", { ok: false, error_code: 400, description: "Bad Request: message to edit not found" }, "editMessageText", {});
    expect(isNotModified(notFound)).toBe(false);
  });
});
