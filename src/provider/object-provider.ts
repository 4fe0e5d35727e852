import type * as dynamic from "@pulumi/pulumi/dynamic";
import { ConflictError, NotFoundError, PreconditionFailedError } from "../client/errors";
import type { ApiResponse, CollectionSnapshot } from "../client";
import { adoptObject } from "./adoption";
import { audited } from "./audited";
import { hideSecretFailures, unknownInputFailures, without } from "./check-inputs";
import { assertCollectionAnswers } from "./write-safety/collection-check";
import { ObjectGoneError } from "../errors/object-gone-error";
import { OutOfBandChangeError } from "../errors/out-of-band-change-error";
import { changedFieldsOf } from "../kinds/field-compare";
import { beginCreate, createHistory, endCreate } from "./write-safety/create-journal";
import { recoverInterruptedCreate } from "./write-safety/interrupted-create";
import { confirmCreate, confirmReplace, mayHaveApplied } from "./write-safety/confirm-write";
import { collisionError } from "./identity/name-collisions";
import type { ObjectKind } from "../kinds/object-kind";
import { providerClient, providerSettings } from "./provider-state";
import { releaseUrn, holdId, markDeleting, otherHolders } from "./identity/run-registry";
import { asSecret, unwrapSecrets } from "../kinds/secrets";
import { CONFLICT_POLICIES, isConflictPolicy, type ConflictPolicy } from "../settings/settings";
import { choiceMismatch } from "../validation/schema-parts";
import { tenantNameFailure } from "./identity/tenant-names";
import { updateWithNameSwap } from "./write-safety/name-swap";
import { resolveUpdatePrecondition } from "./write-safety/update-precondition";

/** Inputs that steer the provider but are not part of the CXone object. */
export const META_FIELDS = ["__urn", "conflictPolicy", "adoptId", "adoptEtag", "owner"] as const;

type Props = Record<string, unknown>;

function meta(props: Props): Props {
  return Object.fromEntries(META_FIELDS.filter((k) => props[k] !== undefined).map((k) => [k, props[k]]));
}

function pick(props: Props, fields: readonly string[]): Props {
  return Object.fromEntries(fields.filter((k) => props[k] !== undefined).map((k) => [k, props[k]]));
}

/**
 * The dynamic provider of one object kind. diff is pure; every write sends If-Match with the ETag
 * held in the Pulumi state (never one fetched just before), so an edit made outside Pulumi is
 * refused by the server instead of silently overwritten.
 *
 * check() and read() produce inputs in one normalized form (domain fields in validate()'s shape,
 * lists in one order, meta and write-only inputs carried), so that after a refresh the engine's
 * own input diff, which is what `pulumi preview --diff` displays (dynamic providers return no
 * detailedDiff), shows exactly the fields `pulumi up` changes back.
 */
