import { describe, expect, it } from "vitest";
import { fieldChanges, UNKNOWN } from "../../../src/cli/summary/field-changes";
import { planFromPreview, type PreviewJson } from "../../../src/cli/summary/preview-plan";
import { GITHUB_COMMENT_LIMIT, renderSummary } from "../../../src/cli/summary/summary-markdown";
import type { WhatIfReport } from "../../../src/routing/what-if-report";
import { fallbackChain, mermaidBlock, nodeTitled } from "../../helpers/graph-parse";

const RULE = "pulumi-nodejs:dynamic/cxone:RoutingRule";
const urn = (key: string) => `urn:pulumi:dev::infra::${RULE}::${key}`;
const rule = (name: string, priority: number, extra: Record<string, unknown> = {}) => ({
  __provider: "exports.handler = ...",
  name,
  priority,
  interactionType: "voice",
  enabled: true,
  conditions: [],
  targets: [{ type: "queue", id: `q-${name}`, weight: 100, capacity: 10 }],
  ...extra,
});

/** A preview as `pulumi preview --json --show-sames` gives it for dynamic resources: no detailedDiff. */
function preview(extraRules = 0): PreviewJson {
  const vipOld = rule("VIP", 10, {
    fallbackRuleId: "id-overflow",
    fallbackRuleName: "Overflow",
    targets: [
      { type: "queue", id: "q-1", weight: 70, capacity: 50 },
      { type: "queue", id: "q-2", weight: 30, capacity: 30 },
    ],
  });
  const vipNew = {
    ...vipOld,
    targets: [
      { type: "queue", id: "q-1", weight: 60, capacity: 50 },
      { type: "queue", id: "q-2", weight: 40, capacity: 30 },
    ],
  };
  // Falls back to a rule outside the stack: the preview names it (fallbackRuleName).
  const overflow = rule("Overflow", 50, { fallbackRuleId: "id-remote", fallbackRuleName: "Console Rule" });
  const steps: NonNullable<PreviewJson["steps"]>[number][] = [
    { op: "same", urn: "urn:pulumi:dev::infra::pulumi:pulumi:Stack::infra-dev" },
    {
      op: "update",
      urn: urn("voice-vip"),
      oldState: { type: RULE, id: "id-vip", inputs: vipOld },
      newState: { type: RULE, inputs: vipNew },
    },
    {
      op: "same",
      urn: urn("voice-overflow"),
      oldState: { type: RULE, id: "id-overflow", inputs: overflow },
      newState: { type: RULE, inputs: overflow },
    },
    {
      op: "create",
      urn: urn("voice-new"),
      newState: { type: RULE, inputs: rule("New", 20, { fallbackRuleId: UNKNOWN, fallbackRuleName: "VIP" }) },
    },
    {
      op: "delete",
      urn: urn("voice-old"),
      oldState: { type: RULE, id: "id-old", inputs: rule("Old", 30, { fallbackRuleId: "id-vip", fallbackRuleName: "VIP" }) },
    },
  ];
  for (let i = 0; i < extraRules; i++) {
    const key = `bulk-${String(i).padStart(4, "0")}`;
    steps.push({
      op: "update",
      urn: urn(key),
      oldState: { type: RULE, id: `id-${key}`, inputs: rule(key, 100 + i, { description: "x".repeat(80) }) },
      newState: {
        type: RULE,
        inputs: rule(key, 100 + i, { description: "y".repeat(80), targets: [{ type: "queue", id: `q-${key}`, weight: 50 }] }),
      },
    });
  }
  return {
    steps,
    diagnostics: [
      { severity: "warning", message: 'warning: RoutingRule "voice-old": shadowed\n' },
      { severity: "info", message: "routing impact: ..." },
    ],
  };
}

const whatIf: WhatIfReport = {
  tests: [
    { name: "vip reaches vip", interaction: 'voice {"segment":"vip"}', passed: true },
    {
      name: "billing | reaches billing",
      interaction: "voice {}",
      passed: false,
      routedTo: 'rule "voice-new"',
      expected: 'rule "voice-billing"',
      why: "evaluated first",
    },
  ],
  impact: {
    samples: "2 test case(s)",
    report: { total: 2, changed: 1, rows: [{ before: "VIP", after: "VIP (targets changed)", count: 1 }], examples: [] },
  },
};

