import { describe, expect, it } from "vitest";
import { describeEta } from "../../bench/stats.js";

describe("describeEta", () => {
  it("extrapolates the rate so far to what is left", () => {
    expect(describeEta(100, 400, 10_000)).toBe("ETA 30s");
    expect(describeEta(10, 1000, 20_000)).toBe("ETA 33m 00s");
    expect(describeEta(1_000, 1_000_000, 4_000)).toBe("ETA 1h 06m");
  });

  it("says nothing until there is a rate, and done at the end", () => {
    expect(describeEta(0, 100, 5_000)).toBe("");
    expect(describeEta(3, 100, 200)).toBe("");
    expect(describeEta(100, 100, 5_000)).toBe("done");
  });
});
