import { describe, expect, it } from "vitest";
import { computeImpact, formatImpact } from "../../src/routing";
import { rule } from "./fixtures";

describe("computeImpact: which samples route differently, counted by old -> new rule", () => {
  const before = [
    rule("t-vip", { name: "VIP", priority: 10, conditions: [{ field: "wait", operator: "lessThan", value: 60 }] }),
    rule("t-gen", { name: "General" }),
  ];
  const after = [
    rule("vip", {
      name: "VIP",
      priority: 10,
      conditions: [{ field: "wait", operator: "lessThan", value: 120 }],
      targets: [{ type: "queue", id: "q-t-vip", weight: 100 }],
    }),
    rule("gen", {
      name: "General",
      targets: [
        { type: "queue", id: "q-t-gen", weight: 50 },
        { type: "queue", id: "q-other", weight: 50 },
      ],
    }),
  ];
  const samples = [30, 90, 100, 200].map((wait, i) => ({ interactionType: "voice", attributes: { wait }, source: `line ${i + 1}` }));

  it("compares by rule name; the same rule with other targets counts as a change", () => {
    const report = computeImpact(before, after, samples, { examples: 2 });
    expect(report.total).toBe(4);
    expect(report.changed).toBe(3);
    expect(report.rows).toEqual([
      { before: "General", after: "VIP", count: 2 },
      { before: "General", after: "General (targets changed)", count: 1 },
    ]);
    expect(report.examples.map((e) => e.sample.source)).toEqual(["line 2", "line 3"]);
    const text = formatImpact(report, "4 samples");
    expect(text).toContain("routing impact: 3 of 4 interaction(s) (4 samples) route differently");
    expect(text).toMatch(/General\s+-> VIP\s+2/);
    expect(text).toContain('line 2: voice {"wait":90}: General -> VIP');
  });

  it("reports nothing moved when the sets agree", () => {
    expect(computeImpact(before, before, samples).changed).toBe(0);
  });
});
