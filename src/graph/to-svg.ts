import { instance, type Viz } from "@viz-js/viz";
import { GraphLayoutError } from "./graph-errors";
import type { RoutingGraph } from "./routing-graph";
import { toDot, type DotOptions } from "./to-dot";

/**
 * The layout engine: Graphviz compiled to WebAssembly (@viz-js/viz), in this process: no system
 * binary, no network. Loading it takes tens of milliseconds; a caller drawing several graphs
 * passes one in (`options.viz`), nothing is kept between calls otherwise.
 */
export function loadLayoutEngine(): Promise<Viz> {
  return instance();
}

/** Options of {@link toSvg}. */
export interface SvgOptions extends DotOptions {
  /** A loaded engine, reused across calls (see {@link loadLayoutEngine}). */
  readonly viz?: Viz;
}

/** The graph as an SVG document laid out by Graphviz's `dot` (see {@link toDot} for what it shows). */
export async function toSvg(graph: RoutingGraph, options: SvgOptions = {}): Promise<string> {
  const viz = options.viz ?? (await loadLayoutEngine());
  const dot = toDot(graph, options);
  const result = viz.render(dot, { format: "svg", engine: "dot" });
  if (result.status !== "success") {
    const messages = result.errors.map((e) => `${e.level ?? "error"}: ${e.message}`).join("\n");
    throw new GraphLayoutError(
      `Graphviz could not lay out the routing graph (${graph.nodes.length} nodes):\n${messages}\nThis is a bug; please report it with the DOT output (--format dot).`,
    );
  }
  return result.output;
}
