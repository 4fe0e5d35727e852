import { changeLine, markLines, rulesByType, sendsToLabel, targetTitle } from "./graph-labels";
import type { GraphEdge, GraphNode, RoutingGraph, RuleNode } from "./routing-graph";
import { markNames } from "./routing-graph";

/** Options of {@link toDot}. */
export interface DotOptions {
  /**
   * Targets as nodes of their own with sends-to edges, or inline as lines in their rules' boxes
   * (with the fallbacks leaving the set, and fallback edges unlabelled: the box names the
   * fallback). `auto` (default): nodes up to {@link INLINE_TARGETS_ABOVE} rules. Hundreds of
   * rules sharing a few queues make a knot of edges no one can read and that Graphviz takes
   * minutes to untangle; inline, 2,000 rules lay out in a few seconds.
   */
  readonly targets?: "nodes" | "inline" | "auto";
  /** The graph's title. */
  readonly title?: string;
}

/** Above this many rules, `targets: "auto"` draws targets inline. */
export const INLINE_TARGETS_ABOVE = 150;

/** Above this many nodes, Graphviz's iterative layout passes are cut short (see `toDot`). */
const QUICK_LAYOUT_ABOVE = 200;

function quote(value: string): string {
  return `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n")}"`;
}

const CHANGE_FILL: Record<string, string> = { added: "#dafbe1", removed: "#ffebe9", changed: "#fff8c5" };
const CHANGE_COLOR: Record<string, string> = { added: "#1a7f37", removed: "#cf222e", changed: "#9a6700" };

function ruleAttributes(rule: RuleNode, graph: RoutingGraph, inlineTargets: string[]): string[] {
  const marks = markNames(rule.marks);
  const lines = [rule.name, `priority ${rule.priority}${rule.enabled ? "" : " (disabled)"}`, rule.conditions];
  if (rule.note) lines.push(`>> ${rule.note}`);
  lines.push(...inlineTargets, ...markLines(rule, graph).map((l) => `! ${l}`));
  const change = changeLine(rule);
  if (change) lines.push(`[${change}]`);
  const attributes = [
    `id=${quote(rule.id)}`,
    `class=${quote(["rule", ...marks, ...(rule.change ? [rule.change] : [])].join(" "))}`,
    `label=${quote(lines.join("\n"))}`,
    `tooltip=${quote(`${rule.key}: ${rule.conditions}${rule.marks.shadowedBy?.witness ? `\n${rule.marks.shadowedBy.witness}` : ""}`)}`,
    `fillcolor=${quote(rule.change ? CHANGE_FILL[rule.change]! : rule.marks.shadowedBy || !rule.enabled ? "#eeeeee" : "#ffffff")}`,
  ];
  if (rule.note?.startsWith("MATCH")) attributes.push(`color="#0969da"`, "penwidth=3");
  else if (rule.marks.cycle) attributes.push(`color="#cf222e"`, "penwidth=3");
  else if (rule.marks.crossType) attributes.push(`color="#bf3989"`, "penwidth=3");
  else if (rule.marks.deadEnd) attributes.push(`color="#9a6700"`, "penwidth=3");
  else if (rule.marks.deepChain !== undefined) attributes.push(`color="#bc4c00"`, "penwidth=2");
  else if (rule.change) attributes.push(`color=${quote(CHANGE_COLOR[rule.change]!)}`, "penwidth=2");
  if (rule.marks.shadowedBy || rule.marks.unreached || rule.change === "removed") attributes.push(`style="filled,dashed"`);
  return attributes;
}

function otherAttributes(node: GraphNode): string[] {
  const change = changeLine(node);
  const label = [targetTitle(node), ...(change ? [`[${change}]`] : [])].join("\n");
  return [
    `id=${quote(node.id)}`,
    `class=${quote([node.kind, ...(node.change ? [node.change] : [])].join(" "))}`,
    `label=${quote(label)}`,
    `shape=${node.kind === "target" ? "cylinder" : "hexagon"}`,
    `fillcolor=${quote(node.change ? CHANGE_FILL[node.change]! : "#f6f8fa")}`,
    ...(node.change ? [`color=${quote(CHANGE_COLOR[node.change]!)}`] : []),
  ];
}

