import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // Native addons (hnswlib, onnxruntime) are happiest in forked processes.
    pool: "forks",
  },
});
