import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCommand } from "../helpers/run-command";
import { parseMermaid, parseSvg } from "../helpers/graph-parse";
import { REPO } from "./fixtures";

/** Every command of docs/graph.md's ```sh blocks, run verbatim from the repository's root. */
function documentedCommands(): string[] {
  const text = readFileSync(path.join(REPO, "docs", "graph.md"), "utf8");
  return [...text.matchAll(/```sh\n([\s\S]*?)```/g)].flatMap((m) => m[1]!.split("\n").filter((line) => line.trim() !== ""));
}

describe("docs/graph.md", () => {
  afterAll(() => rmSync(path.join(REPO, "routing-graphs"), { recursive: true, force: true }));
  const commands = documentedCommands();

  it("shows graph commands and the screenshots it references exist", () => {
    expect(commands.length).toBeGreaterThanOrEqual(5);
    const text = readFileSync(path.join(REPO, "docs", "graph.md"), "utf8");
    for (const image of text.matchAll(/\]\((images\/[^)]+\.png)\)/g)) expect(existsSync(path.join(REPO, "docs", image[1]!))).toBe(true);
  });

  it.each(commands)("runs as shown: %s", async (command) => {
    const result = await runCommand("bash", ["-c", command], REPO);
    expect(result.printed).not.toMatch(/error|unexpected/i);
    expect(result.code).toBe(0);
    const out = /--out (\S+)/.exec(command)?.[1];
    if (out) {
      const written = readFileSync(path.join(REPO, out), "utf8");
      if (out.endsWith(".html")) expect(written).toContain('<input id="search"');
      if (out.endsWith(".svg")) expect(parseSvg(written).nodes.size).toBeGreaterThan(1);
    } else if (command.includes("--format mermaid")) {
      const m = parseMermaid(result.printed);
      expect(m.classes.get("changed")).toHaveLength(1);
    } else if (command.includes("--format dot")) {
      expect(result.printed).toMatch(/^digraph routing \{/);
    }
  });
});
