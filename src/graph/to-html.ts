import { changeLine, markLines, sendsToLabel, targetTitle } from "./graph-labels";
import { PAGE_SCRIPT, PAGE_STYLE } from "./html-assets";
import type { RoutingGraph, RuleNode } from "./routing-graph";
import { ruleNodes } from "./routing-graph";
import { toSvg, type SvgOptions } from "./to-svg";

/** Options of {@link toHtml}. */
export interface HtmlOptions extends SvgOptions {
  /** The page's heading, e.g. `stack dev (tenant)` or `staging now -> dev's rule set`. */
  readonly title?: string;
}

function htmlText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** JSON safe inside a <script> element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c");
}

const LEGEND: ReadonlyArray<[string, string]> = [
  ['<span class="line" style="border-top:2px dotted #8c959f"></span>', "evaluated next (priority order)"],
  ['<span class="line" style="border-color:#0969da"></span>', "falls back to"],
  ['<span class="line"></span>', "sends to (weight share, capacity)"],
  ['<span class="line" style="border-color:#cf222e;border-width:3px"></span>', "fallback cycle"],
  ['<span class="line" style="border-color:#bf3989;border-width:3px"></span>', "fallback crossing interaction types"],
  ['<span class="swatch" style="border-color:#9a6700;border-width:3px"></span>', "dead end: no target serves it"],
  ['<span class="swatch" style="border-color:#bc4c00"></span>', "fallback chain deeper than the limit"],
  [
    '<span class="swatch" style="background:#eee;border-style:dashed"></span>',
    "shadowed (never matches) or disabled; dashed: no sample reaches it",
  ],
  ['<span class="swatch" style="background:#dafbe1;border-color:#1a7f37"></span>', "added"],
  ['<span class="swatch" style="background:#fff8c5;border-color:#9a6700"></span>', "changed"],
  ['<span class="swatch" style="background:#ffebe9;border-color:#cf222e;border-style:dashed"></span>', "removed"],
];

function ruleRows(graph: RoutingGraph): string {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const targets = new Map<string, string[]>();
  const fallback = new Map<string, string>();
  for (const e of graph.edges) {
    const to = byId.get(e.to);
    if (!to) continue;
    if (e.kind === "sends-to") targets.set(e.from, [...(targets.get(e.from) ?? []), `${targetTitle(to)} ${sendsToLabel(e)}`]);
    if (e.kind === "falls-back-to" && e.change !== "removed") fallback.set(e.from, to.kind === "rule" ? to.key : targetTitle(to));
  }
  const rules = ruleNodes(graph).sort((a, b) => a.interactionType.localeCompare(b.interactionType) || a.priority - b.priority);
  return rules
    .map((r: RuleNode) => {
      const notes = [...markLines(r, graph), ...(r.marks.shadowedBy?.witness ? [r.marks.shadowedBy.witness] : [])];
      const cells = [
        r.key,
        r.name,
        r.interactionType,
        String(r.priority),
        r.enabled ? "yes" : "no",
        r.conditions,
        (targets.get(r.id) ?? []).join("; "),
        fallback.get(r.id) ?? "",
        notes.join("; "),
        changeLine(r) ?? "",
      ];
      return `<tr id="row-${r.id}"${r.change ? ` class="${r.change}"` : ""}>${cells.map((c) => `<td>${htmlText(c)}</td>`).join("")}</tr>`;
    })
    .join("\n");
}

function movesTable(graph: RoutingGraph): string {
  if (!graph.moves) return "";
  const rows = graph.moves.map((m) => `<tr><td>${htmlText(m.before)}</td><td>${htmlText(m.after)}</td><td>${m.count}</td></tr>`).join("\n");
  return `<h2>Interactions that move (${graph.movedSamples ?? 0} of ${graph.samples ?? 0} samples)</h2>
<table id="moves"><tr><th>before</th><th>after</th><th>count</th></tr>${rows}</table>`;
}

/** What the page's script needs: rule names, fallback and sends-to adjacency with edge ids. */
function pageData(graph: RoutingGraph) {
  const rules = ruleNodes(graph).map((r) => ({ id: r.id, key: r.key, name: r.name }));
  const fallback: Record<string, { to: string; edge: string }> = {};
  const fallsInto: Record<string, Array<{ from: string; edge: string }>> = {};
  const sends: Record<string, Array<{ to: string; edge: string }>> = {};
  graph.edges.forEach((e, i) => {
    if (e.change === "removed") return;
    const edge = `e${i}`;
    if (e.kind === "falls-back-to") {
      fallback[e.from] = { to: e.to, edge };
      (fallsInto[e.to] ??= []).push({ from: e.from, edge });
    } else if (e.kind === "sends-to") (sends[e.from] ??= []).push({ to: e.to, edge });
  });
  return { rules, fallback, fallsInto, sends };
}

/**
 * A self-contained HTML page: the SVG, a legend, the rule table (and for a diff, the
 * interactions that move), and a search box that highlights a rule and its chain. Style, script
 * and picture are inline: the page loads nothing.
 */
export async function toHtml(graph: RoutingGraph, options: HtmlOptions = {}): Promise<string> {
  const title = options.title ?? "Routing graph";
  const svg = await toSvg(graph, options);
  const rules = ruleNodes(graph);
  const marked = rules.filter((r) => markLines(r, graph).length > 0).length;
  const changed = graph.nodes.filter((n) => n.change).length;
  const summary = [
    `${rules.length} rules`,
    `${graph.nodes.length - rules.length} targets`,
    `${marked} marked`,
    ...(changed > 0 || graph.moves ? [`${changed} added, removed or changed`] : []),
    ...(graph.samples ? [`${graph.samples} samples`] : []),
  ].join(" · ");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>${htmlText(title)}</title><style>${PAGE_STYLE}</style></head>
<body>
<header><h1>${htmlText(title)}</h1><div class="summary">${htmlText(summary)}</div>
<div class="bar"><label>Find a rule: <input id="search" type="search" placeholder="key or name, e.g. ${htmlText(rules[0]?.key ?? "")}" autocomplete="off"></label><span id="status"></span></div></header>
<main><div id="graph">${svg.slice(svg.indexOf("<svg"))}</div>
<aside><h2>Legend</h2>${LEGEND.map(([swatch, text]) => `<div class="legend-row">${swatch}<span>${htmlText(text)}</span></div>`).join("\n")}</aside></main>
<div class="tables">${movesTable(graph)}
<h2>Rules</h2>
<table id="rules"><tr><th>key</th><th>name</th><th>type</th><th>priority</th><th>enabled</th><th>conditions</th><th>targets</th><th>fallback</th><th>marks</th><th>change</th></tr>
${ruleRows(graph)}</table></div>
<script type="application/json" id="graph-data">${scriptJson(pageData(graph))}</script>
<script>${PAGE_SCRIPT}</script>
</body></html>
`;
}