describe("field changes of dynamic resources (computed from the preview's old and new inputs)", () => {
  it("pairs targets by type and id, conditions by field and operator; lists without identity as sets", () => {
    expect(
      fieldChanges(
        {
          __urn: "a",
          targets: [{ type: "queue", id: "q-1", weight: 70 }],
          conditions: [{ field: "f", operator: "equals", value: 1 }],
          tags: ["a"],
        },
        {
          __urn: "b",
          targets: [{ type: "queue", id: "q-1", weight: 60 }],
          conditions: [{ field: "f", operator: "equals", value: 2 }],
          tags: ["b"],
        },
      ),
    ).toEqual([
      { path: "conditions[f equals].value", before: 1, after: 2 },
      { path: "tags[-]", before: "a", after: undefined },
      { path: "tags[+]", before: undefined, after: "b" },
      { path: "targets[queue q-1].weight", before: 70, after: 60 },
    ]);
  });
  it("shows a fallback by name, not by id, and leaves the engine's own fields out", () => {
    expect(
      fieldChanges(
        { fallbackRuleId: "1", fallbackRuleName: "A", __provider: "x" },
        { fallbackRuleId: "2", fallbackRuleName: "B", __provider: "y" },
      ),
    ).toEqual([{ path: "fallbackRuleName", before: "A", after: "B" }]);
  });
});

