import { describe, expect, it } from "vitest";
import { dictionaryForm } from "../../../src/retrieve/lexicon/spelling.js";

describe("dictionaryForm", () => {
  it.each([
    ["wrote", "write"],
    ["held", "hold"],
    ["rebuilt", "rebuild"],
    ["metres", "meters"],
    ["centre", "center"],
    ["colour", "color"],
    ["labourers", "laborers"],
    ["programme", "program"],
    ["defence", "defense"],
    ["organisation", "organization"],
    ["recognised", "recognized"],
  ])("cites %s as %s", (word, form) => expect(dictionaryForm(word)).toBe(form));

  it.each(["found", "left", "four", "hour", "tour", "exercise", "promising", "advertising", "otherwise", "paradise", "jobs"])("leaves %s alone", (word) => {
    expect(dictionaryForm(word)).toBe(word);
  });
});
