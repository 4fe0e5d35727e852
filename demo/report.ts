import type { ReceivedEvent } from "./orchestration-endpoint";

export function step(title: string): void {
  console.log(`\n=== ${title}`);
}

interface DeployedRule {
  id: string;
  name: string;
  priority: number;
  interactionType: string;
  targets: { type: string; id: string; weight: number }[];
  fallbackRuleId?: string;
}

/** A table of what a stack runs, read back from the API (not from the program). */
export function printDeployment(stack: string, outputs: { ruleIds: Record<string, string> }, server: { rules: unknown[] }): void {
  const ids = new Set(Object.values(outputs.ruleIds));
  const rules = (server.rules as DeployedRule[])
    .filter((r) => ids.has(r.id))
    .sort((a, b) => a.interactionType.localeCompare(b.interactionType) || a.priority - b.priority);
  const nameOf = new Map(rules.map((r) => [r.id, r.name]));
  console.log(`\n${stack}: ${rules.length} routing rules`);
  const rows = rules.map((r) => [
    r.interactionType,
    String(r.priority),
    r.name,
    r.targets.map((t) => `${t.id} ${t.weight}%`).join(", "),
    r.fallbackRuleId ? `-> ${nameOf.get(r.fallbackRuleId) ?? r.fallbackRuleId}` : "",
  ]);
  const header = ["type", "prio", "rule", "targets", "fallback"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => `  ${cells.map((c, i) => c.padEnd(widths[i]!)).join("  ")}`;
  console.log(line(header));
  for (const row of rows) console.log(line(row));
}

export function printEvents(events: readonly ReceivedEvent[]): void {
  const verified = events.filter((e) => e.verified).length;
  console.log(`${events.length} events, ${verified} with a valid HMAC-SHA256 signature`);
  const counts = new Map<string, number>();
  for (const e of events) counts.set(e.type, (counts.get(e.type) ?? 0) + 1);
  for (const [type, n] of counts) console.log(`  ${type}: ${n}`);
  for (const e of events.slice(0, 5))
    console.log(`  e.g. ${e.type} "${e.ruleName}" (delivery ${e.deliveryId}) ${e.verified ? "verified" : "NOT verified"}`);
}
