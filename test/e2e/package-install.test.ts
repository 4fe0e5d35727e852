import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { packageRoot } from "../../tools/engine";

// Issue 10: an infra repo installs the packed package next to its own, newer @pulumi/pulumi.
describe("the packed package in a user's project", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "pack-check-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("installs beside @pulumi/pulumi 3.270.0 with one copy of the SDK and type-checks under Pulumi's template tsconfig", async () => {
    const result = await new Promise<{ code: number; out: string }>((resolve) => {
      execFile(
        "bash",
        [path.join(packageRoot(), "scripts", "check-package.sh")],
        { env: { ...process.env, PACK_CHECK_DIR: dir, PULUMI_VERSION: "3.270.0" }, maxBuffer: 16 * 1024 * 1024 },
        (error, stdout, stderr) =>
          resolve({ code: error ? Number((error as { code?: unknown }).code ?? 1) : 0, out: `${stdout}${stderr}` }),
      );
    });
    expect(result.code, result.out).toBe(0);
    expect(result.out).toContain("@pulumi/pulumi@3.270.0 deduped");
    expect(result.out).toContain("tsc -p tsconfig.json");
    expect(result.out).toContain("[check-package] ok");
  }, 240_000);
});
