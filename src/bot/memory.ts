import type { Answer } from "../answer/types.js";

/**
 * The last answer per chat, for /sources. Bounded: when full, the chat used least recently is
 * forgotten (a Map keeps insertion order, so re-inserting on use makes it an LRU).
 */
export class LastAnswers {
  private readonly answers = new Map<number, Answer>();

  /** @param capacity chats remembered at most (default 1000). */
  constructor(readonly capacity = 1000) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`capacity must be a positive integer, got ${capacity}`);
  }

  get size(): number {
    return this.answers.size;
  }

  get(chatId: number): Answer | undefined {
    const answer = this.answers.get(chatId);
    if (answer) {
      this.answers.delete(chatId);
      this.answers.set(chatId, answer);
    }
    return answer;
  }

  set(chatId: number, answer: Answer): void {
    this.answers.delete(chatId);
    this.answers.set(chatId, answer);
    if (this.answers.size > this.capacity) {
      const oldest = this.answers.keys().next().value as number;
      this.answers.delete(oldest);
    }
  }
}
