/**
 * The Mermaid diagram of the summary: the rules a change touches and their fallback chains.
 * Kept behind this one function so that it can move onto the routing-graph model (src/graph)
 * when that lands, without the summary changing.
 */

export type DiagramChange = "create" | "update" | "delete" | "replace" | "same";

export interface DiagramRule {
  readonly key: string;
  readonly name: string;
  readonly change: DiagramChange;
  readonly priority?: number;
  readonly interactionType?: string;
  /** The fallback: a rule of the stack by key, or only a CXone name (a rule the stack does not hold). */
  readonly fallback?: { readonly key?: string; readonly name: string };
}

export interface TouchedDiagram {
  /** Mermaid source (no fences); empty when no rule is touched. */
  readonly mermaid: string;
  readonly shown: number;
  /** Rules in the diagram's reach left out to keep it readable. */
  readonly omitted: number;
}

// Mermaid labels: quotes and markup characters as entity codes, so any rule name is safe.
const label = (text: string) => text.replace(/[#"<>]/g, (c) => `#${c.charCodeAt(0)};`);

/**
 * Touched rules (created, updated, replaced, deleted) and every rule on their fallback chains, in
 * key order; at most `maxRules` (touched ones first). Same input, same text.
 */
export function touchedMermaid(rules: readonly DiagramRule[], maxRules = 60): TouchedDiagram {
  const byKey = new Map(rules.map((r) => [r.key, r]));
  const touched = rules.filter((r) => r.change !== "same").sort((a, b) => (a.key < b.key ? -1 : 1));
  if (touched.length === 0) return { mermaid: "", shown: 0, omitted: 0 };
  const reach: string[] = touched.map((r) => r.key);
  const seen = new Set(reach);
  for (let i = 0; i < reach.length; i++) {
    const next = byKey.get(reach[i]!)?.fallback?.key;
    if (next && !seen.has(next) && byKey.has(next)) {
      seen.add(next);
      reach.push(next);
    }
  }
  const shown = reach.slice(0, maxRules);
  const inDiagram = new Set(shown);
  const ordered = [...shown].sort();
  const id = new Map(ordered.map((key, i) => [key, `r${i}`]));
  const lines = ["flowchart LR"];
  const outside: string[] = [];
  for (const key of ordered) {
    const r = byKey.get(key)!;
    const detail = [r.interactionType, r.priority !== undefined ? `priority ${r.priority}` : undefined].filter(Boolean).join(", ");
    const mark = r.change === "same" ? "" : ` (${r.change})`;
    lines.push(`  ${id.get(key)}["${label(key)}${mark}<br/>${label(r.name)}${detail ? `<br/>${label(detail)}` : ""}"]:::c_${r.change}`);
  }
  for (const key of ordered) {
    const r = byKey.get(key)!;
    if (!r.fallback) continue;
    const arrow = r.change === "delete" ? "-.->" : "-->";
    if (r.fallback.key && inDiagram.has(r.fallback.key)) {
      lines.push(`  ${id.get(key)} ${arrow}|fallback| ${id.get(r.fallback.key)}`);
    } else if (!r.fallback.key) {
      const node = `x${outside.length}`;
      outside.push(`  ${node}["${label(r.fallback.name)}<br/>not in this stack"]:::c_outside`);
      lines.push(`  ${id.get(key)} ${arrow}|fallback| ${node}`);
    }
  }
  lines.push(...outside);
  lines.push(
    "  classDef c_create fill:#dafbe1,stroke:#1a7f37",
    "  classDef c_update fill:#fff8c5,stroke:#9a6700",
    "  classDef c_replace fill:#ffebe9,stroke:#cf222e",
    "  classDef c_delete fill:#ffebe9,stroke:#cf222e,stroke-dasharray:4 3",
    "  classDef c_same fill:#f6f8fa,stroke:#8c959f",
    "  classDef c_outside fill:#ffffff,stroke:#8c959f,stroke-dasharray:2 2",
  );
  return { mermaid: lines.join("\n"), shown: shown.length, omitted: reach.length - shown.length };
}
