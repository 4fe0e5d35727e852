import { diffFields, type FieldDifference } from "./field-diff";
import type { ManagedObject } from "./stack-source";
import type { TenantObject } from "./tenant";

/** One stack as `compare` sees it: what it declared (state) and what its tenant runs. */
export interface StackView {
  readonly stack: string;
  readonly config: Readonly<Record<string, string>>;
  readonly managed: readonly ManagedObject[];
  readonly tenant: readonly TenantObject[];
  /** The stack's cxone:owner: its names in the tenant carry this tag. */
  readonly owner?: string | undefined;
}

export interface ComparedObject {
  readonly key: string;
  readonly change: "only-in-left" | "only-in-right" | "changed";
  /** left stack's tenant against right stack's tenant, in logical terms. */
  readonly fields: readonly FieldDifference[];
}

export interface StackDrift {
  readonly stack: string;
  readonly key: string;
  readonly deleted: boolean;
  /** declared (left) against tenant (right). */
  readonly fields: readonly FieldDifference[];
}

export interface Comparison {
  readonly left: string;
  readonly right: string;
  readonly differences: readonly ComparedObject[];
  readonly drift: readonly StackDrift[];
}

/**
 * Environment-specific values (queue ids, URLs) come from each stack's config, so a value equal
 * to one of the stack's config values is compared as that config key, the stack's own name inside
 * a value as `<stack>`, and a fallback id as the logical name of the resource that holds it.
 */
function logical(view: StackView): (fields: Record<string, unknown>) => Record<string, unknown> {
  const byValue = new Map<string, string>();
  const walk = (prefix: string, value: unknown) => {
    if (typeof value === "string" && value.length > 0) byValue.set(value, `<config ${prefix}>`);
    else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) walk(`${prefix}.${k}`, v);
  };
  for (const [key, raw] of Object.entries(view.config)) {
    if (key.startsWith("cxone:")) continue;
    let parsed: unknown = raw;
    try {
      parsed = JSON.parse(raw);
    } catch {
      // a plain string value
    }
    walk(key, parsed);
  }
  const keyOfId = new Map(view.managed.map((m) => [m.id, `<resource ${m.logicalName}>`]));
  // Names often carry the stack's name (`RoutingRuleSync-dev`): that part is the environment too.
  const stackName = new RegExp(`(?<![\\w])${view.stack.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\w])`, "g");
  const map = (value: unknown): unknown => {
    if (typeof value === "string") return keyOfId.get(value) ?? byValue.get(value) ?? value.replace(stackName, "<stack>");
    if (Array.isArray(value)) return value.map(map);
    if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, map(v)]));
    return value;
  };
  return (fields) => map(fields) as Record<string, unknown>;
}

function running(view: StackView): { runs: Map<string, { kind: string; fields: Record<string, unknown> }>; drift: StackDrift[] } {
  const tenantById = new Map(view.tenant.map((o) => [o.id, o]));
  const toLogical = logical(view);
  const runs = new Map<string, { kind: string; fields: Record<string, unknown> }>();
  const drift: StackDrift[] = [];
  for (const m of view.managed) {
    const live = tenantById.get(m.id);
    if (!live) {
      drift.push({ stack: view.stack, key: m.logicalName, deleted: true, fields: [] });
      continue;
    }
    runs.set(m.logicalName, { kind: m.kind, fields: toLogical(live.fields) });
    const fields = diffFields(m.kind, m.outputs, live.fields);
    if (fields.length > 0) drift.push({ stack: view.stack, key: m.logicalName, deleted: false, fields });
  }
  return { runs, drift };
}

/** What the two tenants run, object by object in logical terms, and each stack's own drift. */
export function compareStacks(left: StackView, right: StackView): Comparison {
  const l = running(left);
  const r = running(right);
  const differences: ComparedObject[] = [];
  for (const key of [...new Set([...l.runs.keys(), ...r.runs.keys()])].sort()) {
    const a = l.runs.get(key);
    const b = r.runs.get(key);
    if (!a || !b) {
      differences.push({ key, change: a ? "only-in-left" : "only-in-right", fields: [] });
      continue;
    }
    const fields = diffFields(a.kind, a.fields, b.fields);
    if (fields.length > 0) differences.push({ key, change: "changed", fields });
  }
  return { left: left.stack, right: right.stack, differences, drift: [...l.drift, ...r.drift] };
}

const show = (v: unknown) => (v === undefined ? "(unset)" : JSON.stringify(v));

export function formatComparison(c: Comparison): string {
  const lines: string[] = [];
  if (c.differences.length === 0) lines.push(`${c.left} and ${c.right} run the same rule set (read from both tenants).`);
  else {
    lines.push(`${c.differences.length} object(s) differ between what ${c.left} and ${c.right} run (read from both tenants):`);
    for (const d of c.differences) {
      if (d.change === "only-in-left") lines.push(`  + ${d.key}: only in ${c.left}`);
      else if (d.change === "only-in-right") lines.push(`  - ${d.key}: only in ${c.right}`);
      else {
        lines.push(`  ~ ${d.key}:`);
        for (const f of d.fields) lines.push(`      ${f.field}: ${c.right} ${show(f.right)} -> ${c.left} ${show(f.left)}`);
      }
    }
  }
  if (c.drift.length > 0) {
    lines.push(`drift: ${c.drift.length} object(s) differ from what their stack declared (changed in the console?):`);
    for (const d of c.drift) {
      if (d.deleted) lines.push(`  ! ${d.stack} ${d.key}: deleted outside Pulumi`);
      else
        for (const f of d.fields) lines.push(`  ! ${d.stack} ${d.key}: ${f.field}: declared ${show(f.left)}, tenant runs ${show(f.right)}`);
    }
    lines.push(`fix: \`pulumi refresh --stack <stack>\`, then \`pulumi preview --diff\` shows what \`pulumi up\` would put back.`);
  }
  return lines.join("\n");
}
