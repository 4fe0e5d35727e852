import type { ApiResponse, ResourcesApi } from "../../client";
import type { KindScope, ObjectKind } from "../../kinds/object-kind";
import { asSecret, unwrapSecrets } from "../../kinds/secrets";
import { carriesCredentials } from "../../client/url-credentials";
import { ProviderStateError } from "../../errors/provider-state-error";
import { isConflictPolicy, type ConflictPolicy } from "../../settings/settings";
import { hideSecretFailures } from "../check-inputs";
import { ruleName } from "../identity/fallback-names";
import type { RunContext } from "../run-context";

export type Props = Record<string, unknown>;

/** Inputs that steer the provider but are not part of the CXone object. */
export const META_FIELDS = ["__urn", "__secrets", "conflictPolicy", "adoptId", "adoptEtag", "owner"] as const;

/** One provider call's view of its kind and run: what every operation module works with. */
export interface Operation<
  F extends Props = Props,
  W extends { name: string } = { name: string },
  S extends { id: string } = { id: string },
> {
  readonly kind: ObjectKind<F, W, S>;
  readonly run: RunContext;
  readonly api: ResourcesApi<W, S>;
  /** The kind's view of the run: owner tag, condition limit, rule names for display. */
  readonly scope: KindScope;
}

export function operationOf<F extends Props, W extends { name: string }, S extends { id: string }>(
  kind: ObjectKind<F, W, S>,
  run: RunContext,
): Operation<F, W, S> {
  return {
    kind,
    run,
    api: kind.api(run.client()),
    scope: { owner: run.owner, maxConditions: run.settings.maxConditions, ruleName: (id) => ruleName(run, id) },
  };
}

export function meta(props: Props): Props {
  return Object.fromEntries(META_FIELDS.filter((k) => props[k] !== undefined).map((k) => [k, props[k]]));
}

export function pick(props: Props, fields: readonly string[]): Props {
  return Object.fromEntries(fields.filter((k) => props[k] !== undefined).map((k) => [k, props[k]]));
}

/** `props` with every top-level URL that carries credentials held as a secret (see client/url-credentials.ts). */
export function protectCredentials(props: Props): Props {
  return Object.fromEntries(Object.entries(props).map(([k, v]) => [k, carriesCredentials(v) ? asSecret(v) : v]));
}

/** The outputs the state keeps: meta and write-only inputs, display fields, the server's object and its ETag. */
export function outputs(op: Operation, inputs: Props, response: Pick<ApiResponse<{ id: string }>, "body" | "etag">): Props {
  return protectCredentials({
    ...meta(inputs),
    ...pick(inputs, op.kind.writeOnlyFields),
    ...pick(inputs, op.kind.displayFields),
    ...op.kind.fromServer(response.body, op.scope),
    ...op.kind.serverFields(response.body),
    etag: response.etag,
  });
}

/** What check() would return for the object as the server holds it now (see read()). */
export async function serverInputs(op: Operation, props: Props, object: { id: string }): Promise<Props> {
  const fields = op.kind.fromServer(object, op.scope);
  const writeOnly = Object.fromEntries(
    Object.entries(pick(props, op.kind.writeOnlyFields)).map(([k, v]) => [k, op.kind.secretFields.includes(k) ? asSecret(v) : v]),
  );
  return protectCredentials({ ...meta(props), ...fields, ...(await op.kind.display(fields, props, op.scope)), ...writeOnly });
}

/** The domain fields of inputs that check() accepted. */
export function validated(op: Operation, inputs: Props): Props {
  const checked = op.kind.validate(pick(unwrapSecrets(inputs) as Props, op.kind.fields), op.scope);
  if (!checked.ok) {
    // check() already refused these inputs; reaching here means state written by a provider
    // version with other rules. Say so rather than send what the API would reject.
    const failures = hideSecretFailures(checked.failures, op.kind.secretFields);
    throw new ProviderStateError(
      `${op.kind.kind} inputs held in the state are invalid for this version of pulumi-cxone-routing: ${failures.map((f) => `${f.property}: ${f.reason}`).join("; ")}. ` +
        "Fix the program's values (preview names each one), then run `pulumi up` again; nothing was sent.",
    );
  }
  return checked.value;
}

export function policy(op: Operation, props: Props): ConflictPolicy {
  const own = props.conflictPolicy;
  return isConflictPolicy(own) ? own : op.run.settings.conflictPolicy;
}
