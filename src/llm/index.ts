/** Optional LLM answers: written from the retrieved passages, sent only when every figure checks out. */
export { createLlmWriter, MAX_ANSWER_CHARS, type LlmSettings, type LlmWriter, type LlmWriterDeps, type WriteInput, type WriteOptions } from "./writer.js";
export { buildMessages, systemPrompt, type ChatMessage } from "./prompt.js";
export { verifyGrounded, matchesLanguage, type Verdict, type VerifyOptions } from "./verify.js";
