import { changeLine, markLines, rulesByType, sendsToLabel, targetTitle } from "./graph-labels";
import type { GraphEdge, GraphNode, RoutingGraph } from "./routing-graph";
import { markNames } from "./routing-graph";
import { changedGraph } from "./select";

/** Options of {@link toMermaid}. */
export interface MermaidOptions {
  /** Only what a diff touches plus one hop of context (for a pull-request summary). */
  readonly changedOnly?: boolean;
}

/** Mermaid's own escapes inside a quoted label (it reads `#quot;` and friends as entities). */
function text(value: string): string {
  return value.replace(/&/g, "#amp;").replace(/"/g, "#quot;").replace(/</g, "#lt;").replace(/>/g, "#gt;");
}

function nodeLabel(node: GraphNode, graph: RoutingGraph): string {
  const lines = [targetTitle(node)];
  if (node.kind === "rule") {
    lines.push(`priority ${node.priority}${node.enabled ? "" : " · disabled"}`, node.conditions);
    if (node.note) lines.push(`» ${node.note}`);
    lines.push(...markLines(node, graph).map((l) => `⚠ ${l}`));
  }
  const change = changeLine(node);
  if (change) lines.push(`[${change}]`);
  return lines.map(text).join("<br/>");
}

function nodeLine(node: GraphNode, graph: RoutingGraph): string {
  const label = nodeLabel(node, graph);
  if (node.kind === "target") return `${node.id}[("${label}")]`;
  if (node.kind === "outside") return `${node.id}{{"${label}"}}`;
  return `${node.id}["${label}"]`;
}

function edgeLine(edge: GraphEdge): string {
  if (edge.kind === "evaluated-next") return `${edge.from} -.->|next| ${edge.to}`;
  if (edge.kind === "falls-back-to") {
    const label = edge.crossType ? "fallback, crosses types" : edge.inCycle ? "fallback, cycle" : "fallback";
    return `${edge.from} ==>|${label}| ${edge.to}`;
  }
  return `${edge.from} -->|${text(sendsToLabel(edge))}| ${edge.to}`;
}

const CLASS_STYLES: Record<string, string> = {
  cycle: "stroke:#cf222e,stroke-width:3px",
  shadowed: "fill:#eeeeee,color:#6e7781,stroke-dasharray:4 3",
  "dead-end": "stroke:#9a6700,stroke-width:3px",
  "deep-chain": "stroke:#bc4c00,stroke-width:2px",
  "cross-type": "stroke:#bf3989,stroke-width:3px",
  unreached: "stroke-dasharray:2 2",
  added: "fill:#dafbe1,stroke:#1a7f37",
  removed: "fill:#ffebe9,stroke:#cf222e,stroke-dasharray:5 5",
  changed: "fill:#fff8c5,stroke:#9a6700",
};

const EDGE_STYLES: Record<string, string> = {
  cycle: "stroke:#cf222e,stroke-width:3px",
  "cross-type": "stroke:#bf3989,stroke-width:3px",
  added: "stroke:#1a7f37,stroke-width:2px",
  removed: "stroke:#cf222e,stroke-dasharray:5 5",
  changed: "stroke:#9a6700,stroke-width:2px",
};

/**
 * The graph as a Mermaid flowchart (GitHub and GitLab render it in Markdown): one subgraph per
 * interaction type, targets in their own, marks and changes both in the label text (readable
 * where styles are not) and as classes (`class r3 shadowed`).
 */
export function toMermaid(input: RoutingGraph, options: MermaidOptions = {}): string {
  const graph = options.changedOnly ? changedGraph(input) : input;
  const lines = ["flowchart LR"];
  let group = 0;
  for (const [type, rules] of rulesByType(graph)) {
    if (rules.length === 0) continue;
    lines.push(`  subgraph g${group++}["${text(type)}"]`);
    for (const rule of rules) lines.push(`    ${nodeLine(rule, graph)}`);
    lines.push("  end");
  }
  const others = graph.nodes.filter((n) => n.kind !== "rule");
  if (others.length > 0) {
    lines.push(`  subgraph g${group}["targets"]`);
    for (const node of others) lines.push(`    ${nodeLine(node, graph)}`);
    lines.push("  end");
  }
  const edgeClasses = new Map<string, number[]>();
  graph.edges.forEach((edge, i) => {
    lines.push(`  ${edgeLine(edge)}`);
    const names = [...(edge.inCycle ? ["cycle"] : []), ...(edge.crossType ? ["cross-type"] : []), ...(edge.change ? [edge.change] : [])];
    for (const name of names) edgeClasses.set(name, [...(edgeClasses.get(name) ?? []), i]);
  });
  const nodeClasses = new Map<string, string[]>();
  for (const node of graph.nodes) {
    const names = [...(node.kind === "rule" ? markNames(node.marks) : []), ...(node.change ? [node.change] : [])];
    for (const name of names) nodeClasses.set(name, [...(nodeClasses.get(name) ?? []), node.id]);
  }
  for (const [name, ids] of nodeClasses) {
    lines.push(`  classDef ${name.replace("-", "_")} ${CLASS_STYLES[name]}`);
    lines.push(`  class ${ids.join(",")} ${name.replace("-", "_")}`);
  }
  for (const [name, indexes] of edgeClasses) lines.push(`  linkStyle ${indexes.join(",")} ${EDGE_STYLES[name]}`);
  return `${lines.join("\n")}\n`;
}
