import { fieldChanges, secretFields, UNKNOWN, type FieldChange } from "./field-changes";

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
  /** Rules: for the diagram. */
  readonly priority?: number;
  readonly interactionType?: string;
  /** Key of the fallback rule in this stack, or its CXone name when the stack does not hold it. */
  readonly fallback?: { readonly key?: string; readonly name: string };
}

export interface Plan {
  /** Every rule and webhook, sorted by kind then key. */
  readonly objects: readonly PlannedObject[];
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
  // Fallbacks name rules by id (state) or, for a rule not created yet, only by name.
  const keyById = new Map<string, string>();
  const keyByName = new Map<string, string>();
  for (const [urn, e] of byUrn) {
    if (e.kind !== "RoutingRule") continue;
    if (e.old?.id) keyById.set(e.old.id, keyOf(urn));
    const name = e.next?.inputs?.name ?? e.old?.inputs?.name;
    if (typeof name === "string") keyByName.set(name, keyOf(urn));
  }
  const objects: PlannedObject[] = [...byUrn].map(([urn, e]) => {
    const op = planOp(e.ops);
    const inputs = (op === "delete" ? e.old?.inputs : e.next?.inputs) ?? {};
    const fields = op === "update" || op === "replace" ? fieldChanges(e.old?.inputs, e.next?.inputs) : [];
    const hidden = op === "update" && fields.length === 0 ? secretFields(e.next?.inputs) : [];
    const name = typeof inputs.name === "string" ? inputs.name : keyOf(urn);
    const fallbackId = typeof inputs.fallbackRuleId === "string" && inputs.fallbackRuleId !== UNKNOWN ? inputs.fallbackRuleId : undefined;
    const fallbackName = typeof inputs.fallbackRuleName === "string" ? inputs.fallbackRuleName : undefined;
    const fallbackKey = (fallbackId ? keyById.get(fallbackId) : undefined) ?? (fallbackName ? keyByName.get(fallbackName) : undefined);
    const fallback =
      fallbackKey || fallbackName || fallbackId
        ? { ...(fallbackKey ? { key: fallbackKey } : {}), name: fallbackName ?? fallbackId ?? fallbackKey ?? "" }
        : undefined;
    return {
      kind: e.kind,
      key: keyOf(urn),
      op,
      name,
      fields,
      hiddenChange: hidden,
      ...(typeof inputs.priority === "number" ? { priority: inputs.priority } : {}),
      ...(typeof inputs.interactionType === "string" ? { interactionType: inputs.interactionType } : {}),
      ...(fallback ? { fallback } : {}),
    };
  });
  objects.sort((a, b) => (a.kind === b.kind ? (a.key < b.key ? -1 : a.key > b.key ? 1 : 0) : a.kind === "RoutingRule" ? -1 : 1));
  const messages = (severity: string) =>
    (preview.diagnostics ?? []).filter((d) => d.severity === severity && d.message).map((d) => trimMessage(d.message ?? ""));
  return { objects, errors: messages("error"), warnings: messages("warning") };
}
