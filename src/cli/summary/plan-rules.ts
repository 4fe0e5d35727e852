import type { EvaluableRule } from "../../routing/routing-evaluator";
import { hidden } from "./field-changes";

/** One routing rule of the preview: its logical name and its inputs as they are and as they will be. */
export interface RuleStep {
  readonly key: string;
  /** Its CXone id, for a rule that exists (fallbacks name rules by id). */
  readonly id: string | undefined;
  /** The state's inputs; undefined for a rule the plan creates. */
  readonly before: Record<string, unknown> | undefined;
  /** The program's inputs; undefined for a rule the plan deletes. */
  readonly after: Record<string, unknown> | undefined;
}

/** A rule as the routing graph reads it, on each side of the change. */
export interface PlannedRule {
  /** As it is (state); undefined: created, or not drawn (see `note`). */
  readonly before?: EvaluableRule;
  /** As it will be (program); undefined: deleted, or not drawn (see `note`). */
  readonly after?: EvaluableRule;
  /** What the preview hides of its routing fields (secret, or known only after `pulumi up`) and how it is drawn. */
  readonly note?: string;
}

export interface PlannedRules {
  readonly byKey: ReadonlyMap<string, PlannedRule>;
  /** Names of fallback rules outside the stack, by CXone id (the preview's `fallbackRuleName`). */
  readonly fallbackNames: ReadonlyMap<string, string>;
}

type Fallback = Pick<EvaluableRule, "fallback" | "fallbackRuleId">;

/** The routing fields of one side, each either read or hidden (`undefined`). */
interface Side {
  name?: string;
  priority?: number;
  enabled?: boolean;
  interactionType?: string;
  conditions?: EvaluableRule["conditions"];
  targets?: EvaluableRule["targets"];
  fallback?: Fallback;
}
type Field = keyof Side;
const FIELDS: readonly Field[] = ["name", "priority", "enabled", "interactionType", "conditions", "targets", "fallback"];

const known = (v: unknown) => (hidden(v) ? undefined : v);

function readSide(inputs: Record<string, unknown>, keyOfName: ReadonlyMap<string, string>, keyOfId: ReadonlyMap<string, string>): Side {
  const name = known(inputs.name);
  const priority = known(inputs.priority);
  const enabled = known(inputs.enabled ?? true);
  const type = known(inputs.interactionType);
  const conditions = known(inputs.conditions ?? []);
  const targets = known(inputs.targets ?? []);
  return {
    ...(typeof name === "string" ? { name } : {}),
    ...(typeof priority === "number" ? { priority } : {}),
    ...(typeof enabled === "boolean" ? { enabled } : {}),
    ...(typeof type === "string" ? { interactionType: type } : {}),
    ...(Array.isArray(conditions) ? { conditions: conditions as EvaluableRule["conditions"] } : {}),
    ...(Array.isArray(targets) ? { targets: targets as EvaluableRule["targets"] } : {}),
    ...readFallback(inputs, keyOfName, keyOfId),
  };
}

/**
 * A fallback to a rule of the stack by its key: by its id when the preview knows it (a rule the
 * state holds), else by the display name `fallbackRuleName` (a rule not created yet). A known id
 * the stack does not hold is a rule outside it, whatever its name. Hidden: neither is known.
 */
function readFallback(
  inputs: Record<string, unknown>,
  keyOfName: ReadonlyMap<string, string>,
  keyOfId: ReadonlyMap<string, string>,
): { fallback?: Fallback } {
  const id = known(inputs.fallbackRuleId);
  const name = known(inputs.fallbackRuleName);
  if (typeof id === "string" && id !== "") {
    const key = keyOfId.get(id);
    return { fallback: key !== undefined ? { fallback: key } : { fallbackRuleId: id } };
  }
  const key = typeof name === "string" ? keyOfName.get(name) : undefined;
  if (key !== undefined) return { fallback: { fallback: key } };
  if (hidden(inputs.fallbackRuleId) || hidden(inputs.fallbackRuleName)) return {};
  return { fallback: {} };
}

function toRule(key: string, s: Side): EvaluableRule | undefined {
  const { priority, enabled, interactionType, conditions, targets } = s;
  if (priority === undefined || enabled === undefined || interactionType === undefined || !conditions || !targets) return undefined;
  return { key, name: s.name ?? key, priority, enabled, interactionType, conditions, targets, ...s.fallback };
}

const gapsOf = (s: Side | undefined): Field[] => (s ? FIELDS.filter((f) => s[f] === undefined) : []);

/** `side` with the fields it lacks taken from `other`. */
function fill(side: Side, other: Side | undefined): Side {
  const filled: Side = { ...side };
  for (const f of gapsOf(side)) if (other?.[f] !== undefined) Object.assign(filled, { [f]: other[f] });
  return filled;
}

/** How a hidden field is drawn. */
function drawnAs(field: Field, before: Side | undefined, after: Side | undefined): string {
  if (after && after[field] === undefined && before?.[field] !== undefined) return `its ${field} as it is now`;
  if (before && before[field] === undefined && after?.[field] !== undefined) return `its ${field} as it will be`;
  return field === "name" ? "its key for a name" : "no fallback";
}

/**
 * One rule on both sides. A field the preview hides on one side takes the other side's value
 * (drawn as it is now, or as it will be); a name no side shows is the key; a fallback no side
 * shows is left out; without a priority, type, enabled flag, conditions or targets the rule is not
 * drawn. Each such choice is said in `note`: the picture never shows a placeholder as a value.
 */
function planRule(key: string, before: Side | undefined, after: Side | undefined): PlannedRule {
  const b = before ? toRule(key, fill(before, after)) : undefined;
  const a = after ? toRule(key, fill(after, before)) : undefined;
  const rules: PlannedRule = { ...(b ? { before: b } : {}), ...(a ? { after: a } : {}) };
  const gaps = FIELDS.filter((f) => gapsOf(before).includes(f) || gapsOf(after).includes(f));
  if (gaps.length === 0) return rules;
  const drawn = !a && !b ? "not drawn" : `drawn with ${gaps.map((f) => drawnAs(f, before, after)).join(", ")}`;
  return { ...rules, note: `\`${key}\`: the preview hides its ${gaps.join(", ")} (secret, or known only after \`pulumi up\`); ${drawn}` };
}

/** Each rule of the plan on both sides, as the routing graph reads it. */
export function plannedRules(steps: readonly RuleStep[]): PlannedRules {
  const keyOfId = new Map(steps.flatMap((s) => (s.id !== undefined ? [[s.id, s.key] as const] : [])));
  const names = (pick: (s: RuleStep) => Record<string, unknown> | undefined) =>
    new Map(
      steps.flatMap((s) => {
        const name = known(pick(s)?.name);
        return typeof name === "string" ? [[name, s.key] as const] : [];
      }),
    );
  const namesBefore = names((s) => s.before);
  const namesAfter = names((s) => s.after);
  const byKey = new Map<string, PlannedRule>();
  const fallbackNames = new Map<string, string>();
  for (const s of steps) {
    const before = s.before ? readSide(s.before, namesBefore, keyOfId) : undefined;
    const after = s.after ? readSide(s.after, namesAfter, keyOfId) : undefined;
    byKey.set(s.key, planRule(s.key, before, after));
    for (const inputs of [s.before, s.after]) {
      const id = known(inputs?.fallbackRuleId);
      const name = known(inputs?.fallbackRuleName);
      if (typeof id === "string" && typeof name === "string" && !keyOfId.has(id)) fallbackNames.set(id, name);
    }
  }
  return { byKey, fallbackNames };
}
