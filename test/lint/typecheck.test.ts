import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const repo = path.resolve(__dirname, "../..");

// vitest strips types without checking them: this is where the tests, benchmarks and tools are
// held to the same strict TypeScript as the package (the build checks src/ only through tsconfig.build.json).
describe("types: the whole tree passes `tsc -p tsconfig.json --noEmit` (strict)", () => {
  it("exits 0", () => {
    const tsc = path.join(repo, "node_modules", "typescript", "bin", "tsc");
    const result = spawnSync(process.execPath, [tsc, "-p", "tsconfig.json", "--noEmit", "--pretty", "false"], {
      cwd: repo,
      encoding: "utf8",
    });
    // Every error with its file and line.
    expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
  }, 180_000);
});
