import path from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../../src/cli/main";
import { parseMermaid } from "../helpers/graph-parse";
import { REPO } from "../graph/fixtures";

async function graph(...args: string[]): Promise<{ code: number; printed: string }> {
  const lines: string[] = [];
  const cwd = process.cwd();
  process.chdir(REPO);
  try {
    const code = await run(["graph", ...args], (t) => lines.push(t));
    return { code, printed: lines.join("\n") };
  } finally {
    process.chdir(cwd);
  }
}

describe("cxone-routing graph", () => {
  it("prints Mermaid of a rules file by default", async () => {
    const { code, printed } = await graph("--rules", "docs/examples/routing-infra-dev.rules.json");
    expect(code).toBe(0);
    const m = parseMermaid(printed);
    expect(m.subgraphs).toEqual(["voice", "chat", "targets"]);
    expect(m.nodes.size).toBe(13);
  });

  it("says what is wrong, and how to fix it, for bad flags", async () => {
    await expect(graph()).rejects.toThrow(/graph needs --stack <stack> or --rules <file>/);
    await expect(graph("--rules", "docs/examples/routing-infra-dev.rules.json", "--changed")).rejects.toThrow(
      /--changed needs something to compare with/,
    );
    await expect(graph("--rules", "docs/examples/routing-infra-dev.rules.json", "--format", "png")).rejects.toThrow(
      /--format must be one of mermaid, dot, svg, html/,
    );
    await expect(graph("--rules", "docs/examples/routing-infra-dev.rules.json", "--focus", "nope")).rejects.toThrow(
      /--focus "nope" names no rule of this rule set. Rules: voice-vip/,
    );
    await expect(graph("--rules", path.join("docs", "missing.json"))).rejects.toThrow(/--rules docs\/missing.json: cannot read it as JSON/);
  });
});