function edgeAttributes(edge: GraphEdge, index: number, compact: boolean): string[] {
  const classes = [
    edge.kind,
    ...(edge.inCycle ? ["cycle"] : []),
    ...(edge.crossType ? ["cross-type"] : []),
    ...(edge.change ? [edge.change] : []),
  ];
  const attributes = [`id=${quote(`e${index}`)}`, `class=${quote(classes.join(" "))}`];
  if (edge.kind === "evaluated-next") attributes.push("style=dotted", `color="#8c959f"`, "weight=8", "arrowhead=vee");
  else if (edge.kind === "falls-back-to") {
    const label = edge.crossType ? "fallback (crosses types)" : edge.inCycle ? "fallback (cycle)" : "fallback";
    const color = edge.inCycle ? "#cf222e" : edge.crossType ? "#bf3989" : "#0969da";
    // Compact: no label (Graphviz lays each edge label out as a node of its own); the rule's box says it.
    if (!compact) attributes.push(`label=${quote(label)}`, `fontcolor=${quote(color)}`);
    attributes.push(`color=${quote(color)}`, "penwidth=2", "constraint=false");
  } else attributes.push(`label=${quote(sendsToLabel(edge))}`, `color="#57606a"`);
  if (edge.change) {
    attributes.push(`color=${quote(CHANGE_COLOR[edge.change]!)}`, "penwidth=2.5");
    if (edge.change === "removed") attributes.push("style=dashed");
  }
  return attributes;
}

/**
 * The graph in Graphviz's DOT language: a cluster per interaction type with its rules top to
 * bottom in evaluation order (dotted "next" edges), fallbacks as blue edges (red on a cycle,
 * pink across types), targets as cylinders. Node and edge ids and CSS classes (`rule shadowed`,
 * `falls-back-to cycle`) carry into the SVG, where the HTML page and the tests find them.
 */
export function toDot(graph: RoutingGraph, options: DotOptions = {}): string {
  const ruleCount = graph.nodes.filter((n) => n.kind === "rule").length;
  const inline = options.targets === "inline" || (options.targets !== "nodes" && ruleCount > INLINE_TARGETS_ABOVE);
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  // Compact (inline) mode: targets, fallbacks leaving the set and fallback names as lines of the rule's box.
  const inlineLines = new Map<string, string[]>();
  const addLine = (id: string, line: string) => inlineLines.set(id, [...(inlineLines.get(id) ?? []), line]);
  if (inline) {
    for (const e of graph.edges) {
      const change = e.change ? ` [${e.change}]` : "";
      const to = byId.get(e.to)!;
      if (e.kind === "sends-to") addLine(e.from, `-> ${targetTitle(to)} ${sendsToLabel(e)}${change}`);
      else if (e.kind === "falls-back-to") addLine(e.from, `=> fallback ${to.kind === "rule" ? to.key : targetTitle(to)}${change}`);
    }
  }
  const drawn = (node: GraphNode) => !(inline && node.kind !== "rule");
  const lines = [
    "digraph routing {",
    `  graph [rankdir=TB, fontname="Helvetica", fontsize=12, nodesep=0.3, ranksep=0.45, label=${quote(options.title ?? "")}, labelloc=t];`,
    `  node [shape=box, style="filled", fontname="Helvetica", fontsize=10, margin="0.12,0.06"];`,
    `  edge [fontname="Helvetica", fontsize=9];`,
  ];
  // Large graphs: fewer network-simplex and crossing-minimisation passes, straight splines.
  // The picture stays ordered (clusters, priority chains); the layout takes seconds, not minutes.
  if (graph.nodes.length > QUICK_LAYOUT_ABOVE) {
    lines.push("  newrank=true; remincross=false; nslimit=2; nslimit1=2; mclimit=0.1; searchsize=10; splines=line;");
  }
  let cluster = 0;
  for (const [type, rules] of rulesByType(graph)) {
    if (rules.length === 0) continue;
    lines.push(
      `  subgraph cluster_${cluster++} {`,
      `    id=${quote(`type-${type}`)}; label=${quote(type)}; style="rounded"; color="#d0d7de";`,
    );
    for (const rule of rules) lines.push(`    ${rule.id} [${ruleAttributes(rule, graph, inlineLines.get(rule.id) ?? []).join(", ")}];`);
    lines.push("  }");
  }
  for (const node of graph.nodes) {
    if (node.kind !== "rule" && drawn(node)) lines.push(`  ${node.id} [${otherAttributes(node).join(", ")}];`);
  }
  graph.edges.forEach((edge, i) => {
    if (!drawn(byId.get(edge.to)!)) return;
    lines.push(`  ${edge.from} -> ${edge.to} [${edgeAttributes(edge, i, inline).join(", ")}];`);
  });
  lines.push("}");
  return `${lines.join("\n")}\n`;
}
