import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const repo = path.resolve(__dirname, "../..");

// `npm run docs:api` as CI runs it: typedoc.json sets treatWarningsAsErrors and requires a doc
// comment on every exported symbol of src/index.ts and src/simulator/index.ts.
describe("the API reference (TypeDoc)", () => {
  const out = mkdtempSync(path.join(tmpdir(), "api-reference-"));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it("builds with no warning, every exported symbol documented", async () => {
    const typedoc = path.join(repo, "node_modules", "typedoc", "bin", "typedoc");
    const result = await new Promise<{ code: number; printed: string }>((resolve) => {
      execFile(process.execPath, [typedoc, "--out", out], { cwd: repo, env: { ...process.env, NO_COLOR: "1" } }, (error, stdout, stderr) =>
        resolve({ code: error ? Number((error as { code?: unknown }).code ?? 1) : 0, printed: `${stdout}${stderr}` }),
      );
    });
    expect(result.printed).not.toContain("[warning]");
    expect(result.code, result.printed).toBe(0);
    // The pages a Pulumi user looks for.
    expect(existsSync(path.join(out, "index.html"))).toBe(true);
    const rule = readFileSync(path.join(out, "classes", "index.RoutingRule.html"), "utf8");
    expect(rule).toContain("A NICE CXone interaction routing rule");
    expect(existsSync(path.join(out, "functions", "simulator.startSimulator.html"))).toBe(true);
  }, 120_000);
});
