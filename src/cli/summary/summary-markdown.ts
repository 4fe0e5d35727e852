import { changedGraph, diffRuleSets, limitRules, ruleNodes, toMermaid, type RoutingGraph } from "../../graph";
import type { WhatIfReport } from "../../routing/what-if-report";
import { SECRET, UNKNOWN } from "./field-changes";
import type { Plan, PlannedObject } from "./preview-plan";

/** GitHub's limit on a comment body (and a job summary's step). */
export const GITHUB_COMMENT_LIMIT = 65_536;

export interface SummaryInput {
  readonly stack: string;
  readonly plan: Plan;
  /** What the program's preview reported about routing; undefined when its analysis did not get that far. */
  readonly whatIf: WhatIfReport | undefined;
  /** `pulumi preview` succeeded. */
  readonly previewOk: boolean;
}

interface Limits {
  planRows: number;
  passedTests: number;
  impactRows: number;
  diagramRules: number;
  messages: number;
}

const FULL: Limits = { planRows: Infinity, passedTests: Infinity, impactRows: Infinity, diagramRules: 60, messages: Infinity };
const SYMBOL: Record<string, string> = { create: "+", update: "~", delete: "-", replace: "+-" };

/** A value in a table cell: JSON in code, pipes escaped, long values cut. */
function cell(value: unknown): string {
  if (value === undefined) return "—";
  if (value === UNKNOWN) return "_known after up_";
  if (value === SECRET) return "_secret_";
  let text = JSON.stringify(value);
  if (text.length > 120) text = `${text.slice(0, 117)}...`;
  return `\`${text.replace(/\|/g, "\\|").replace(/`/g, "'")}\``;
}

const esc = (text: string) => text.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");

function planRows(o: PlannedObject): string[] {
  const what = `${SYMBOL[o.op]} ${o.op}`;
  const who = `${o.kind} \`${o.key}\`<br/>${esc(o.name)}`;
  if (o.op === "create") return [`| ${what} | ${who} | _new_ | | |`];
  if (o.op === "delete") return [`| ${what} | ${who} | _removed_ | | |`];
  if (o.fields.length === 0) {
    const hidden = o.hiddenChange.length > 0 ? `secret input(s) ${o.hiddenChange.map((f) => `\`${f}\``).join(", ")}: values not shown` : "";
    return [`| ${what} | ${who} | ${hidden} | | |`];
  }
  return o.fields.map(
    (f, i) => `| ${i === 0 ? what : ""} | ${i === 0 ? who : ""} | \`${f.path}\` | ${cell(f.before)} | ${cell(f.after)} |`,
  );
}

function counts(plan: Plan): string {
  const n = (op: string) => plan.objects.filter((o) => o.op === op).length;
  const parts = [
    ["create", "to create"],
    ["update", "to update"],
    ["replace", "to replace"],
    ["delete", "to delete"],
    ["same", "unchanged"],
  ]
    .filter(([op]) => n(op!) > 0)
    .map(([op, words]) => `${n(op!)} ${words}`);
  return parts.length > 0 ? parts.join(", ") : "no routing rule or webhook";
}

const more = (n: number, what: string, stack: string) =>
  `\n_… ${n} more ${what} not shown: the comment would pass GitHub's ${GITHUB_COMMENT_LIMIT.toLocaleString("en-US")}-character limit. \`pulumi preview --diff --stack ${stack}\` shows everything._`;

function renderWith(input: SummaryInput, touched: RoutingGraph, limits: Limits): string {
  const { stack, plan, whatIf } = input;
  const out: string[] = [];
  const changed = plan.objects.filter((o) => o.op !== "same");
  // A failed preview plans only what registered before the failure: no counts that would mislead.
  const verdict = input.previewOk ? `preview passed · ${counts(plan)}` : "**preview failed: nothing can be applied as is**";
  out.push(`## Routing change: stack \`${stack}\``, "", verdict, "");

  out.push("### Plan", "");
  if (!input.previewOk) {
    out.push(
      changed.length === 0
        ? "_No plan: the preview stopped before the engine planned the routing rules. Fix what the sections below report, and the plan appears here._"
        : "_The preview stopped early: this plan is partial._",
    );
  }
  if (changed.length === 0 && input.previewOk) out.push("No routing rule or webhook changes.");
  else if (changed.length > 0) {
    const rows = changed.flatMap(planRows);
    out.push("| | Resource | Field | Before | After |", "|---|---|---|---|---|", ...rows.slice(0, limits.planRows));
    if (rows.length > limits.planRows) out.push(more(rows.length - limits.planRows, "plan row(s)", stack));
  }

  out.push("", "### Routing tests", "");
  if (!whatIf) out.push("_Not run: the preview stopped before the routing tests (see the errors below)._");
  else if (whatIf.tests.length === 0) out.push("_This program declares no routing tests._");
  else {
    const failed = whatIf.tests.filter((t) => !t.passed);
    const passed = whatIf.tests.filter((t) => t.passed);
    out.push(`**${passed.length} passed, ${failed.length} failed**`);
    if (failed.length > 0) {
      out.push("", "| Failed test | Interaction | Routed to | Expected | Why |", "|---|---|---|---|---|");
      for (const t of failed) {
        out.push(
          `| ❌ ${esc(t.name)} | \`${esc(t.interaction)}\` | ${esc(t.routedTo ?? "")} | ${esc(t.expected ?? "")} | ${esc(t.why ?? "")} |`,
        );
      }
    }
    const shownPassed = passed.slice(0, limits.passedTests);
    if (shownPassed.length > 0) {
      out.push("", "<details><summary>Passed tests</summary>", "", ...shownPassed.map((t) => `- ✅ ${esc(t.name)}`), "", "</details>");
    }
    if (passed.length > shownPassed.length) out.push(more(passed.length - shownPassed.length, "passed test name(s)", stack));
  }

  out.push("", "### Routing impact", "");
  const impact = whatIf?.impact;
  if (!impact) out.push("_No impact report: it needs routing tests or a corpus (`cxone:impactCorpus`) and the tenant's rules._");
  else {
    const r = impact.report;
    out.push(
      `**${r.changed} of ${r.total}** interaction(s) (${esc(impact.samples)}) route differently under this change than on the tenant now.`,
    );
    if (r.rows.length > 0) {
      out.push("", "| Before | After | Count |", "|---|---|---:|");
      for (const row of r.rows.slice(0, limits.impactRows)) out.push(`| ${esc(row.before)} | ${esc(row.after)} | ${row.count} |`);
      if (r.rows.length > limits.impactRows) out.push(more(r.rows.length - limits.impactRows, "impact row(s)", stack));
    }
  }

  out.push(...diagramSection(input, touched, limits.diagramRules));

  const messages = [
    ...plan.errors.filter((m) => !(whatIf && /routing test\(s\) failed/.test(m))).map((m) => ({ kind: "error", m })),
    ...plan.warnings.map((m) => ({ kind: "warning", m })),
  ];
  if (messages.length > 0) {
    out.push("", "### Errors and warnings", "");
    for (const { kind, m } of messages.slice(0, limits.messages))
      out.push(`- **${kind}**:`, "", "  ```text", ...m.split("\n").map((l) => `  ${l}`), "  ```");
    if (messages.length > limits.messages) out.push(more(messages.length - limits.messages, "message(s)", stack));
  }
  out.push("", `<sub>\`cxone-routing summary --stack ${stack}\`, from \`pulumi preview --json\`.</sub>`);
  return `${out.join("\n")}\n`;
}

