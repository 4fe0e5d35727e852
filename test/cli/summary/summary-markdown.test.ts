import { describe, expect, it } from "vitest";
import { fieldChanges, UNKNOWN } from "../../../src/cli/summary/field-changes";
import { planFromPreview, type PreviewJson } from "../../../src/cli/summary/preview-plan";
import { GITHUB_COMMENT_LIMIT, renderSummary } from "../../../src/cli/summary/summary-markdown";
import { touchedMermaid } from "../../../src/cli/summary/touched-mermaid";
import type { WhatIfReport } from "../../../src/routing/what-if-report";

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
      oldState: { type: RULE, id: "id-overflow", inputs: rule("Overflow", 50) },
      newState: { type: RULE, inputs: rule("Overflow", 50, { fallbackRuleId: "id-remote", fallbackRuleName: "Console Rule" }) },
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
      newState: { type: RULE, inputs: rule(key, 100 + i, { description: "y".repeat(80) }) },
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
    // The diagram: touched rules, their fallback chains (a rule outside the stack by name), no other rule.
    const diagram = text.slice(text.indexOf("```mermaid"), text.indexOf("```", text.indexOf("```mermaid") + 3));
    expect(diagram).toContain('["voice-new (create)<br/>New<br/>voice, priority 20"]:::c_create');
    expect(diagram).toContain('["voice-overflow<br/>Overflow<br/>voice, priority 50"]:::c_same');
    expect(diagram).toMatch(/r\d -->\|fallback\| x0/);
    expect(diagram).toContain('x0["Console Rule<br/>not in this stack"]');
    // A deleted rule's old fallback is dashed.
    expect(diagram).toContain("r1 -.->|fallback| r3");
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
    expect(text).toMatch(/_… \d+ more rule\(s\) of the diagram not shown/);
    // The later sections survive the cut.
    expect(text).toContain("**1 passed, 1 failed**");
    expect(text).toContain("```mermaid");
    expect((text.match(/```/g) ?? []).length % 2).toBe(0);
  });
});

describe("touchedMermaid", () => {
  it("draws nothing when no rule is touched, and follows fallback chains without looping", () => {
    expect(touchedMermaid([{ key: "a", name: "A", change: "same" }]).mermaid).toBe("");
    const d = touchedMermaid([
      { key: "a", name: 'A "quoted" <b>', change: "update", fallback: { key: "b", name: "B" } },
      { key: "b", name: "B", change: "same", fallback: { key: "a", name: "A" } },
      { key: "c", name: "C", change: "same" },
    ]);
    expect(d.shown).toBe(2);
    expect(d.mermaid).toContain('r0["a (update)<br/>A #34;quoted#34; #60;b#62;"]:::c_update');
    expect(d.mermaid).toContain("r0 -->|fallback| r1");
    expect(d.mermaid).toContain("r1 -->|fallback| r0");
    expect(d.mermaid).not.toContain('"c');
  });
});
