import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { type EngineBenchResults, medianOf, PHASES, type PhaseName, SKIP_PHASES, type Variant, type VariantRun } from "./engine-samples";

/** Where the report goes in docs/performance.md (between these two lines). */
export const DOCS_START = "<!-- engine-bench:start -->";
export const DOCS_END = "<!-- engine-bench:end -->";
export const CHART_NAME = "engine-benchmark.svg";

/** The issue's goals, as ours/bare ratios. */
const GOALS: Partial<Record<string, number>> = {
  preview: 1.05,
  up: 1.05,
  destroy: 1.05,
  "program CPU (up)": 1.05,
  "program peak RSS (up)": 1.1,
  "provider peak RSS (up)": 1.1,
};

const PHASE_LABELS: Record<PhaseName, string> = {
  preview: "preview",
  up: "up",
  preview_noop: "no-op preview",
  refresh: "refresh",
  destroy: "destroy",
  up_skip_checkpoints: "up, PULUMI_SKIP_CHECKPOINTS",
  destroy_skip_checkpoints: "destroy, PULUMI_SKIP_CHECKPOINTS",
};

interface Row {
  readonly label: string;
  readonly unit: "s" | "ms" | "MB" | "B";
  readonly pick: (run: VariantRun) => number | undefined;
}

function rows(): Row[] {
  const phaseRows = [...PHASES, ...SKIP_PHASES].map(
    (phase): Row => ({ label: PHASE_LABELS[phase], unit: "s", pick: (run) => run.phases[phase]?.ms }),
  );
  return [
    ...phaseRows,
    { label: "CPU, all processes (preview)", unit: "ms", pick: (run) => run.phases.preview?.allCpuMs },
    { label: "CPU, all processes (up)", unit: "ms", pick: (run) => run.phases.up?.allCpuMs },
    { label: "CPU, all processes (destroy)", unit: "ms", pick: (run) => run.phases.destroy?.allCpuMs },
    { label: "provider CPU (preview)", unit: "ms", pick: (run) => run.phases.preview?.providerCpuMs },
    { label: "provider CPU (up)", unit: "ms", pick: (run) => run.phases.up?.providerCpuMs },
    { label: "program CPU (preview)", unit: "ms", pick: (run) => run.phases.preview?.programCpuMs },
    { label: "program CPU (up)", unit: "ms", pick: (run) => run.phases.up?.programCpuMs },
    { label: "program peak RSS (up)", unit: "MB", pick: (run) => run.phases.up?.programRssMb },
    { label: "provider peak RSS (up)", unit: "MB", pick: (run) => run.phases.up?.providerRssMb },
    { label: "provider peak RSS (refresh)", unit: "MB", pick: (run) => run.phases.refresh?.providerRssMb },
    { label: "state file after up", unit: "B", pick: (run) => run.stateBytes },
  ];
}

function format(value: number | undefined, unit: Row["unit"]): string {
  if (value === undefined) return "–";
  if (unit === "s") return `${(value / 1000).toFixed(2)} s`;
  if (unit === "ms") return `${Math.round(value)} ms`;
  if (unit === "MB") return `${value.toFixed(1)} MB`;
  return value >= 1024 * 1024 ? `${(value / 1024 / 1024).toFixed(2)} MiB` : `${(value / 1024).toFixed(1)} KiB`;
}

function runsAt(results: EngineBenchResults, variant: Variant, size: number): number {
  return results.samples.filter((run) => run.variant === variant && run.size === size).length;
}

function sizeTable(results: EngineBenchResults, size: number): string[] {
  const lines = [
    `### ${size} rules (${runsAt(results, "cxone", size)} run(s) each, medians)`,
    "",
    "| measure | bare | ours | ours / bare | goal |",
    "|---|---:|---:|---:|---|",
  ];
  for (const row of rows()) {
    const bare = medianOf(results, "bare", size, row.pick);
    const ours = medianOf(results, "cxone", size, row.pick);
    if (bare === undefined && ours === undefined) continue;
    const ratio = bare && ours !== undefined ? ours / bare : undefined;
    const goal = GOALS[row.label];
    const verdict = goal === undefined || ratio === undefined ? "" : `≤ ${goal}× ${ratio <= goal ? "met" : "**missed**"}`;
    lines.push(
      `| ${row.label} | ${format(bare, row.unit)} | ${format(ours, row.unit)} | ${ratio === undefined ? "–" : `${ratio.toFixed(2)}×`} | ${verdict} |`,
    );
  }
  lines.push("", "API calls of ours per phase (the bare resource makes none), medians:", "");
  lines.push("| phase | list pages | reads by id | writes | all /api/ | token requests |", "|---|---:|---:|---:|---:|---:|");
  for (const phase of [...PHASES, ...SKIP_PHASES]) {
    const pick = (key: "list" | "read" | "write" | "api" | "token") =>
      medianOf(results, "cxone", size, (run) => run.phases[phase]?.calls?.[key]);
    if (pick("api") === undefined) continue;
    lines.push(`| ${PHASE_LABELS[phase]} | ${pick("list")} | ${pick("read")} | ${pick("write")} | ${pick("api")} | ${pick("token")} |`);
  }
  return lines;
}

/** bench-results.md: machine and date, then a table per size, ours against bare with ratios. */
export function renderMarkdown(results: EngineBenchResults): string {
  const { machine } = results;
  const lines = [
    "## Engine benchmark: RoutingRule against a bare dynamic resource",
    "",
    `Run ${results.date.slice(0, 16).replace("T", " ")} UTC on ${machine.nproc} CPU(s) (${machine.cpu}), ${machine.memoryGb} GB memory, Node ${machine.node}.`,
    'Times are wall-clock of the `pulumi` command; "bare" is a dynamic resource with the same inputs and declared outputs whose provider does nothing.',
    "Runs alternate bare and ours so that machine noise hits both.",
    "",
  ];
  for (const size of results.sizes) lines.push(...sizeTable(results, size), "");
  return `${lines.join("\n").trimEnd()}\n`;
}

