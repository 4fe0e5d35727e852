import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { formatRoutingTestFailure, parseRoutingTestCase, runRoutingTests, type RoutingTestCase } from "../../src/routing";
import { allRules } from "../../examples/routing-infra/rules";

describe("examples/routing-infra/routing.routing-test.json", () => {
  it("holds a dozen cases that all pass against the example's rules", () => {
    const file = path.join(__dirname, "..", "..", "examples", "routing-infra", "routing.routing-test.json");
    const cases = (JSON.parse(readFileSync(file, "utf8")) as unknown[]).map(
      (c, i) => parseRoutingTestCase(c, `#${i + 1}`) as RoutingTestCase,
    );
    expect(cases).toHaveLength(12);
    const rules = allRules.map((r) => ({
      key: r.key,
      name: r.name,
      priority: r.priority,
      enabled: r.enabled ?? true,
      interactionType: r.interactionType,
      conditions: r.conditions ?? [],
      targets: r.targets.map((t) => ({ type: "queue", id: t.queue, weight: t.weight })),
      ...(r.fallback ? { fallback: r.fallback } : {}),
    }));
    expect(runRoutingTests(rules, cases).map(formatRoutingTestFailure)).toEqual([]);
  });
});
