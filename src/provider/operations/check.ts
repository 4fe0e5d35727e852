import type * as dynamic from "@pulumi/pulumi/dynamic";
import { unwrapSecrets } from "../../kinds/secrets";
import { isConflictPolicy } from "../../settings/settings";
import { hideSecretFailures, unknownInputFailures, without } from "../check-inputs";
import { tenantNameFailure } from "../identity/tenant-names";
import { mayBeOwnCreate } from "../write-safety/interrupted-create";
import { META_FIELDS, meta, pick, type Operation, type Props } from "./operation";

/**
 * check(): validates and normalises one resource's inputs (domain fields in validate()'s shape,
 * lists in one order, meta and write-only inputs carried), so that every later step, and the
 * engine's own input diff that `pulumi preview --diff` displays, compares like for like.
 */
export async function check(op: Operation, olds: Props | undefined, news: unknown): Promise<dynamic.CheckResult> {
  const { kind } = op;
  if (!news || typeof news !== "object") {
    return {
      inputs: {},
      failures: [
        { property: "", reason: `${kind.kind} needs an object of inputs (name, ...), got ${news === null ? "null" : typeof news}` },
      ],
    };
  }
  const given = news as Props;
  const raw = unwrapSecrets(given) as Props;
  const unknown = unknownInputFailures(raw, kind.kind, [...kind.fields, ...META_FIELDS, ...kind.displayFields]);
  const checked = kind.validate(pick(raw, kind.fields), op.scope);
  const failures = [...unknown.failures, ...(checked.ok ? [] : hideSecretFailures(checked.failures, kind.secretFields))];
  if (raw.conflictPolicy !== undefined && !isConflictPolicy(raw.conflictPolicy)) {
    failures.push({ property: "conflictPolicy", reason: `must be "fail" or "overwrite", got ${JSON.stringify(raw.conflictPolicy)}` });
  }
  if (raw.adoptId !== undefined && (typeof raw.adoptId !== "string" || raw.adoptId === "")) {
    failures.push({ property: "adoptId", reason: "must be the non-empty id of an existing object in CXone" });
  }
  if (checked.ok && failures.length === 0 && Object.keys(olds ?? {}).length === 0 && raw.adoptId === undefined) {
    const fields = checked.value as Props;
    const taken = await tenantNameFailure(op.run, kind, fields.name as string, raw.__urn, (holderId) =>
      mayBeOwnCreate(op, holderId, fields),
    );
    if (taken) failures.push(taken);
  }
  // Never hand the engine a secret it would print next to a failure.
  if (failures.length > 0 || !checked.ok) return { inputs: without(given, [...kind.secretFields, ...unknown.hidden]), failures };
  const display = { ...(await kind.display(checked.value, raw, op.scope)), ...pick(raw, kind.displayFields) };
  // Keep the caller's secret wrappers on write-only fields; everything else is normalized.
  return { inputs: { ...meta(given), ...checked.value, ...display, ...pick(given, kind.writeOnlyFields) } };
}
