import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { docBlocks, docFiles, docsRepoRoot, headingAnchors, relativeLinks } from "../helpers/doc-blocks";

describe("the docs' links and code blocks", () => {
  it("every relative link and anchor resolves", () => {
    const links = docFiles().flatMap(relativeLinks);
    expect(links.length).toBeGreaterThan(20);
    const broken = links.filter(({ doc, target }) => {
      const [file, anchor] = target.split("#") as [string, string | undefined];
      const resolved = file === "" ? doc : path.join(path.dirname(doc), decodeURIComponent(file));
      if (!existsSync(path.join(docsRepoRoot, resolved))) return true;
      return anchor !== undefined && resolved.endsWith(".md") && !headingAnchors(resolved).has(anchor);
    });
    expect(broken.map((l) => `${l.doc}:${l.line} ${l.target}`)).toEqual([]);
  });

  it("every sh block is marked runnable, or not-run with the reason", () => {
    const shell = docFiles()
      .flatMap(docBlocks)
      .filter((b) => b.lang === "sh" || b.lang === "bash" || b.lang === "shell");
    expect(shell.length).toBeGreaterThan(5);
    const unmarked = shell.filter((b) => !(b.marker?.kind === "runnable" || (b.marker?.kind === "not-run" && b.marker.why.length >= 10)));
    expect(unmarked.map((b) => `${b.doc}:${b.line}`)).toEqual([]);
  });

  it("the README stays a README: at most about 200 lines", () => {
    expect(docBlocks("README.md").length).toBeGreaterThan(0);
    const lines = readFileSync(path.join(docsRepoRoot, "README.md"), "utf8").split("\n").length;
    expect(lines).toBeLessThanOrEqual(210);
  });
});
