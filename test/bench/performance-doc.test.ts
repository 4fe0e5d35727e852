import { existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseBenchArgs } from "../../bench/bench-args";
import { CHART_NAME, DOCS_END, DOCS_START } from "../../bench/engine-report";
import { benchEntries } from "../../bench/entries";
import { selectEntries } from "../../bench/run";
import { docBlocks, readDoc } from "../helpers/doc-blocks";

const DOC = "docs/performance.md";

describe("docs/performance.md", () => {
  it("shows the engine and provider benchmark commands, whose every flag and name the runner accepts", () => {
    const commands = docBlocks(DOC)
      .filter((block) => block.lang === "sh")
      .flatMap((block) => block.code.split("\n"))
      .filter((line) => line.startsWith("npm run bench -- "));
    expect(commands.length).toBeGreaterThanOrEqual(3);
    const selected = commands.map((command) => {
      const { names, options } = parseBenchArgs(command.slice("npm run bench -- ".length).split(/\s+/));
      const entries = selectEntries(benchEntries, names).map((entry) => entry.name);
      expect(entries, command).toHaveLength(1);
      // The engine benchmark's commands choose their sizes.
      if (entries[0] === "engine.pulumi") expect(options.sizes?.length, command).toBeGreaterThan(0);
      return entries[0];
    });
    expect(new Set(selected)).toEqual(new Set(["engine.pulumi", "provider.startup"]));
  });

  it("embeds the committed chart and holds a filled report section between its markers", () => {
    const page = readDoc(DOC);
    expect(page).toContain(`](images/${CHART_NAME})`);
    expect(existsSync(path.join(__dirname, "../../docs/images", CHART_NAME))).toBe(true);
    const section = page.slice(page.indexOf(DOCS_START), page.indexOf(DOCS_END));
    expect(section).toMatch(/Run \d{4}-\d\d-\d\d \d\d:\d\d UTC on \d+ CPU\(s\)/);
    for (const size of [100, 500, 2000]) expect(section).toContain(`#### ${size} rules`);
    expect(section).toContain("| up |");
  });
});
