/**
 * Who a message is for and what it asks. Pure (no network): reads the text or caption, its
 * entities and the reply, and strips the bot's own @mention and a leading /ask.
 */
import type { Message, MessageEntity, UserFromGetMe } from "grammy/types";

export interface Reading {
  /** True when the bot should respond: any private message; in groups a mention, a reply to the bot or a command for it. */
  addressed: boolean;
  /** The command at the start of the message ("ask", "start"…), lower-case, or null. */
  command: string | null;
  /** True when the command names this bot explicitly (`/help@this_bot`). */
  commandNamesMe: boolean;
  /** The question: text or caption without the bot's mention and without a leading /ask. */
  question: string;
  /** True when the message has text or a caption at all. */
  hasText: boolean;
}

const slice = (text: string, e: MessageEntity) => text.slice(e.offset, e.offset + e.length);

/**
 * Reads a message addressed (or not) to the bot `me`. In groups, other bots' commands
 * (`/ask@otherbot`) and chatter without a mention or a reply to the bot are not addressed.
 */
export function readMessage(msg: Message, me: UserFromGetMe, inGroup: boolean): Reading {
  const text = msg.text ?? msg.caption ?? "";
  const entities = msg.entities ?? msg.caption_entities ?? [];
  const myName = `@${me.username}`.toLowerCase();

  let command: string | null = null;
  let commandForMe = false;
  let commandNamesMe = false;
  const lead = entities.find((e) => e.type === "bot_command" && e.offset === 0);
  if (lead) {
    const [name = "", target] = slice(text, lead).slice(1).toLowerCase().split("@");
    command = name;
    commandNamesMe = `@${target}` === myName;
    commandForMe = target === undefined || commandNamesMe;
  }

  // Remove our own mentions (right to left, so earlier offsets stay valid).
  const mine = entities.filter(
    (e) =>
      (e.type === "mention" && slice(text, e).toLowerCase() === myName) ||
      (e.type === "text_mention" && e.user.id === me.id),
  );
  let question = text;
  for (const e of [...mine].sort((a, b) => b.offset - a.offset)) {
    question = question.slice(0, e.offset) + question.slice(e.offset + e.length);
  }
  if (lead && command === "ask" && commandForMe) question = question.slice(lead.length);

  const repliedToMe = msg.reply_to_message?.from?.id === me.id;
  const addressed = lead && !commandForMe ? false : !inGroup || mine.length > 0 || repliedToMe || commandForMe;
  return { addressed, command: commandForMe ? command : null, commandNamesMe, question: question.trim(), hasText: text.length > 0 };
}
