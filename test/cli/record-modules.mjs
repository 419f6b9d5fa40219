// Preload for test/cli/startup.test.ts: records every package a CLI process loads, ESM or CommonJS,
// into the file named by RECORD_MODULES (one URL or path per line).
import { register, createRequire } from "node:module";
import fs from "node:fs";

const out = process.env.RECORD_MODULES;
register(
  "data:text/javascript," +
    encodeURIComponent(`
      import fs from "node:fs";
      export async function resolve(specifier, context, next) {
        const result = await next(specifier, context);
        fs.appendFileSync(${JSON.stringify(out)}, result.url + "\\n");
        return result;
      }`),
  import.meta.url,
);
process.on("exit", () => {
  fs.appendFileSync(out, Object.keys(createRequire(import.meta.url).cache).join("\n") + "\n");
});