describe("the PR summary", () => {
  it("renders the plan per rule with field changes, tests, impact and the touched rules' diagram", () => {
    const text = renderSummary({ stack: "dev", plan: planFromPreview(preview()), whatIf, previewOk: false });
    expect(text).toContain(
      "**preview failed: nothing can be applied as is**\n\n### Plan\n\n_The preview stopped early: this plan is partial._",
    );
    expect(renderSummary({ stack: "dev", plan: planFromPreview(preview()), whatIf, previewOk: true })).toContain(
      "preview passed · 1 to create, 1 to update, 1 to delete, 1 unchanged",
    );
    expect(text).toContain("| ~ update | RoutingRule `voice-vip`<br/>VIP | `targets[queue q-1].weight` | `70` | `60` |");
    expect(text).toContain("|  |  | `targets[queue q-2].weight` | `30` | `40` |");
    expect(text).toContain("| + create | RoutingRule `voice-new`<br/>New | _new_ | | |");
    expect(text).toContain("| - delete | RoutingRule `voice-old`<br/>Old | _removed_ | | |");
    expect(text).toContain("**1 passed, 1 failed**");
    expect(text).toContain("| ❌ billing \\| reaches billing |");
    expect(text).toContain("| VIP | VIP (targets changed) | 1 |");
    // The diagram, read as a reviewer does: what changed, was added, was removed, and where each falls back to.
    const diagram = mermaidBlock(text);
    const vip = nodeTitled(diagram, "VIP");
    expect(diagram.classes.get("changed")).toEqual([vip]);
    expect(diagram.nodes.get(vip)).toContain("[changed: targets]");
    expect(diagram.edges.filter((e) => e.from === vip && e.label.includes("(was ")).map((e) => e.label)).toEqual([
      "60% cap 50 (was 70% cap 50)",
      "40% cap 30 (was 30% cap 30)",
    ]);
    expect(fallbackChain(diagram, "VIP")).toEqual(["VIP", "Overflow", "outside the set: Console Rule"]);
    expect(diagram.classes.get("added")).toContain(nodeTitled(diagram, "New"));
    expect(diagram.nodes.get(nodeTitled(diagram, "New"))).toContain("[added]");
    // A new rule's fallback id is known only after up: its fallback is found by name.
    expect(fallbackChain(diagram, "New")).toEqual(["New", "VIP", "Overflow", "outside the set: Console Rule"]);
    expect(diagram.classes.get("removed")).toContain(nodeTitled(diagram, "Old"));
    expect(fallbackChain(diagram, "Old")).toEqual(["Old", "VIP", "Overflow", "outside the set: Console Rule"]);
    expect(text).not.toContain(UNKNOWN);
    expect(text).toContain("**warning**:");
    expect(text).not.toContain("routing impact: ...");
  });

  it("is the same text for the same plan, whatever order the preview lists the steps in", () => {
    const p = preview(30);
    const reversed = { ...p, steps: [...(p.steps ?? [])].reverse() };
    const a = renderSummary({ stack: "dev", plan: planFromPreview(p), whatIf, previewOk: true });
    const b = renderSummary({ stack: "dev", plan: planFromPreview(reversed), whatIf, previewOk: true });
    expect(a).toBe(b);
  });

  it("fits GitHub's comment limit with a clear note on what was cut", () => {
    const plan = planFromPreview(preview(2000));
    const full = renderSummary({ stack: "dev", plan, whatIf, previewOk: true }, Number.MAX_SAFE_INTEGER);
    expect(full.length).toBeGreaterThan(GITHUB_COMMENT_LIMIT);
    const text = renderSummary({ stack: "dev", plan, whatIf, previewOk: true });
    expect(text.length).toBeLessThanOrEqual(GITHUB_COMMENT_LIMIT);
    expect(text).toMatch(
      /_… \d+ more plan row\(s\) not shown: the comment would pass GitHub's 65,536-character limit\. `pulumi preview --diff --stack dev` shows everything\._/,
    );
    // Every rule is touched or on a touched rule's fallback chain: drawn or counted as left out, the changed VIP drawn.
    const drawn = [...mermaidBlock(text).nodes.keys()].filter((id) => /^d?r/.test(id)).length;
    const omitted = Number(/_… (\d+) more rule\(s\) of the diagram not shown/.exec(text)?.[1]);
    expect(drawn + omitted).toBe(plan.objects.length);
    // Touched rules come first: every rule drawn is one this change touches.
    const diagram = mermaidBlock(text);
    const touched = ["changed", "added", "removed"].flatMap((c) => diagram.classes.get(c) ?? []).filter((id) => /^d?r/.test(id));
    expect(touched.sort()).toEqual([...diagram.nodes.keys()].filter((id) => /^d?r/.test(id)).sort());
    // The later sections survive the cut.
    expect(text).toContain("**1 passed, 1 failed**");
    expect((text.match(/```/g) ?? []).length % 2).toBe(0);
  });
});

describe("fallbacks in the diagram", () => {
  it("a known id the stack does not hold is a rule outside it, even when its name is one of the stack's", () => {
    const steps = [
      {
        op: "update",
        urn: urn("voice-a"),
        oldState: { type: RULE, id: "id-a", inputs: rule("A", 10) },
        newState: { type: RULE, inputs: rule("A", 10, { fallbackRuleId: "id-console", fallbackRuleName: "B" }) },
      },
      {
        op: "same",
        urn: urn("voice-b"),
        oldState: { type: RULE, id: "id-b", inputs: rule("B", 20) },
        newState: { type: RULE, inputs: rule("B", 20) },
      },
    ];
    const text = renderSummary({ stack: "dev", plan: planFromPreview({ steps }), whatIf: undefined, previewOk: true });
    const diagram = mermaidBlock(text);
    expect(diagram.nodes.get(nodeTitled(diagram, "A"))).toContain("[changed: fallback]");
    expect(fallbackChain(diagram, "A")).toEqual(["A", "outside the set: B"]);
  });
});

describe("the diagram when the preview hides values", () => {
  const step = (key: string, op: string, before?: Record<string, unknown>, after?: Record<string, unknown>) => ({
    op,
    urn: urn(key),
    ...(before ? { oldState: { type: RULE, id: `id-${key}`, inputs: before } } : {}),
    ...(after ? { newState: { type: RULE, inputs: after } } : {}),
  });

  it("draws a hidden value as it is now or leaves the rule out, says which, and never prints a placeholder", () => {
    const steps = [
      // A priority only `pulumi up` will know: drawn with the priority it has now.
      step("voice-a", "update", rule("A", 10), rule("A", 10, { priority: UNKNOWN, targets: [{ type: "queue", id: "q-A", weight: 50 }] })),
      // A new rule whose target id is known only after up: nothing to place it by.
      step("voice-b", "create", undefined, rule("B", 20, { targets: [{ type: "queue", id: UNKNOWN, weight: 100 }] })),
      // A new rule whose fallback and name are unknown: its key for a name, no fallback.
      step("voice-c", "create", undefined, rule("C", 30, { name: UNKNOWN, fallbackRuleId: UNKNOWN, fallbackRuleName: UNKNOWN })),
      // Secret conditions on both sides of an update: not drawn.
      step("voice-d", "update", rule("D", 40, { conditions: "[secret]" }), rule("D", 40, { conditions: "[secret]", enabled: false })),
    ];
    const text = renderSummary({ stack: "dev", plan: planFromPreview({ steps }), whatIf: undefined, previewOk: true });
    expect(text).not.toContain(UNKNOWN);
    const diagram = mermaidBlock(text);
    expect(diagram.nodes.get(nodeTitled(diagram, "A"))).toContain("priority 10");
    expect(diagram.classes.get("changed")).toEqual([nodeTitled(diagram, "A")]);
    expect(diagram.classes.get("added")).toContain(nodeTitled(diagram, "voice-c"));
    expect(fallbackChain(diagram, "voice-c")).toEqual(["voice-c"]);
    expect([...diagram.nodes.values()].map((l) => l.split("\n")[0])).not.toContain("B");
    expect([...diagram.nodes.values()].map((l) => l.split("\n")[0])).not.toContain("D");
    const hidden = "(secret, or known only after `pulumi up`)";
    expect(text).toContain(`- _\`voice-a\`: the preview hides its priority ${hidden}; drawn with its priority as it is now_`);
    expect(text).toContain(`- _\`voice-b\`: the preview hides its targets ${hidden}; not drawn_`);
    expect(text).toContain(`- _\`voice-c\`: the preview hides its name, fallback ${hidden}; drawn with its key for a name, no fallback_`);
    expect(text).toContain(`- _\`voice-d\`: the preview hides its conditions ${hidden}; not drawn_`);
  });
});
