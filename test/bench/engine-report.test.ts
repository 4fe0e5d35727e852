import { describe, expect, it } from "vitest";
import { BenchArgumentError, parseBenchArgs } from "../../bench/bench-args";
import { classifyCalls, mergeResults } from "../../bench/engine.bench";
import { DOCS_END, DOCS_START, renderChartSvg, renderMarkdown, replaceDocsSection } from "../../bench/engine-report";
import type { EngineBenchResults, PhaseSample, Variant, VariantRun } from "../../bench/engine-samples";

const machine = { nproc: 2, memoryGb: 8, node: "v22.23.3", cpu: "test cpu" };

function phase(ms: number, extra: Partial<PhaseSample> = {}): PhaseSample {
  return { ms, providerRssMb: 100, ...extra };
}

/** A run whose phases take `scale` × the base times (ours slower by `scale`). */
function sample(variant: Variant, size: number, run: number, scale: number): VariantRun {
  const calls = variant === "cxone" ? { calls: { api: 20, list: 20, read: 0, write: 0, token: 1 } } : {};
  return {
    variant,
    size,
    run,
    stateBytes: 1000 * size,
    phases: {
      preview: phase(1000 * scale, { programCpuMs: 500 * scale, programRssMb: 200, ...calls }),
      up: phase(2000 * scale, { programCpuMs: 600 * scale, programRssMb: 210 * scale, ...calls }),
      preview_noop: phase(900 * scale, calls),
      refresh: phase(800 * scale, calls),
      destroy: phase(700 * scale, calls),
    },
  };
}

const results: EngineBenchResults = {
  date: "2026-12-04T21:00:00.000Z",
  machine,
  sizes: [100],
  runs: 3,
  samples: [
    sample("bare", 100, 1, 1),
    sample("cxone", 100, 1, 1.2),
    sample("cxone", 100, 2, 1.02),
    sample("bare", 100, 2, 1),
    sample("bare", 100, 3, 1),
    sample("cxone", 100, 3, 1.04),
  ],
};

describe("engine benchmark report", () => {
  it("tables medians per size with ours/bare ratios and the goals met or missed", () => {
    const markdown = renderMarkdown(results);
    expect(markdown).toContain("on 2 CPU(s) (test cpu), 8 GB memory, Node v22.23.3");
    expect(markdown).toContain("### 100 rules (3 run(s) each, medians)");
    // Median of ours is the 1.04× run: 2.08 s against 2.00 s.
    expect(markdown).toContain("| up | 2.00 s | 2.08 s | 1.04× | ≤ 1.05× met |");
    // RSS of ours at the median run is 210 × 1.04 = 218.4 MB: 1.04×, within 1.1×.
    expect(markdown).toContain("| program peak RSS (up) | 210.0 MB | 218.4 MB | 1.04× | ≤ 1.1× met |");
    expect(markdown).toContain("| no-op preview | 20 | 0 | 0 | 20 | 1 |");
    const slower = { ...results, samples: results.samples.map((s) => (s.variant === "cxone" ? sample("cxone", 100, s.run, 1.2) : s)) };
    expect(renderMarkdown(slower)).toContain("| destroy | 0.70 s | 0.84 s | 1.20× | ≤ 1.05× **missed** |");
  });

  it("counts calls by kind from the simulator's counters, token requests apart", () => {
    expect(
      classifyCalls({
        "GET /api/v2/routing/interactionroutingrules 200": 20,
        "GET /api/v2/routing/interactionroutingrules/{id} 200": 3,
        "POST /api/v2/routing/interactionroutingrules 201": 5,
        "DELETE /api/v2/routing/interactionroutingrules/{id} 204": 2,
        "POST /auth/token 200": 1,
      }),
    ).toEqual({ api: 30, list: 20, read: 3, write: 7, token: 1 });
  });

  it("merges a run of other sizes into the previous file, and drops another machine's samples", () => {
    const large: EngineBenchResults = {
      ...results,
      sizes: [2000],
      runs: 1,
      samples: [sample("bare", 2000, 1, 1), sample("cxone", 2000, 1, 1)],
    };
    const merged = mergeResults(results, large);
    expect(merged.sizes).toEqual([100, 2000]);
    expect(merged.samples).toHaveLength(8);
    expect(mergeResults({ ...results, machine: { ...machine, nproc: 8 } }, large).sizes).toEqual([2000]);
  });

  it("puts the report between the docs page's markers and keeps the rest", () => {
    const page = `# Performance\n\nintro\n\n${DOCS_START}\nold table\n${DOCS_END}\n\nafter\n`;
    const updated = replaceDocsSection(page, renderMarkdown(results));
    expect(updated).not.toContain("old table");
    expect(updated).toContain("#### 100 rules");
    expect(updated.startsWith("# Performance\n\nintro\n\n")).toBe(true);
    expect(updated.endsWith(`${DOCS_END}\n\nafter\n`)).toBe(true);
    expect(() => replaceDocsSection("# no markers\n", "x")).toThrow(/lacks/);
  });

  it("draws the chart with Vega: a panel per phase with both variants' bars and axis titles", async () => {
    const svg = await renderChartSvg({
      ...results,
      sizes: [100, 2000],
      samples: [...results.samples, sample("bare", 2000, 1, 20), sample("cxone", 2000, 1, 21)],
    });
    expect(svg.startsWith("<svg")).toBe(true);
    for (const text of [
      "preview",
      "no-op preview",
      "refresh",
      "destroy",
      "rules",
      "seconds (median)",
      "ours (RoutingRule)",
      "bare dynamic resource",
      "2000",
    ]) {
      expect(svg).toContain(`>${text}<`);
    }
    // 5 phases × 2 sizes × 2 variants bars.
    expect(svg.match(/<path[^>]*aria-roledescription="bar"/g) ?? []).toHaveLength(20);
  });
});

describe("benchmark command line", () => {
  it("reads sizes, runs and the engine flags", () => {
    expect(parseBenchArgs(["engine.pulumi", "--sizes", "100,500", "--runs", "3", "--skip-checkpoints"])).toEqual({
      names: ["engine.pulumi"],
      options: { quick: false, skipCheckpoints: true, updateDocs: false, reportOnly: false, sizes: [100, 500], runs: 3 },
    });
  });

  it("refuses a malformed value with the flag, the value and an example", () => {
    expect(() => parseBenchArgs(["--sizes", "100,lots"])).toThrow(BenchArgumentError);
    expect(() => parseBenchArgs(["--runs", "0"])).toThrow(/--runs 0: expected a positive whole number, e\.g\. `npm run bench/);
    expect(() => parseBenchArgs(["--size", "100"])).toThrow(/--size/);
  });
});
