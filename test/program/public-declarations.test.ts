import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { PULUMI_TEMPLATE_COMPILER_OPTIONS } from "../../src/cli/export/project-templates";

const repo = path.resolve(__dirname, "../..");

/**
 * Pulumi's Node.js host type-checks a TypeScript program with ts-node on every preview and up, so
 * each declaration file the package's entry point reaches is parsed and checked on every run
 * (program CPU, issue 23). The entry point must reach the resources' own types, not the HTTP
 * client's internals (retries, rate limits, transport, typed errors) nor zod's declarations.
 */
describe("the public declarations a program type-checks", () => {
  it("reach no client internals and no zod", () => {
    const probe = path.join(repo, "test", "e2e", "programs", "natural-inputs", "declarations-probe.ts");
    const options = ts.convertCompilerOptionsFromJson(PULUMI_TEMPLATE_COMPILER_OPTIONS, repo).options;
    const host = ts.createCompilerHost(options);
    const readFile = host.readFile.bind(host);
    host.readFile = (file) =>
      file === probe ? 'import { RoutingRule } from "pulumi-cxone-routing";\nexport const r = RoutingRule;\n' : readFile(file);
    const fileExists = host.fileExists.bind(host);
    host.fileExists = (file) => file === probe || fileExists(file);
    const files = ts
      .createProgram([probe], { ...options, noEmit: true }, host)
      .getSourceFiles()
      .map((f) => f.fileName);
    const ours = files.filter((f) => f.includes("/dist/src/")).map((f) => f.slice(f.indexOf("/dist/src/") + "/dist/src/".length));
    expect(ours).toContain("program/routing-rule.d.ts");
    // The client's settings types only (settings.d.ts needs ClientConfigInput): nothing of its pipeline.
    expect(ours.filter((f) => f.startsWith("client/")).sort()).toEqual(["client/config.d.ts", "client/observer.d.ts"]);
    expect(files.filter((f) => /node_modules\/zod\//.test(f))).toEqual([]);
  });
});
