import { diffFields, type FieldDifference } from "./field-diff";
import type { ManagedObject, ObjectKindName } from "./stack-source";
import type { TenantObject } from "./tenant";

export type TenantStatus = "in-sync" | "changed-outside" | "deleted-outside" | "unmanaged";

export interface DriftEntry {
  readonly kind: ObjectKindName;
  /** The Pulumi logical name; undefined for tenant objects no resource of the stack manages. */
  readonly logicalName: string | undefined;
  readonly id: string;
  readonly name: string;
  /** What the program would do to it (`pulumi preview`), or "not-checked". */
  readonly program: string;
  readonly tenant: TenantStatus;
  /** State (left) against tenant (right), field by field. */
  readonly fields: readonly FieldDifference[];
  readonly why?: string;
}

export interface DriftReport {
  readonly stack: string;
  readonly entries: readonly DriftEntry[];
  readonly counts: Readonly<Record<TenantStatus | "program-changes", number>>;
  readonly drifted: boolean;
}

export interface DriftInput {
  readonly stack: string;
  /** The stack's cxone:owner: tenant objects with this tag are the stack's even without state. */
  readonly owner?: string | undefined;
  readonly managed: readonly ManagedObject[];
  readonly tenant: readonly TenantObject[];
  /** URN -> preview operation and planned name; undefined when the program was not run. */
  readonly program: ReadonlyMap<string, { op: string; name?: string; kind?: ObjectKindName }> | undefined;
}

/** Program vs state vs tenant, per rule and webhook. Pure: the inputs are read elsewhere. */
export function driftReport(input: DriftInput): DriftReport {
  const tenantById = new Map(input.tenant.map((o) => [o.id, o]));
  const managedIds = new Set(input.managed.map((m) => m.id));
  const entries: DriftEntry[] = [];
  for (const m of input.managed) {
    const live = tenantById.get(m.id);
    const op = input.program ? (input.program.get(m.urn)?.op ?? "delete") : "not-checked";
    const name = String(m.outputs.name ?? m.logicalName);
    if (!live) {
      entries.push({ kind: m.kind, logicalName: m.logicalName, id: m.id, name, program: op, tenant: "deleted-outside", fields: [] });
      continue;
    }
    const fields = diffFields(m.kind, m.outputs, live.fields);
    const versionMoved = live.version !== undefined && m.outputs.version !== undefined && live.version !== m.outputs.version;
    const changed = fields.length > 0 || versionMoved;
    entries.push({
      kind: m.kind,
      logicalName: m.logicalName,
      id: m.id,
      name,
      program: op,
      tenant: changed ? "changed-outside" : "in-sync",
      fields,
    });
  }
  // Tenant objects that no resource manages but that the program is about to create by name.
  const planned = new Map<string, string>();
  for (const [urn, step] of input.program ?? []) {
    if (step.op === "create" && step.name) planned.set(`${step.kind}:${step.name}`, urn.slice(urn.lastIndexOf("::") + 2));
  }
  for (const o of input.tenant) {
    if (managedIds.has(o.id)) continue;
    const name = String(o.fields.name);
    const claimant = planned.get(`${o.kind}:${name}`);
    const tagged = input.owner !== undefined && o.owner === input.owner;
    if (!claimant && !tagged) continue;
    entries.push({
      kind: o.kind,
      logicalName: undefined,
      id: o.id,
      name,
      program: "not-managed",
      tenant: "unmanaged",
      fields: [],
      why: claimant
        ? `the program creates "${claimant}" with this name; take it over with adoptId: "${o.id}" or rename one of them`
        : `it carries this stack's owner tag [${input.owner}] but no resource of the stack holds it (a lost or rolled-back state?); take it back with adoptId: "${o.id}", or delete it in CXone`,
    });
  }
  const count = (s: TenantStatus) => entries.filter((e) => e.tenant === s).length;
  const programChanges = entries.filter((e) => e.logicalName !== undefined && !["same", "not-checked"].includes(e.program)).length;
  const counts = {
    "in-sync": count("in-sync"),
    "changed-outside": count("changed-outside"),
    "deleted-outside": count("deleted-outside"),
    unmanaged: count("unmanaged"),
    "program-changes": programChanges,
  };
  const drifted = counts["changed-outside"] + counts["deleted-outside"] + counts.unmanaged + programChanges > 0;
  return { stack: input.stack, entries, counts, drifted };
}

const show = (v: unknown) => (v === undefined ? "(unset)" : JSON.stringify(v));

/** The report as a person reads it: one line per object, the differing fields under it. */
export function formatDriftReport(report: DriftReport): string {
  const lines = [`drift report for stack "${report.stack}": program vs state vs tenant`];
  for (const e of report.entries) {
    const who = e.logicalName ? `${e.kind} "${e.logicalName}"` : `${e.kind} (no resource)`;
    const tenant = {
      "in-sync": "tenant matches state",
      "changed-outside": "CHANGED OUTSIDE PULUMI",
      "deleted-outside": "DELETED OUTSIDE PULUMI",
      unmanaged: "UNMANAGED, looks like ours",
    }[e.tenant];
    const program = e.program === "not-checked" ? "" : `; program: ${e.program === "same" ? "no change" : e.program}`;
    lines.push(
      `  ${e.tenant === "in-sync" && (e.program === "same" || e.program === "not-checked") ? " " : "!"} ${who} "${e.name}" (id ${e.id}): ${tenant}${program}`,
    );
    for (const f of e.fields) lines.push(`        ${f.field}: state ${show(f.left)} -> tenant ${show(f.right)}`);
    if (e.why) lines.push(`        ${e.why}`);
  }
  const c = report.counts;
  lines.push(
    `summary: ${c["in-sync"]} in sync, ${c["changed-outside"]} changed outside Pulumi, ${c["deleted-outside"]} deleted outside Pulumi, ` +
      `${c.unmanaged} unmanaged that look like ours, ${c["program-changes"]} program change(s) not deployed`,
  );
  if (c["changed-outside"] + c["deleted-outside"] > 0) {
    lines.push(
      `fix: \`pulumi refresh --stack ${report.stack}\` takes the tenant's version into the state; ` +
        `\`pulumi preview --diff --stack ${report.stack}\` then shows, field by field, what \`pulumi up\` would put back.`,
    );
  }
  return lines.join("\n");
}
