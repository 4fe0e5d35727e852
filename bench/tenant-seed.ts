import type { SeedInput, SeedRule } from "../src/simulator/index";

const TYPES = ["voice", "chat", "email", "sms", "social", "workitem"] as const;

/**
 * A tenant as a console-built contact center holds it, for export tests and the export benchmark:
 * `count` rules over every interaction type, fallback chains of up to four hops (rule i falls back
 * to rule i+1 inside each block of five), regex, number and boolean conditions, disabled rules,
 * queue, skill and agent targets, two names that give the same kebab key, and one webhook with a
 * signing secret. Priorities are unique and every rule has its own condition, so the stack-wide
 * analysis finds nothing.
 */
export function tenantSeed(count: number): SeedInput {
  const rules: SeedRule[] = [];
  for (let i = 0; i < count; i++) {
    const type = TYPES[i % TYPES.length]!;
    const n = String(i + 1).padStart(4, "0");
    const name = i === 1 ? "Sales: EMEA" : i === 2 ? "Sales EMEA" : i === 3 ? 'VIP "Gold" / Priority #1' : `${type} route ${n}`;
    const conditions: SeedRule["conditions"] = [{ field: `attr${i}`, operator: "equals", value: `v${i}` }];
    if (i % 7 === 0) conditions.push({ field: "phone", operator: "matchesRegex", value: "^\\+1\\d{3}-\\d{4}$" });
    if (i % 11 === 0) conditions.push({ field: "waitSeconds", operator: "greaterThan", value: 30 + i });
    if (i % 13 === 0) conditions.push({ field: "vip", operator: "equals", value: true, conditionGroupId: "g1" });
    const targets: SeedRule["targets"] =
      i % 3 === 0
        ? [
            { type: "queue", id: `queue-${i % 20}`, weight: 60, capacity: 10 + i },
            { type: "skill", id: `skill-${i % 5}`, weight: 40, capacity: 5 },
          ]
        : i % 10 === 4
          ? [{ type: "agent", id: `agent-${i % 4}`, weight: 100, capacity: 1 }]
          : [{ type: "queue", id: `queue-${i % 20}`, weight: 100, capacity: 20 }];
    rules.push({
      id: `rule-${n}`,
      name,
      ...(i % 4 === 0 ? { description: i === 0 ? 'Routes "high-value" callers' : `seeded rule ${n}` } : {}),
      priority: i + 1,
      enabled: i % 9 !== 5,
      interactionType: type,
      conditions,
      targets,
      ...(i % 5 !== 4 && i + 1 < count ? { fallbackRuleId: `rule-${String(i + 2).padStart(4, "0")}` } : {}),
    });
  }
  return {
    rules,
    webhooks: [
      {
        name: "RoutingRuleSync",
        enabled: true,
        targetURL: "https://orchestration.example.com/hooks/cxone",
        eventFilter: "routing.rule.created routing.rule.updated routing.rule.deleted",
        secret: "tenant-signing-secret-0123",
      },
    ],
  };
}