/**
 * Vega-Lite: seconds against rule count, one panel per phase, ours and bare as bars side by side;
 * below, ours / bare per phase against rule count, with the 1.05 goal as a line (the bars of 100
 * rules are small next to 2,000, the ratios are not).
 */
export function chartSpec(results: EngineBenchResults): Record<string, unknown> {
  const values: Array<{ phase: string; rules: number; variant: string; seconds: number }> = [];
  const ratios: Array<{ phase: string; rules: number; ratio: number }> = [];
  for (const size of results.sizes) {
    for (const phase of PHASES) {
      const medians: Partial<Record<Variant, number>> = {};
      for (const variant of ["bare", "cxone"] as const) {
        const ms = medianOf(results, variant, size, (run) => run.phases[phase]?.ms);
        if (ms === undefined) continue;
        medians[variant] = ms;
        values.push({
          phase: PHASE_LABELS[phase],
          rules: size,
          variant: variant === "cxone" ? "ours (RoutingRule)" : "bare dynamic resource",
          seconds: ms / 1000,
        });
      }
      if (medians.bare && medians.cxone !== undefined)
        ratios.push({ phase: PHASE_LABELS[phase], rules: size, ratio: medians.cxone / medians.bare });
    }
  }
  const column = { field: "phase", type: "nominal", sort: PHASES.map((phase) => PHASE_LABELS[phase]), title: null };
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: {
      text: "pulumi CLI time against rule count",
      subtitle: `${results.date.slice(0, 10)}, ${results.machine.nproc} CPU(s), Node ${results.machine.node}; lower row: ours / bare, the dashed line is the 1.05 goal`,
    },
    background: "white",
    vconcat: [
      {
        data: { values },
        facet: { column },
        resolve: { scale: { y: "independent" } },
        spec: {
          width: 150,
          height: 200,
          mark: { type: "bar", tooltip: true },
          encoding: {
            x: { field: "rules", type: "ordinal", title: "rules", axis: { labelAngle: 0 } },
            xOffset: { field: "variant", type: "nominal" },
            y: { field: "seconds", type: "quantitative", title: "seconds (median)" },
            color: {
              field: "variant",
              type: "nominal",
              title: null,
              scale: { range: ["#9aa5b1", "#1f6feb"] },
              legend: { orient: "top", labelLimit: 0 },
            },
          },
        },
      },
      {
        data: { values: ratios },
        facet: { column: { ...column, header: { labels: false } } },
        // One scale for every phase's ratio, an axis on every panel so the columns line up with the bars'.
        resolve: { axis: { y: "independent" } },
        spec: {
          width: 150,
          height: 110,
          layer: [
            {
              mark: { type: "line", point: true, color: "#1f6feb" },
              encoding: {
                x: { field: "rules", type: "ordinal", title: "rules", axis: { labelAngle: 0 } },
                y: { field: "ratio", type: "quantitative", title: "ours / bare", scale: { zero: false } },
              },
            },
            { mark: { type: "rule", color: "#d1242f", strokeDash: [4, 3] }, encoding: { y: { datum: 1.05 } } },
          ],
        },
      },
    ],
  };
}

/** Renders the chart headlessly: vega-lite compiles to a Vega spec, Vega's SVG renderer needs no browser or canvas. */
export async function renderChartSvg(results: EngineBenchResults): Promise<string> {
  const vegaLite = await import("vega-lite");
  const vega = await import("vega");
  const { spec } = vegaLite.compile(chartSpec(results) as unknown as Parameters<typeof vegaLite.compile>[0]);
  const view = new vega.View(vega.parse(spec), { renderer: "none" });
  const svg = await view.toSVG();
  view.finalize();
  return svg;
}

/** Puts the report between the markers of docs/performance.md, with the chart beside it in docs/images. */
export function replaceDocsSection(page: string, markdown: string): string {
  const start = page.indexOf(DOCS_START);
  const end = page.indexOf(DOCS_END);
  if (start < 0 || end < start) throw new Error(`docs/performance.md lacks the ${DOCS_START} ... ${DOCS_END} lines`);
  const body = markdown.replace(/^## .*\n\n/, "").replaceAll(/^### /gm, "#### ");
  return `${page.slice(0, start + DOCS_START.length)}\n${body}${page.slice(end)}`;
}

/** Writes bench-results.md and bench-results.svg beside package.json; with updateDocs, also the docs page and its image. */
export async function writeEngineReport(results: EngineBenchResults, root: string, options: { updateDocs: boolean }): Promise<string[]> {
  const markdown = renderMarkdown(results);
  const svg = await renderChartSvg(results);
  const written = [path.join(root, "bench-results.md"), path.join(root, "bench-results.svg")];
  writeFileSync(written[0]!, `${markdown}\n![time against rule count](bench-results.svg)\n`);
  writeFileSync(written[1]!, svg);
  if (options.updateDocs) {
    const page = path.join(root, "docs", "performance.md");
    const image = path.join(root, "docs", "images", CHART_NAME);
    if (!existsSync(page)) throw new Error(`${page} does not exist`);
    writeFileSync(page, replaceDocsSection(readFileSync(page, "utf8"), markdown));
    mkdirSync(path.dirname(image), { recursive: true });
    writeFileSync(image, svg);
    written.push(page, image);
  }
  return written;
}
