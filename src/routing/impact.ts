import { describeInteraction } from "./describe-route";
import { createRoutingEvaluator, weightedTargets, type EvaluableRule, type Interaction, type RoutingEvaluator } from "./routing-evaluator";

/** An interaction to compare, with where it came from (a case name, a corpus line). */
export interface ImpactSample extends Interaction {
  readonly source: string;
}

/** A move of traffic from one rule to another. */
export interface ImpactRow {
  readonly before: string;
  readonly after: string;
  readonly count: number;
}

/** Which interactions route differently under the program than on the tenant now (printed at preview). */
export interface ImpactReport {
  readonly total: number;
  readonly changed: number;
  /** Counts by `before -> after`, largest first. */
  readonly rows: readonly ImpactRow[];
  /** The first few changed samples. */
  readonly examples: ReadonlyArray<{ readonly sample: ImpactSample; readonly before: string; readonly after: string }>;
}

const NO_RULE = "(no rule)";

/** Rules are compared by CXone name (unique per tenant); a same-named rule with other targets counts as a change. */
function label(rule: EvaluableRule | undefined): string {
  return rule ? rule.name : NO_RULE;
}

function targetSignature(rule: EvaluableRule | undefined): string {
  if (!rule) return "";
  return weightedTargets(rule)
    .map((t) => `${t.type}:${t.id}:${t.weight}`)
    .sort()
    .join(",");
}

/**
 * Which samples route differently under `after` (the program) than under `before` (the tenant
 * now): a different rule, or the same rule with different targets.
 */
export function computeImpact(
  before: readonly EvaluableRule[] | RoutingEvaluator,
  after: readonly EvaluableRule[] | RoutingEvaluator,
  samples: readonly ImpactSample[],
  options: { examples?: number } = {},
): ImpactReport {
  const old = "route" in before ? before : createRoutingEvaluator(before);
  const next = "route" in after ? after : createRoutingEvaluator(after);
  const maxExamples = options.examples ?? 5;
  const counts = new Map<string, ImpactRow>();
  const examples: Array<{ sample: ImpactSample; before: string; after: string }> = [];
  let changed = 0;
  for (const sample of samples) {
    const a = old.match(sample);
    const b = next.match(sample);
    const sameRule = label(a) === label(b);
    if (sameRule && targetSignature(a) === targetSignature(b)) continue;
    changed++;
    const from = label(a);
    const to = sameRule ? `${label(b)} (targets changed)` : label(b);
    const key = `${from}\u0000${to}`;
    const row = counts.get(key);
    counts.set(key, { before: from, after: to, count: (row?.count ?? 0) + 1 });
    if (examples.length < maxExamples) examples.push({ sample, before: from, after: to });
  }
  const rows = [...counts.values()].sort((x, y) => y.count - x.count || x.before.localeCompare(y.before));
  return { total: samples.length, changed, rows, examples };
}

/** The short table printed at preview. */
export function formatImpact(report: ImpactReport, what: string, maxRows = 10): string {
  const header = `routing impact: ${report.changed} of ${report.total} interaction(s) (${what}) route differently under this program than on the tenant now`;
  if (report.changed === 0) return header;
  const rows = report.rows.slice(0, maxRows);
  const w1 = Math.max(6, ...rows.map((r) => r.before.length));
  const w2 = Math.max(5, ...rows.map((r) => r.after.length));
  const lines = [
    header,
    `  ${"before".padEnd(w1)}    ${"after".padEnd(w2)}  ${"count".padStart(6)}`,
    ...rows.map((r) => `  ${r.before.padEnd(w1)} -> ${r.after.padEnd(w2)}  ${String(r.count).padStart(6)}`),
  ];
  if (report.rows.length > rows.length) lines.push(`  ... ${report.rows.length - rows.length} more move(s)`);
  lines.push("  first examples:");
  for (const e of report.examples) lines.push(`    ${e.sample.source}: ${describeInteraction(e.sample)}: ${e.before} -> ${e.after}`);
  return lines.join("\n");
}
