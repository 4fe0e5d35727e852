import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { PULUMI_TEMPLATE_COMPILER_OPTIONS } from "../../src/cli/export/project-templates";

const repo = path.resolve(__dirname, "../..");
/** The e2e program that natural-inputs.test.ts deploys: variables, spreads and a typo behind a flag. */
const program = path.join(repo, "test", "e2e", "programs", "natural-inputs", "index.ts");

/** Pulumi's template tsconfig (`pulumi new typescript`) as tsc flags, with nothing emitted. */
function templateFlags(): string[] {
  const flags: string[] = ["--noEmit"];
  for (const [key, value] of Object.entries(PULUMI_TEMPLATE_COMPILER_OPTIONS)) {
    if (key === "outDir" || key === "sourceMap") continue;
    flags.push(`--${key}`, ...(value === true ? [] : [String(value)]));
  }
  return flags;
}

describe("typed inputs: programs written the natural TypeScript way compile", () => {
  it("widened literals in variables and spread objects compile under Pulumi's template tsconfig (no skipLibCheck)", async () => {
    // The program imports "pulumi-cxone-routing": the package's own declarations (dist), as a user gets them.
    const tsc = path.join(repo, "node_modules", "typescript", "bin", "tsc");
    const result = await promisify(execFile)(process.execPath, [tsc, ...templateFlags(), program], { cwd: repo }).then(
      () => ({ code: 0, stdout: "" }),
      (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
    );
    expect(result.stdout).toBe("");
    expect(result.code).toBe(0);
    // The program holds both shapes the issue reported (a widened targets list, a spread interactionType).
    const text = readFileSync(program, "utf8");
    expect(text).toContain("targets: t,");
    expect(text).toContain("...voice,");
  }, 120_000);

  it("editors still complete the allowed values of every enum-like input", () => {
    const probeFile = path.join(path.dirname(program), "completion-probe.ts");
    const probe = [
      'import { RoutingRule, Webhook } from "pulumi-cxone-routing";',
      'new RoutingRule("p", { name: "p", priority: 1, interactionType: "@1", conflictPolicy: "@2",',
      '  conditions: [{ field: "f", operator: "@3", value: 1 }], targets: [{ type: "@4", id: "q", weight: 100, capacity: 1 }] });',
      'new Webhook("w", { name: "w", targetURL: "https://example.com", eventFilter: ["@5"] });',
    ].join("\n");
    const markers = new Map<string, number>();
    const text = probe.replace(/@(\d)/g, (_, n: string, offset: number) => {
      markers.set(n, offset - 2 * markers.size);
      return "";
    });
    const options = ts.convertCompilerOptionsFromJson(PULUMI_TEMPLATE_COMPILER_OPTIONS, repo).options;
    const host: ts.LanguageServiceHost = {
      getScriptFileNames: () => [probeFile],
      getScriptVersion: () => "1",
      getScriptSnapshot: (file) => {
        if (file === probeFile) return ts.ScriptSnapshot.fromString(text);
        return ts.sys.fileExists(file) ? ts.ScriptSnapshot.fromString(ts.sys.readFile(file) ?? "") : undefined;
      },
      getCurrentDirectory: () => repo,
      getCompilationSettings: () => options,
      getDefaultLibFileName: ts.getDefaultLibFilePath,
      fileExists: (file) => file === probeFile || ts.sys.fileExists(file),
      readFile: (file) => (file === probeFile ? text : ts.sys.readFile(file)),
      readDirectory: ts.sys.readDirectory,
      directoryExists: ts.sys.directoryExists,
      getDirectories: ts.sys.getDirectories,
    };
    const service = ts.createLanguageService(host);
    const offered = (marker: string) =>
      (service.getCompletionsAtPosition(probeFile, markers.get(marker)!, {})?.entries ?? []).map((entry) => entry.name).sort();
    expect(offered("1")).toEqual(["chat", "email", "sms", "social", "voice", "workitem"]);
    expect(offered("2")).toEqual(["fail", "overwrite"]);
    expect(offered("3")).toEqual(["contains", "endsWith", "equals", "greaterThan", "lessThan", "matchesRegex", "notEquals", "startsWith"]);
    expect(offered("4")).toEqual(["agent", "queue", "skill"]);
    expect(offered("5")).toEqual(["routing.rule.created", "routing.rule.deleted", "routing.rule.updated"]);
  }, 120_000);
});
