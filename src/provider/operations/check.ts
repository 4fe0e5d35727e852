import type * as dynamic from "@pulumi/pulumi/dynamic";
import { markedSecret, unwrapSecrets } from "../../kinds/secrets";
import { isUnknownPlaceholder, type CheckFailure } from "../../validation";
import { choiceMismatch } from "../../validation/schema-parts";
import { CONFLICT_POLICIES, isConflictPolicy } from "../../settings/settings";
import { hiddenFailures, hideSecretFailures, unknownInputFailures } from "../check-inputs";
import { logicalName } from "../identity/run-registry";
import { tenantNameFailure } from "../identity/tenant-names";
import { adoptionReport } from "../../kinds/adoption-report";
import { mayBeOwnCreate } from "../write-safety/interrupted-create";
import { META_FIELDS, meta, pick, protectCredentials, type Operation, type Props } from "./operation";

/**
 * A new resource's adoption pinned to the ETag of the reviewed preview (`adoptEtag`): refused at
 * preview when the object changed since, so the refusal `create` would give comes before any write.
 */
async function staleAdoption(
  op: Operation,
  logical: string,
  adoptId: string,
  pinned: string,
  fields: Props,
  secretFields: readonly string[],
): Promise<CheckFailure | undefined> {
  if (isUnknownPlaceholder(adoptId) || isUnknownPlaceholder(pinned)) return undefined;
  // A missing object or an unreachable tenant is reported by the program's adoption review.
  const now = await op.api.get(adoptId).catch(() => undefined);
  if (!now || now.etag === pinned) return undefined;
  return {
    property: "adoptEtag",
    reason:
      `the object ${adoptId} changed in CXone since the reviewed preview read it (adoptEtag ${pinned}, now ${now.etag ?? "unknown"}), so up would refuse it. ` +
      `What adopting it changes now:\n${adoptionReport(op.kind, logical, adoptId, op.kind.fromServer(now.body, op.scope), fields, secretFields)}\n` +
      `Review that, then set adoptEtag: ${JSON.stringify(now.etag)}.`,
  };
}

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
    failures.push({ property: "conflictPolicy", reason: choiceMismatch(CONFLICT_POLICIES, raw.conflictPolicy) });
  }
  if (raw.adoptId !== undefined && (typeof raw.adoptId !== "string" || raw.adoptId === "")) {
    failures.push({ property: "adoptId", reason: "must be the non-empty id of an existing object in CXone" });
  }
  const isNew = Object.keys(olds ?? {}).length === 0;
  if (checked.ok && failures.length === 0 && isNew && typeof raw.adoptId === "string" && typeof raw.adoptEtag === "string") {
    const logical = typeof raw.__urn === "string" ? logicalName(raw.__urn) : kind.kind;
    const marked = markedSecret(raw);
    const stale = await staleAdoption(op, logical, raw.adoptId, raw.adoptEtag, checked.value as Props, [...kind.secretFields, ...marked]);
    if (stale) failures.push(stale);
  }
  if (checked.ok && failures.length === 0 && isNew && raw.adoptId === undefined) {
    const fields = checked.value as Props;
    const taken = await tenantNameFailure(op.run, kind, fields.name as string, raw.__urn, (holderId) =>
      mayBeOwnCreate(op, holderId, fields),
    );
    if (taken) failures.push(taken);
  }
  // Never hand the engine a secret it would print next to a failure (see hiddenFailures).
  if (failures.length > 0 || !checked.ok) return hiddenFailures(kind.secretFields, given, raw, failures, unknown.hidden);
  const display = { ...(await kind.display(checked.value, raw, op.scope)), ...pick(raw, kind.displayFields) };
  // Keep the caller's secret wrappers on write-only fields; everything else is normalized, and a URL
  // that carries credentials is held as a secret (never shown in a diff).
  return { inputs: protectCredentials({ ...meta(given), ...checked.value, ...display, ...pick(given, kind.writeOnlyFields) }) };
}
