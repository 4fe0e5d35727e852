import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureExampleInstalled } from "../../demo/example-install";
import { runCommand } from "../helpers/run-command";
import { copyExampleProject, initExampleStack, type ExampleProject } from "../../demo/example-project";
import { startSimulator, type RunningSimulator } from "../../src/simulator";
import { packageRoot } from "../../tools/engine";
import { cxoneRouting } from "../helpers/example-commands";
import { fallbackChain, mermaidBlock, nodeTitled } from "../helpers/graph-parse";
import { apiWrites } from "../helpers/simulator-requests";

const example = path.join(packageRoot(), "examples", "routing-infra");

/** The ```sh blocks of a Markdown file, in order. */
function shBlocks(file: string): string[] {
  return [...readFileSync(file, "utf8").matchAll(/^```sh\n([\s\S]*?)^```$/gm)].map((m) => m[1]!);
}

describe("cxone-routing summary on the example with the real pulumi CLI, and the CI guide's commands as shown", () => {
  const workRoot = path.join(packageRoot(), ".e2e", `pr-summary-${process.pid}`);
  let sim: RunningSimulator;
  let project: ExampleProject;
  const edit = (file: string, from: string, to: string) => {
    const full = path.join(project.dir, file);
    const before = readFileSync(full, "utf8");
    expect(before).toContain(from);
    writeFileSync(full, before.replace(from, to));
  };

  beforeAll(async () => {
    ensureExampleInstalled(example);
    rmSync(workRoot, { recursive: true, force: true });
    mkdirSync(workRoot, { recursive: true });
    project = copyExampleProject(example, workRoot, { echo: false });
    sim = await startSimulator({ port: 0 });
    for (const stack of ["dev", "staging"]) {
      await initExampleStack(project, stack, {
        baseUrl: sim.url,
        orchestrationUrl: "http://127.0.0.1:9/unused",
        webhookSecret: "pr-summary-signing-secret",
        auditLog: path.join(workRoot, `audit-${stack}.jsonl`),
      });
    }
    await project.pulumi("up", "--stack", "dev", "--yes", "--skip-preview");
  }, 300_000);

  afterAll(async () => {
    await sim?.close();
    rmSync(workRoot, { recursive: true, force: true });
  });

  it("a change that breaks a routing test: exit 1, the summary names the failed test, the new rule and its fallback", async () => {
    // A catch-all chat rule ahead of general chat: "English chat gets general chat routing" now fails.
    edit(
      "rules/chat.ts",
      '  {\n    key: "chat-general",',
      '  {\n    key: "chat-new",\n    name: "New Chat",\n    priority: 50,\n    interactionType: "chat",\n    targets: [{ queue: "chat-general", weight: 100, capacity: 5 }],\n    fallback: "chat-general",\n  },\n  {\n    key: "chat-general",',
    );
    const writes = sim.admin.requests().length;
    const out = path.join(workRoot, "summary.md");
    const run = await cxoneRouting(project, "summary", "--stack", "dev", "--out", out);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toContain("preview failed");
    const text = readFileSync(out, "utf8");
    // The routing tests fail in the program before any rule registers: the engine plans none, and the summary says so.
    expect(text).toContain("**preview failed: nothing can be applied as is**");
    expect(text).toContain("_No plan: the preview stopped before the engine planned the routing rules.");
    expect(text).not.toContain("No routing rule or webhook changes.");
    expect(text).toContain("**11 passed, 1 failed**");
    expect(text).toMatch(
      /\| ❌ English chat gets general chat routing \| `chat \{"language":"en-GB"\}` \| rule "chat-new" \(New Chat, priority 50\) \|/,
    );
    expect(text).toContain("| General Chat Routing | New Chat | 1 |");
    expect(apiWrites(sim, writes)).toEqual([]);
    // Same plan, same text.
    const again = await cxoneRouting(project, "summary", "--stack", "dev");
    expect(`${again.stdout.trimEnd()}\n`).toBe(text);
    edit(
      "rules/chat.ts",
      'key: "chat-new",',
      'key: "chat-new",\n    conditions: [{ field: "language", operator: "startsWith", value: "fr" }],',
    );
    const fixed = await cxoneRouting(project, "summary", "--stack", "dev");
    expect(fixed.code, fixed.stderr).toBe(0);
    expect(fixed.stdout).toContain("**12 passed, 0 failed**");
    expect(fixed.stdout).toContain("preview passed · 1 to create, 7 unchanged");
    expect(fixed.stdout).toContain("| + create | RoutingRule `chat-new`<br/>New Chat | _new_ | | |");
    // The new rule marked added, with its fallback chain; the voice rules, untouched, are not drawn.
    const diagram = mermaidBlock(fixed.stdout);
    const added = nodeTitled(diagram, "New Chat");
    expect(diagram.classes.get("added")).toContain(added);
    expect(diagram.nodes.get(added)).toBe('New Chat\npriority 50\nlanguage startsWith "fr"\n[added]');
    expect(fallbackChain(diagram, "New Chat")).toEqual(["New Chat", "General Chat Routing"]);
    expect(diagram.classes.get("changed")).toBeUndefined();
    expect(diagram.subgraphs).toEqual(["chat", "targets"]);
    await project.pulumi("up", "--stack", "dev", "--yes", "--skip-preview");
  }, 300_000);

  it("every ```sh block of docs/guides/ci.md runs as shown in the project folder, exit 0", async () => {
    const blocks = shBlocks(path.join(packageRoot(), "docs", "guides", "ci.md"));
    expect(blocks.length).toBe(3);
    const bin = path.join(project.dir, "node_modules", ".bin");
    for (const block of blocks) {
      const result = await runCommand("bash", ["-eo", "pipefail", "-c", block], project.dir, {
        ...project.env,
        PATH: `${bin}${path.delimiter}${project.env.PATH}`,
      });
      expect(result.code, `${block}\n${result.printed}`).toBe(0);
    }
    expect(readFileSync(path.join(project.dir, "routing-summary.md"), "utf8")).toContain("## Routing change: stack `dev`");
  }, 300_000);
});
