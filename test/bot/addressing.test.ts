import type { Message } from "grammy/types";
import { describe, expect, it } from "vitest";
import { readMessage } from "../../src/bot/addressing.js";
import { LastAnswers } from "../../src/bot/memory.js";
import { answer } from "./answers.js";
import { BOT_USER } from "./fake-bot-api.js";

/** The bot as getMe describes it: the same user the fake Bot API serves. */
const ME = BOT_USER;

function message(text: string, extra: Partial<Message> = {}): Message {
  const entities = [...text.matchAll(/@\w+|^\/\w+(?:@\w+)?/g)].map((m) => ({
    type: m[0].startsWith("@") ? ("mention" as const) : ("bot_command" as const),
    offset: m.index,
    length: m[0].length,
  }));
  return { message_id: 1, date: 0, chat: { id: -1, type: "group", title: "g" }, text, entities, ...extra } as Message;
}

describe("readMessage", () => {
  it("answers everything in a private chat", () => {
    expect(readMessage(message("昌吉州今年新增城镇就业多少人？"), ME, false)).toMatchObject({ addressed: true, command: null, question: "昌吉州今年新增城镇就业多少人？" });
  });

  it("in groups answers only a mention, a reply to the bot or a command for it", () => {
    expect(readMessage(message("大家好"), ME, true).addressed).toBe(false);
    expect(readMessage(message("@someone_else 就业多少？"), ME, true).addressed).toBe(false);
    const mentioned = readMessage(message("@Changji_QA_bot 昌吉州今年新增城镇就业多少人？"), ME, true);
    expect(mentioned).toMatchObject({ addressed: true, question: "昌吉州今年新增城镇就业多少人？" });
    const reply = message("那去年呢？", { reply_to_message: { message_id: 9, date: 0, chat: { id: -1, type: "group", title: "g" }, from: ME } as unknown as Message["reply_to_message"] });
    expect(readMessage(reply, ME, true).addressed).toBe(true);
  });

  it("strips /ask (also /ask@bot) and ignores other bots' commands", () => {
    expect(readMessage(message("/ask 就业多少？"), ME, true)).toMatchObject({ addressed: true, command: "ask", question: "就业多少？", commandNamesMe: false });
    expect(readMessage(message("/ask@changji_qa_bot 就业多少？"), ME, true)).toMatchObject({ command: "ask", question: "就业多少？", commandNamesMe: true });
    expect(readMessage(message("/ask@other_bot 就业多少？"), ME, true)).toMatchObject({ addressed: false, command: null });
  });

  it("reads captions and notices when there is no text at all", () => {
    const photo = { message_id: 1, date: 0, chat: { id: 1, type: "private", first_name: "a" }, photo: [], caption: "How many jobs?" } as unknown as Message;
    expect(readMessage(photo, ME, false)).toMatchObject({ question: "How many jobs?", hasText: true });
    const sticker = { message_id: 1, date: 0, chat: { id: 1, type: "private", first_name: "a" } } as Message;
    expect(readMessage(sticker, ME, false)).toMatchObject({ addressed: true, question: "", hasText: false });
  });
});

describe("LastAnswers", () => {
  it("remembers the last answer per chat and forgets the least recently used chat when full", () => {
    const memory = new LastAnswers(2);
    memory.set(1, answer({ question: "a" }));
    memory.set(2, answer({ question: "b" }));
    expect(memory.get(1)?.question).toBe("a"); // chat 1 is now the most recent
    memory.set(3, answer({ question: "c" }));
    expect(memory.get(2)).toBeUndefined();
    expect(memory.get(1)?.question).toBe("a");
    memory.set(1, answer({ question: "a2" }));
    expect(memory.get(1)?.question).toBe("a2");
    expect(memory.size).toBe(2);
    expect(() => new LastAnswers(0)).toThrow(RangeError);
  });
});
