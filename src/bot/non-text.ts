/** Stickers, voice, photos without a caption, documents…: a short friendly note instead of silence. */
import { Composer, type Context } from "grammy";
import { NON_TEXT_TEXT } from "./render.js";
import { replyHtml } from "./reply.js";

/** Message kinds that carry no question (captioned media are questions and never get here). */
const NON_TEXT = [
  "message:sticker",
  "message:photo",
  "message:voice",
  "message:audio",
  "message:video",
  "message:video_note",
  "message:animation",
  "message:document",
  "message:location",
  "message:contact",
  "message:poll",
  "message:dice",
] as const;

export function nonTextComposer(): Composer<Context> {
  const nonText = new Composer<Context>();
  nonText.on([...NON_TEXT], (ctx) => replyHtml(ctx, NON_TEXT_TEXT));
  return nonText;
}
