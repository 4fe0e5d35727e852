/**
 * Reads back what the graph writers produced, as a person's tools would: the SVG's node and edge
 * groups (Graphviz writes `<g id class>` with a `<title>` and `<text>` lines), and Mermaid's
 * node, edge and class statements.
 */

function decode(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

export interface SvgElement {
  readonly id: string;
  readonly classes: readonly string[];
  /** The `<title>`: a node's id, or `from->to` for an edge. */
  readonly title: string;
  /** Every `<text>` line inside the group, joined by newlines. */
  readonly text: string;
}

export interface ParsedSvg {
  readonly nodes: Map<string, SvgElement>;
  readonly edges: SvgElement[];
  readonly clusters: string[];
}

/**
 * Node, edge and cluster groups of a Graphviz SVG. A small tag scanner with a stack of open
 * elements (comments skipped), so nested groups (tooltips' `<g><a>`) close where they should.
 */
export function parseSvg(svg: string): ParsedSvg {
  if (!svg.includes("<svg")) throw new Error("not an SVG document");
  const nodes = new Map<string, SvgElement>();
  const edges: SvgElement[] = [];
  const clusters: string[] = [];
  type Open = { tag: string; group?: { id: string; classes: string[]; title: string; texts: string[] } };
  const stack: Open[] = [];
  const current = () => [...stack].reverse().find((o) => o.group)?.group;
  let inside: "title" | "text" | undefined;
  const token = /<!--[\s\S]*?-->|<\?[^>]*\?>|<!DOCTYPE[^>]*>|<(\/?)([\w:]+)([^>]*?)(\/?)>|([^<]+)/g;
  for (const m of svg.matchAll(token)) {
    const [, closing, tag, attributes, selfClosing, text] = m;
    if (text !== undefined) {
      const group = current();
      if (group && inside === "title") group.title += decode(text);
      else if (group && inside === "text") group.texts[group.texts.length - 1] += decode(text);
      continue;
    }
    if (!tag) continue;
    if (closing) {
      const open = stack.pop();
      if (!open || open.tag !== tag) throw new Error(`unbalanced SVG: </${tag}> closes <${open?.tag}>`);
      if (tag === "title" || tag === "text") inside = undefined;
      const g = open.group;
      if (g) {
        const element = { id: g.id, classes: g.classes, title: g.title, text: g.texts.join("\n") };
        if (g.classes.includes("node")) nodes.set(g.id, element);
        else if (g.classes.includes("edge")) edges.push(element);
        else if (g.classes.includes("cluster")) clusters.push(element.text);
      }
      continue;
    }
    if (selfClosing) continue;
    const open: Open = { tag };
    const classAttr = / class="([^"]*)"/.exec(attributes ?? "");
    if (tag === "g" && classAttr) {
      open.group = {
        id: decode(/ id="([^"]*)"/.exec(attributes ?? "")?.[1] ?? ""),
        classes: decode(classAttr[1]!).split(/\s+/),
        title: "",
        texts: [],
      };
    }
    if (tag === "title") inside = "title";
    if (tag === "text") {
      inside = "text";
      current()?.texts.push("");
    }
    stack.push(open);
  }
  if (stack.length > 0) throw new Error(`unclosed SVG elements: ${stack.map((o) => o.tag).join(" > ")}`);
  return { nodes, edges, clusters };
}

export interface MermaidEdge {
  readonly from: string;
  readonly to: string;
  readonly arrow: string;
  readonly label: string;
}

export interface ParsedMermaid {
  readonly header: string;
  readonly nodes: Map<string, string>;
  readonly edges: MermaidEdge[];
  /** Class name -> node ids (`class r0,r3 cycle`). */
  readonly classes: Map<string, string[]>;
  readonly subgraphs: string[];
}

/** The statements of a Mermaid flowchart as `toMermaid` writes them, one a line. */
export function parseMermaid(text: string): ParsedMermaid {
  const lines = text.split("\n").map((l) => l.trim());
  const nodes = new Map<string, string>();
  const edges: MermaidEdge[] = [];
  const classes = new Map<string, string[]>();
  const subgraphs: string[] = [];
  for (const line of lines.slice(1)) {
    let m: RegExpExecArray | null;
    if ((m = /^subgraph \w+\["(.*)"\]$/.exec(line))) subgraphs.push(m[1]!);
    else if ((m = /^(\w+) (-\.->|==>|-->)\|(.*)\| (\w+)$/.exec(line))) edges.push({ from: m[1]!, arrow: m[2]!, label: m[3]!, to: m[4]! });
    else if ((m = /^class ([\w,]+) (\w+)$/.exec(line))) classes.set(m[2]!, m[1]!.split(","));
    else if ((m = /^(\w+)(?:\[\(|\{\{|\[)"(.*)"(?:\)\]|\}\}|\])$/.exec(line)))
      nodes.set(m[1]!, m[2]!.replace(/#quot;/g, '"').replace(/<br\/>/g, "\n"));
    else if (line !== "" && line !== "end" && !line.startsWith("classDef ") && !line.startsWith("linkStyle ")) {
      throw new Error(`unexpected Mermaid line: ${line}`);
    }
  }
  return { header: lines[0]!, nodes, edges, classes, subgraphs };
}

/** The first ```mermaid block of a Markdown text (a PR summary), parsed; throws when it has none. */
export function mermaidBlock(markdown: string): ParsedMermaid {
  const m = /^```mermaid\n([\s\S]*?)^```$/m.exec(markdown);
  if (!m) throw new Error("no ```mermaid block in the text");
  return parseMermaid(m[1]!);
}

/** The id of the node whose first label line is `title` (a rule's name, `queue q-1`...); throws when none or several. */
export function nodeTitled(diagram: ParsedMermaid, title: string): string {
  const ids = [...diagram.nodes].filter(([, label]) => label.split("\n")[0] === title).map(([id]) => id);
  if (ids.length !== 1) throw new Error(`${ids.length} nodes titled ${JSON.stringify(title)}: ${[...diagram.nodes.values()].join(" | ")}`);
  return ids[0]!;
}

/** First label lines along fallback edges from `title`, until an end or a node seen before. */
export function fallbackChain(diagram: ParsedMermaid, title: string): string[] {
  const chain = [title];
  let id = nodeTitled(diagram, title);
  const seen = new Set([id]);
  for (;;) {
    const edge = diagram.edges.find((e) => e.from === id && e.label.startsWith("fallback"));
    if (!edge || seen.has(edge.to)) return chain;
    seen.add((id = edge.to));
    chain.push(diagram.nodes.get(id)!.split("\n")[0]!);
  }
}