/**
 * What the change touches in the routing graph (src/graph): the plan's rules as they are and as
 * they will be, diffed, then only what the diff touches plus one hop of context (as
 * `toMermaid(graph, { changedOnly: true })` draws it) and the touched rules' whole fallback
 * chains: where their interactions end up. Fallbacks outside the stack show their names.
 */
function touchedGraph(plan: Plan): RoutingGraph {
  const rules = plan.objects.filter((o) => o.kind === "RoutingRule");
  const before = rules.flatMap((o) => (o.before ? [o.before] : []));
  const after = rules.flatMap((o) => (o.after ? [o.after] : []));
  const diff = diffRuleSets(before, after, { outsideLabel: (id) => plan.fallbackNames.get(id) });
  return changedGraph(diff, { fallbackChains: true });
}

/**
 * The diagram of the touched rules, at most `maxRules` of them (touched ones first), and what the
 * preview hid from it (for the touched rules and the drawn ones). Nothing when there is neither.
 */
function diagramSection({ plan, stack }: SummaryInput, touched: RoutingGraph, maxRules: number): string[] {
  const { graph, omitted } = limitRules(touched, maxRules);
  const drawn = new Set(ruleNodes(graph).map((r) => r.key));
  const notes = plan.objects.flatMap((o) => (o.graphNote && (o.op !== "same" || drawn.has(o.key)) ? [o.graphNote] : []));
  if (graph.nodes.length === 0 && notes.length === 0) return [];
  const out = ["", "### Rules this change touches, and their fallbacks", ""];
  if (graph.nodes.length > 0) out.push("```mermaid", toMermaid(graph).trimEnd(), "```");
  if (omitted > 0) out.push(more(omitted, "rule(s) of the diagram", stack));
  if (notes.length > 0) {
    out.push("", ...notes.slice(0, maxRules).map((n) => `- _${esc(n)}_`));
    if (notes.length > maxRules) out.push(more(notes.length - maxRules, "note(s) on hidden values", stack));
  }
  return out;
}

/**
 * The summary as Markdown for a pull-request comment or a job summary: the plan per rule with
 * field changes, the routing tests, the impact table, the diagram of touched rules, and the
 * preview's errors and warnings. Same input, same text; never longer than `limit`: sections are
 * cut from the least read (passed test names) to the plan rows, each cut says so.
 */
export function renderSummary(input: SummaryInput, limit = GITHUB_COMMENT_LIMIT): string {
  // Once: every render below draws from it.
  const touched = touchedGraph(input.plan);
  const render = (limits: Limits) => renderWith(input, touched, limits);
  const full = render(FULL);
  if (full.length <= limit) return full;
  const reduced: Limits = { planRows: Infinity, passedTests: 0, impactRows: 20, diagramRules: 30, messages: 5 };
  if (render(reduced).length <= limit) return render(reduced);
  // The plan rows: the largest number that fits.
  let lo = 0;
  let hi = input.plan.objects.length * 50;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (render({ ...reduced, planRows: mid }).length <= limit) lo = mid;
    else hi = mid - 1;
  }
  const text = render({ ...reduced, planRows: lo });
  if (text.length <= limit) return text;
  // Not even without plan rows (huge messages): cut at a line, close an open fence, say so.
  const note = `\n\n_… cut here: the summary would pass GitHub's ${GITHUB_COMMENT_LIMIT}-character limit. \`pulumi preview --diff --stack ${input.stack}\` shows everything._\n`;
  let cut = text.slice(0, text.lastIndexOf("\n", limit - note.length - 16));
  if ((cut.match(/```/g) ?? []).length % 2 === 1) cut += "\n```";
  return `${cut}${note}`;
}
