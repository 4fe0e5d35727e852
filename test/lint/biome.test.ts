import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const repo = path.resolve(__dirname, "../..");

describe("lint: the tree passes `biome check` (formatting, recommended rules, kebab-case file names)", () => {
  it("exits 0", () => {
    const biome = path.join(repo, "node_modules", "@biomejs", "biome", "bin", "biome");
    const result = spawnSync(process.execPath, [biome, "check", "--colors=off", "."], { cwd: repo, encoding: "utf8" });
    // The whole report on failure: which file, which rule, and the fix (`npm run lint -- --write`).
    expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
  }, 60_000);
});
