import { describe, expect, it } from "vitest";
import { generateProject } from "../../../src/cli/export/generate-project";
import { serverRule } from "./fixtures";

describe("a tenant with problems of its own", () => {
  it("is still exported, and the stack-wide analysis findings are listed", () => {
    const project = generateProject({
      project: "p",
      stack: "dev",
      rules: [
        serverRule({ id: "a", name: "Loop A", fallbackRuleId: "b" }),
        serverRule({ id: "b", name: "Loop B", fallbackRuleId: "a" }),
        serverRule({ id: "c", name: "Dangling", fallbackRuleId: "gone" }),
      ],
      webhooks: [],
    });
    expect(project.ruleCount).toBe(3);
    expect(project.errors.map((f) => [f.key, f.code])).toEqual([
      ["loop-a", "fallback_cycle"],
      ["dangling", "remote_fallback_missing"],
    ]);
    const voice = project.files.get("rules/voice.ts")!;
    expect(voice).toContain('fallback: "loop-b"');
    expect(voice).toContain("// Falls back to id gone, which names no rule in the tenant (dangling).");
    expect(voice).toContain('fallbackRuleId: "gone"');
    const readme = project.files.get("README.md")!;
    expect(readme).toContain("fallback cycle loop-a -> loop-b -> loop-a");
    expect(readme).toContain("`dangling` -> gone (names no rule in the tenant)");
  });
});
