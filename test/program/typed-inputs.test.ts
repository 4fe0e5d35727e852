import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const repo = path.resolve(__dirname, "../..");
const fixture = path.join(__dirname, "fixtures", "typed-inputs-typos.ts");

/** Line numbers (1-based) of the fixture's lines marked `// TYPO`. */
function typoLines(): number[] {
  return readFileSync(fixture, "utf8")
    .split("\n")
    .flatMap((line, index) => (line.includes("// TYPO") ? [index + 1] : []));
}

describe("typed inputs: a misspelt literal is a compile error, as an editor shows it", () => {
  it("interactionType, operator, target type, conflictPolicy and event names (list or string) are literal unions", async () => {
    const tsc = path.join(repo, "node_modules", "typescript", "bin", "tsc");
    const args = [
      tsc,
      "--noEmit",
      "--strict",
      "--skipLibCheck",
      "--module",
      "nodenext",
      "--moduleResolution",
      "nodenext",
      "--types",
      "node",
      fixture,
    ];
    const result = await promisify(execFile)(process.execPath, args, { cwd: repo }).then(
      () => ({ stdout: "" }),
      (error: { stdout: string }) => ({ stdout: error.stdout }),
    );
    const errorLines = [...result.stdout.matchAll(/typed-inputs-typos\.ts\((\d+),\d+\): error/g)].map((m) => Number(m[1]));
    expect(new Set(errorLines), result.stdout).toEqual(new Set(typoLines()));
  }, 60_000);
});
