import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../../src/settings/settings";

describe("projectRoot", () => {
  it("finds the Pulumi.yaml above the compiled program's folder", () => {
    const project = mkdtempSync(path.join(tmpdir(), "cxone-root-"));
    writeFileSync(path.join(project, "Pulumi.yaml"), "name: x\nruntime: nodejs\n");
    mkdirSync(path.join(project, "bin", "scripts"), { recursive: true });
    expect(projectRoot(path.join(project, "bin", "scripts"))).toBe(project);
  });

  it("falls back to the folder itself when there is no Pulumi.yaml above", () => {
    const lonely = mkdtempSync(path.join(tmpdir(), "cxone-noroot-"));
    expect(projectRoot(lonely)).toBe(lonely);
  });
});
