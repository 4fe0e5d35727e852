import { buildRoutingGraph, loadLayoutEngine, toHtml, toSvg } from "../src/graph";
import type { EvaluableRule } from "../src/routing";
import type { BenchEntry } from "./bench-entry";
import { medianDurationMs, round } from "./measure";
import { generateRuleSet } from "./rule-set-generator";

const RULES = 2_000;
const QUEUES = 40;

/** The generated program with one or two targets per rule from a pool of queues shared by many rules. */
function rulesWithTargets(size: number): EvaluableRule[] {
  return generateRuleSet({ rules: size, seed: 2_000 }).map((r, i) => ({
    ...r,
    targets: [
      { type: "queue", id: `q-${i % QUEUES}`, weight: i % 3 === 0 ? 60 : 100, capacity: 50 },
      ...(i % 3 === 0 ? [{ type: "queue", id: `q-${(i * 7) % QUEUES}`, weight: 40, capacity: 20 }] : []),
    ],
  }));
}

/**
 * The routing graph (issue 20): build the graph of 2,000 generated rules (6 interaction types,
 * fallback chains, some leaving the set, shared queues), then write its SVG with Graphviz in
 * WebAssembly (default options: targets inline above 150 rules), then the HTML page. The issue's
 * bar: the 2,000-rule SVG in under 5 s. Median of 3 runs after one warm-up (1 and 1 with --quick).
 */
export const graphBench: BenchEntry = {
  name: "graph.svg",
  description: "routing graph of 2,000 rules: build, SVG (Graphviz/WASM), HTML page",
  quick: true,
  async run(options = {}) {
    const runs = options.quick ? { warmupRuns: 1, timedRuns: 1 } : { warmupRuns: 1, timedRuns: 3 };
    const rules = rulesWithTargets(RULES);
    const viz = await loadLayoutEngine();
    let graph = buildRoutingGraph(rules);
    const buildMs = await medianDurationMs(() => {
      graph = buildRoutingGraph(rules);
    }, runs);
    let svg = "";
    // A fresh engine per write, as one `cxone-routing graph` run loads it.
    const svgMs = await medianDurationMs(async () => {
      svg = await toSvg(buildRoutingGraph(rules));
    }, runs);
    let html = "";
    const htmlMs = await medianDurationMs(async () => {
      html = await toHtml(graph, { viz });
    }, runs);
    return {
      metrics: {
        rules: RULES,
        nodes: graph.nodes.length,
        edges: graph.edges.length,
        build_ms: round(buildMs),
        svg_2000_rules_ms: round(svgMs),
        html_ms: round(htmlMs),
        svg_kib: round(svg.length / 1024, 1),
        html_kib: round(html.length / 1024, 1),
        marked_rules: graph.nodes.filter((n) => n.kind === "rule" && Object.keys(n.marks).length > 0).length,
      },
    };
  },
};