export function createObjectProvider<F extends Props, W extends { name: string }, S extends { id: string }>(
  kind: ObjectKind<F, W, S>,
): Required<Omit<dynamic.ResourceProvider, "configure">> {
  const api = () => kind.api(providerClient());
  const changedFields = (olds: Props, news: Props) => changedFieldsOf(kind.fields, olds, news, kind.setFields);
  const audit = <T>(...args: Parameters<typeof audited<T>> extends [unknown, ...infer R] ? R : never) => audited<T>(kind.kind, ...args);

  function outputs(inputs: Props, response: Pick<ApiResponse<S>, "body" | "etag">): Props {
    return {
      ...meta(inputs),
      ...pick(inputs, kind.writeOnlyFields),
      ...pick(inputs, kind.displayFields),
      ...kind.fromServer(response.body),
      ...kind.serverFields(response.body),
      etag: response.etag,
    };
  }

  /** What check() would return for the object as the server holds it now (see read()). */
  async function serverInputs(props: Props, object: S): Promise<Props> {
    const fields = kind.fromServer(object);
    const writeOnly = Object.fromEntries(
      Object.entries(pick(props, kind.writeOnlyFields)).map(([k, v]) => [k, kind.secretFields.includes(k) ? asSecret(v) : v]),
    );
    return { ...meta(props), ...fields, ...(await kind.display(fields, props)), ...writeOnly };
  }

  function validated(inputs: Props): F {
    const checked = kind.validate(pick(unwrapSecrets(inputs) as Props, kind.fields));
    if (!checked.ok) {
      // check() already refused these inputs; reaching here means state written by a provider
      // version with other rules. Say so rather than send what the API would reject.
      const failures = hideSecretFailures(checked.failures, kind.secretFields);
      throw new Error(`${kind.kind} inputs are invalid: ${failures.map((f) => `${f.property}: ${f.reason}`).join("; ")}`);
    }
    return checked.value;
  }

  function policy(props: Props): ConflictPolicy {
    const own = props.conflictPolicy;
    return isConflictPolicy(own) ? own : providerSettings().conflictPolicy;
  }

  /**
   * The collection's paged listing (the client's snapshot(): one listing per run, shared by every
   * read, dropped by any write), or undefined when it fails: read() then GETs as before.
   */
  function listing(): Promise<CollectionSnapshot<S> | undefined> {
    return api()
      .snapshot()
      .catch(() => undefined);
  }

  /** The object and the ETag the list gave, when the listing holds the id and carries ETags. */
  function listedObject(snapshot: CollectionSnapshot<S> | undefined, id: string): Pick<ApiResponse<S>, "body" | "etag"> | undefined {
    const entry = snapshot?.carriesETags ? snapshot.items.get(id) : undefined;
    return entry?.etag === undefined ? undefined : { body: entry.object, etag: entry.etag };
  }

  return {
    async check(olds, news) {
      if (!news || typeof news !== "object") {
        return {
          inputs: {},
          failures: [
            { property: "", reason: `${kind.kind} needs an object of inputs (name, ...), got ${news === null ? "null" : typeof news}` },
          ],
        };
      }
      const raw = unwrapSecrets(news) as Props;
      const unknown = unknownInputFailures(raw, kind.kind, [...kind.fields, ...META_FIELDS, ...kind.displayFields]);
      const checked = kind.validate(pick(raw, kind.fields));
      const failures = [...unknown.failures, ...(checked.ok ? [] : hideSecretFailures(checked.failures, kind.secretFields))];
      if (raw.conflictPolicy !== undefined && !isConflictPolicy(raw.conflictPolicy)) {
        failures.push({ property: "conflictPolicy", reason: choiceMismatch(CONFLICT_POLICIES, raw.conflictPolicy) });
      }
      if (raw.adoptId !== undefined && (typeof raw.adoptId !== "string" || raw.adoptId === "")) {
        failures.push({ property: "adoptId", reason: "must be the non-empty id of an existing object in CXone" });
      }
      if (checked.ok && failures.length === 0 && Object.keys(olds ?? {}).length === 0 && raw.adoptId === undefined) {
        const taken = await tenantNameFailure(kind, checked.value.name as string, raw.__urn);
        if (taken) failures.push(taken);
      }
      // Never hand the engine a secret it would print next to a failure.
      if (failures.length > 0 || !checked.ok) return { inputs: without(news, [...kind.secretFields, ...unknown.hidden]), failures };
      const display = { ...(await kind.display(checked.value, raw)), ...pick(raw, kind.displayFields) };
      // Keep the caller's secret wrappers on write-only fields; everything else is normalized.
      return { inputs: { ...meta(news), ...checked.value, ...display, ...pick(news, kind.writeOnlyFields) } };
    },

    async diff(id, olds, news) {
      const before = unwrapSecrets(olds) as Props;
      const after = unwrapSecrets(news) as Props;
      holdId(after.__urn ?? before.__urn, id, { currentName: before.name, plannedName: after.name });
      const changed = changedFields(olds, news);
      // adoptId naming the object this resource already manages adopts nothing new: replacing
      // would delete that very object first and then find nothing to adopt.
      // conflictPolicy steers later writes: a change is an update that makes no API call.
      // Display-only fields (fallbackRuleName) and adoptEtag never make a change on their own.
      const policyChanged = (after.conflictPolicy ?? null) !== (before.conflictPolicy ?? null);
      // cxone:owner is part of the name CXone holds (see ownership.ts): a new owner renames it.
      const ownerChanged = (after.owner ?? null) !== (before.owner ?? null);
      const adoptChanged = (after.adoptId ?? null) !== (before.adoptId ?? null) && after.adoptId !== undefined && after.adoptId !== id;
      const replaces = adoptChanged ? ["adoptId"] : [];
      return {
        changes: changed.length > 0 || replaces.length > 0 || policyChanged || ownerChanged,
        replaces,
        // Same name on both sides of a replacement would collide with the unique-name rule.
        deleteBeforeReplace: replaces.length > 0 && before.name === after.name,
      };
    },

    async create(inputs) {
      const fields = validated(inputs);
      const body = kind.toWire(fields);
      const adoptId = typeof inputs.adoptId === "string" ? inputs.adoptId : undefined;
      if (adoptId) {
        return audit("adopt", inputs.__urn, adoptId, inputs.adoptEtag as string | undefined, async () => {
          const adopted = await adoptObject(kind, api(), adoptId, inputs, fields as Props, body);
          holdId(inputs.__urn, adoptId, { currentName: body.name, plannedName: body.name });
          return {
            result: { id: adopted.response.body.id, outs: outputs(inputs, adopted.response) },
            etagAfter: adopted.response.etag,
            attempts: adopted.attempts,
          };
        });
      }
      return audit("create", inputs.__urn, undefined, undefined, async () => {
        // Read before this run's own "begin": what did earlier runs of this resource create?
        const history = createHistory(inputs.__urn, body.name);
        beginCreate(inputs.__urn, body.name);
        let recovered = false;
        let confirmed = false;
        const created = await api()
          .create(body)
          .catch(async (error: unknown) => {
            if (mayHaveApplied(error)) {
              // The reply was unusable: find out by name what the server holds. On failure the
              // journal's "begin" stays unanswered, so the next up takes over what did land.
              const found = await confirmCreate(kind, api(), error, body, fields as Props);
              confirmed = true;
              return found;
            }
            if (!(error instanceof ConflictError && error.errorCode === "duplicate_name")) throw error;
            // Our own create from a run that was killed before the engine recorded it: take it over.
            const taken = await recoverInterruptedCreate(kind, api(), body, fields as Props, history);
            if (taken) {
              recovered = true;
              return taken;
            }
            throw await collisionError(kind.kind, api(), error, body.name, inputs.__urn);
          });
        endCreate(inputs.__urn, body.name, created.body.id);
        holdId(inputs.__urn, created.body.id, { currentName: body.name, plannedName: body.name });
        return {
          result: { id: created.body.id, outs: outputs(inputs, created) },
          etagAfter: created.etag,
          attempts: created.attempts,
          resourceId: created.body.id,
          ...(recovered ? { note: "taken over: created by an interrupted run of this stack (create journal)" } : {}),
          ...(confirmed ? { note: "reply unusable; the created object was read back by name and holds the program's values" } : {}),
        };
      });
    },

    async read(id, props = {}) {
      return audit("read", props.__urn, id, props.etag as string | undefined, async () => {
        // One paged listing answers every read of the run (issue 16): the object and the ETag the
        // list gave are what GET would have returned when the list was taken.
        const snapshot = await listing();
        const listed = listedObject(snapshot, id);
        if (listed) {
          holdId(props.__urn, id, { currentName: (listed.body as { name?: unknown }).name });
          const result = { id, props: outputs(props, listed), inputs: await serverInputs(props, listed.body) };
          return { result, etagAfter: listed.etag, attempts: 0, note: "read from the collection listing" };
        }
        try {
          const current = await api().get(id);
          holdId(props.__urn, id, { currentName: (current.body as { name?: unknown }).name });
          const result = { id, props: outputs(props, current), inputs: await serverInputs(props, current.body) };
          return { result, etagAfter: current.etag, attempts: current.attempts };
        } catch (error) {
          if (!(error instanceof NotFoundError)) throw error;
          // A wrong collection path also answers 404 (a listing this run already took is the collection's answer).
          if (!snapshot) await assertCollectionAnswers(kind.kind, api(), id);
          // Gone from CXone: an empty id tells the engine to drop it from the state.
          return { result: { id: "", props: {} }, etagAfter: undefined, attempts: 2 };
        }
      });
    },

    async update(id, olds, news) {
      const fields = validated(news) as Props;
      const body = kind.toWire(fields as F);
      const stateETag = olds.etag as string | undefined;
      holdId(news.__urn, id, { plannedName: body.name });
      // Only provider settings or display fields changed: nothing to send.
      if (changedFields(olds, news).length === 0 && (olds.owner ?? null) === (news.owner ?? null)) {
        return { outs: { ...olds, ...meta(news), ...pick(news, kind.displayFields), conflictPolicy: news.conflictPolicy } };
      }
      return audit("update", news.__urn, id, stateETag, async () => {
        try {
          const updated = await updateWithNameSwap(kind.kind, api(), id, body, stateETag ?? "", news.__urn, olds.name);
          holdId(news.__urn, id, { currentName: body.name });
          return { result: { outs: outputs(news, updated) }, etagAfter: updated.etag, attempts: updated.attempts };
        } catch (error) {
          if (mayHaveApplied(error)) {
            // The reply was unusable: the server's object and ETag, read back, go into the state.
            const current = await confirmReplace(kind, api(), error, id, body, fields, "update", stateETag);
            holdId(news.__urn, id, { currentName: body.name });
            return {
              result: { outs: outputs(news, current) },
              etagAfter: current.etag,
              attempts: current.attempts,
              note: "reply unusable; the object was read back and holds the program's values",
            };
          }
          if (error instanceof NotFoundError) throw new ObjectGoneError(kind.kind, body.name, id);
          if (error instanceof ConflictError && error.errorCode === "duplicate_name")
            throw await collisionError(kind.kind, api(), error, body.name, news.__urn);
          if (!(error instanceof PreconditionFailedError)) throw error;
          const outcome = await resolveUpdatePrecondition({
            kind,
            api: api(),
            id,
            body,
            fields,
            stateETag,
            error,
            writeOnlyChanged: changedFields(olds, news).some((f) => kind.writeOnlyFields.includes(f)),
            policy: policy(news),
          });
          const { response, ...rest } = outcome;
          return { result: { outs: outputs(news, response) }, etagAfter: response.etag, ...rest };
        }
      });
    },

    async delete(id, props) {
      const stateETag = props.etag as string | undefined;
      const name = String(props.name ?? id);
      const urn = props.__urn;
      // A rename without alias plus adoptId (or an adopt into a new resource): the object lives on
      // under another URN of this stack. Drop this URN from the state only.
      const holders = otherHolders(id, urn);
      if (holders.length > 0) {
        await audit("forget", urn, id, stateETag, async () => ({
          result: undefined,
          etagAfter: undefined,
          attempts: 0,
          note: `not deleted: ${holders.join(", ")} of this stack manages id ${id}; dropped from the state without an API call`,
        }));
        releaseUrn(urn);
        return;
      }
      markDeleting(urn);
      await audit("delete", urn, id, stateETag, async () => {
        await kind.beforeDelete?.(providerClient(), id, name);
        try {
          const removed = await api().remove(id, stateETag ?? "");
          return { result: undefined, etagAfter: undefined, attempts: (removed as { attempts?: number }).attempts ?? 1 };
        } catch (error) {
          if (error instanceof NotFoundError) return { result: undefined, etagAfter: undefined, attempts: 1 };
          if (!(error instanceof PreconditionFailedError)) throw error;
          if (policy(props) !== "overwrite") throw new OutOfBandChangeError(kind.kind, name, id, "delete", stateETag, error.currentETag);
          const current = await api().get(id);
          await api().remove(id, current.etag ?? "");
          return { result: undefined, etagAfter: undefined, attempts: current.attempts + 2, operation: "overwrite" };
        }
      });
      releaseUrn(urn);
    },
  };
}
