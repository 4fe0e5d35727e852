import type { EvaluableRule } from "../../routing/routing-evaluator";
import { fieldChanges, hidden as hiddenValue, secretFields, type FieldChange } from "./field-changes";
import { plannedRules } from "./plan-rules";

const KINDS: Record<string, "RoutingRule" | "Webhook"> = {
  "pulumi-nodejs:dynamic/cxone:RoutingRule": "RoutingRule",
  "pulumi-nodejs:dynamic/cxone:Webhook": "Webhook",
};

interface StepState {
  readonly type?: string;
  readonly id?: string;
  readonly inputs?: Record<string, unknown>;
}

/** The part of `pulumi preview --json` the summary reads. */
export interface PreviewJson {
  readonly steps?: ReadonlyArray<{
    readonly op: string;
    readonly urn: string;
    readonly oldState?: StepState;
    readonly newState?: StepState;
  }>;
  readonly diagnostics?: ReadonlyArray<{ readonly message?: string; readonly severity?: string; readonly urn?: string }>;
  readonly changeSummary?: Readonly<Record<string, number>>;
}

export type PlanOp = "create" | "update" | "delete" | "replace" | "same";

/** One routing rule or webhook of the stack, with what the plan does to it. */
export interface PlannedObject {
  readonly kind: "RoutingRule" | "Webhook";
  /** The Pulumi logical name. */
  readonly key: string;
  readonly op: PlanOp;
  /** The CXone name (the program's, else the state's). */
  readonly name: string;
  readonly fields: readonly FieldChange[];
  /** An update whose visible inputs are all equal: only secret inputs (values hidden) differ. */
  readonly hiddenChange: readonly string[];
  /** Rules: as the routing graph reads it, as it is (undefined: created) and as it will be (undefined: deleted). */
  readonly before?: EvaluableRule;
  readonly after?: EvaluableRule;
  /** Rules: what the preview hides of its routing fields, and how the diagram draws it. */
  readonly graphNote?: string;
}

export interface Plan {
  /** Every rule and webhook, sorted by kind then key. */
  readonly objects: readonly PlannedObject[];
  /** Names of fallback rules outside the stack, by CXone id. */
  readonly fallbackNames: ReadonlyMap<string, string>;
  readonly errors: readonly string[];
  readonly warnings: readonly string[];
}

const RANK: Record<string, number> = { same: 0, read: 0, refresh: 0, update: 1, create: 2, delete: 2, replace: 3 };

function planOp(ops: readonly string[]): PlanOp {
  const mapped = ops.map((op): PlanOp => {
    if (op === "create" || op === "update" || op === "delete" || op === "same") return op;
    if (op === "replace" || op === "create-replacement" || op === "delete-replaced") return "replace";
    return "same";
  });
  return mapped.reduce<PlanOp>((a, b) => ((RANK[b] ?? 0) > (RANK[a] ?? 0) ? b : a), "same");
}

const trimMessage = (m: string) => m.replace(/^(error|warning):\s*/, "").trimEnd();

/** The plan of `pulumi preview --json --show-sames`, per rule and webhook, in a stable order. */
export function planFromPreview(preview: PreviewJson): Plan {
  const byUrn = new Map<string, { kind: "RoutingRule" | "Webhook"; ops: string[]; old?: StepState; next?: StepState }>();
  for (const step of preview.steps ?? []) {
    const kind = KINDS[step.newState?.type ?? step.oldState?.type ?? ""];
    if (!kind) continue;
    const entry = byUrn.get(step.urn) ?? { kind, ops: [] };
    entry.ops.push(step.op);
    if (step.oldState && !entry.old) entry.old = step.oldState;
    if (step.newState) entry.next = step.newState;
    byUrn.set(step.urn, entry);
  }
  const keyOf = (urn: string) => urn.slice(urn.lastIndexOf("::") + 2);
  const ops = new Map([...byUrn].map(([urn, e]) => [urn, planOp(e.ops)]));
  const rules = plannedRules(
    [...byUrn]
      .filter(([, e]) => e.kind === "RoutingRule")
      .map(([urn, e]) => ({
        key: keyOf(urn),
        id: e.old?.id,
        before: ops.get(urn) === "create" ? undefined : e.old?.inputs,
        after: ops.get(urn) === "delete" ? undefined : e.next?.inputs,
      })),
  );
  const objects: PlannedObject[] = [...byUrn].map(([urn, e]) => {
    const op = ops.get(urn)!;
    const inputs = (op === "delete" ? e.old?.inputs : e.next?.inputs) ?? {};
    const fields = op === "update" || op === "replace" ? fieldChanges(e.old?.inputs, e.next?.inputs) : [];
    const hidden = op === "update" && fields.length === 0 ? secretFields(e.next?.inputs) : [];
    const rule = e.kind === "RoutingRule" ? rules.byKey.get(keyOf(urn)) : undefined;
    return {
      kind: e.kind,
      key: keyOf(urn),
      op,
      // A name only `pulumi up` will know: the key, never the placeholder.
      name: typeof inputs.name === "string" && !hiddenValue(inputs.name) ? inputs.name : keyOf(urn),
      fields,
      hiddenChange: hidden,
      ...(rule?.before ? { before: rule.before } : {}),
      ...(rule?.after ? { after: rule.after } : {}),
      ...(rule?.note ? { graphNote: rule.note } : {}),
    };
  });
  objects.sort((a, b) => (a.kind === b.kind ? (a.key < b.key ? -1 : a.key > b.key ? 1 : 0) : a.kind === "RoutingRule" ? -1 : 1));
  const messages = (severity: string) =>
    (preview.diagnostics ?? []).filter((d) => d.severity === severity && d.message).map((d) => trimMessage(d.message ?? ""));
  return { objects, fallbackNames: rules.fallbackNames, errors: messages("error"), warnings: messages("warning") };
}
