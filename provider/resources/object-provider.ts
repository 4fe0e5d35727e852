import type * as dynamic from "@pulumi/pulumi/dynamic";
import { ConflictError, NotFoundError, PreconditionFailedError, type ApiResponse } from "../client";
import type { AuditOperation } from "../audit";
import { isUnknownPlaceholder } from "../validation";
import { canonicalJson, canonicalSet } from "./canonical";
import { AdoptionError } from "./errors/adoption-error";
import { ObjectGoneError } from "./errors/object-gone-error";
import { ProviderConfigurationError } from "./errors/provider-configuration-error";
import { OutOfBandChangeError } from "./errors/out-of-band-change-error";
import type { ObjectKind } from "./object-kind";
import { providerAuditLog, providerClient, providerSettings } from "./provider-state";
import { unwrapSecrets } from "./secrets";
import { isConflictPolicy, type ConflictPolicy } from "./settings";

/** Inputs that steer the provider but are not part of the CXone object. */
const META_FIELDS = ["__urn", "conflictPolicy", "adoptId"] as const;

type Props = Record<string, unknown>;

function meta(props: Props): Props {
  return Object.fromEntries(META_FIELDS.filter((k) => props[k] !== undefined).map((k) => [k, props[k]]));
}

function pick(props: Props, fields: readonly string[]): Props {
  return Object.fromEntries(fields.filter((k) => props[k] !== undefined).map((k) => [k, props[k]]));
}

function containsUnknown(value: unknown): boolean {
  if (isUnknownPlaceholder(value)) return true;
  if (Array.isArray(value)) return value.some(containsUnknown);
  if (value && typeof value === "object") return Object.values(value).some(containsUnknown);
  return false;
}

function errorCode(error: unknown): string {
  return (error as { code?: unknown })?.code?.toString() ?? "error";
}

/**
 * The dynamic provider of one object kind. diff is pure; every write sends If-Match with the ETag
 * held in the Pulumi state (never one fetched just before), so an edit made outside Pulumi is
 * refused by the server instead of silently overwritten.
 */
export function createObjectProvider<F extends Props, W extends { name: string }, S extends { id: string }>(
  kind: ObjectKind<F, W, S>,
): Required<Omit<dynamic.ResourceProvider, "configure">> {
  const api = () => kind.api(providerClient());

  /** The CXone fields whose values differ; unordered lists compare as sets, unknowns always differ. */
  function changedFields(olds: Props, news: Props): string[] {
    const before = unwrapSecrets(olds) as Props;
    const after = unwrapSecrets(news) as Props;
    return kind.fields.filter((field) => {
      if (containsUnknown(after[field])) return true;
      const compare = kind.setFields.includes(field) ? canonicalSet : canonicalJson;
      return compare(before[field]) !== compare(after[field]);
    });
  }

  async function audited<T>(
    operation: AuditOperation,
    urn: unknown,
    resourceId: string | undefined,
    etagBefore: string | undefined,
    run: () => Promise<{ result: T; etagAfter: string | undefined; attempts: number; operation?: AuditOperation; resourceId?: string }>,
  ): Promise<T> {
    const started = performance.now();
    const entry = { urn: typeof urn === "string" ? urn : "unknown", resourceType: kind.kind, etagBefore };
    try {
      const done = await run();
      providerAuditLog().record({
        ...entry,
        operation: done.operation ?? operation,
        resourceId: done.resourceId ?? resourceId,
        ok: true,
        etagAfter: done.etagAfter,
        latencyMs: performance.now() - started,
        attempts: done.attempts,
      });
      return done.result;
    } catch (error) {
      providerAuditLog().record({
        ...entry,
        operation,
        resourceId,
        ok: false,
        errorCode: errorCode(error),
        etagAfter: undefined,
        latencyMs: performance.now() - started,
        attempts: (error as { attempts?: number }).attempts ?? 1,
      });
      throw error;
    }
  }

  function outputs(inputs: Props, response: ApiResponse<S>): Props {
    return {
      ...meta(inputs),
      ...pick(inputs, kind.writeOnlyFields),
      ...kind.fromServer(response.body),
      ...kind.serverFields(response.body),
      etag: response.etag,
    };
  }

  function wire(inputs: Props): W {
    const checked = kind.validate(pick(unwrapSecrets(inputs) as Props, kind.fields));
    if (!checked.ok) {
      // check() already refused these inputs; reaching here means state written by a provider
      // version with other rules. Say so rather than send what the API would reject.
      throw new Error(`${kind.kind} inputs are invalid: ${checked.failures.map((f) => `${f.property}: ${f.reason}`).join("; ")}`);
    }
    return kind.toWire(checked.value);
  }

  function policy(props: Props): ConflictPolicy {
    const own = props.conflictPolicy;
    return isConflictPolicy(own) ? own : providerSettings().conflictPolicy;
  }

  async function duplicateHint(error: ConflictError, name: string): Promise<never> {
    const existing = await api()
      .findByName(name)
      .catch(() => undefined);
    const id = existing?.body.id;
    throw new ConflictError(
      `${kind.kind} "${name}" already exists in CXone${id ? ` (id ${id})` : ""}, and names are unique. ` +
        `To bring the existing one under Pulumi, set adoptId: "${id ?? "<its id>"}" on this resource; or choose another name.`,
      {
        method: error.method,
        path: error.path,
        status: error.status,
        correlationId: error.correlationId,
        errorCode: error.errorCode,
        cause: error,
      },
    );
  }

  return {
    async check(_olds, news) {
      const raw = unwrapSecrets(news) as Props;
      const checked = kind.validate(pick(raw, kind.fields));
      const failures = checked.ok ? [] : [...checked.failures];
      if (raw.conflictPolicy !== undefined && !isConflictPolicy(raw.conflictPolicy)) {
        failures.push({ property: "conflictPolicy", reason: `must be "fail" or "overwrite", got ${JSON.stringify(raw.conflictPolicy)}` });
      }
      if (raw.adoptId !== undefined && (typeof raw.adoptId !== "string" || raw.adoptId === "")) {
        failures.push({ property: "adoptId", reason: "must be the non-empty id of an existing object in CXone" });
      }
      if (failures.length > 0) return { inputs: news, failures };
      // Keep the caller's secret wrappers on write-only fields; everything else is normalized.
      return { inputs: { ...meta(news), ...(checked.ok ? checked.value : {}), ...pick(news, kind.writeOnlyFields) } };
    },

    async diff(id, olds, news) {
      const before = unwrapSecrets(olds) as Props;
      const after = unwrapSecrets(news) as Props;
      const changed = changedFields(olds, news);
      // adoptId naming the object this resource already manages adopts nothing new: replacing
      // would delete that very object first and then find nothing to adopt.
      // conflictPolicy steers later writes: a change is an update that makes no API call.
      const policyChanged = (after.conflictPolicy ?? null) !== (before.conflictPolicy ?? null);
      const adoptChanged = (after.adoptId ?? null) !== (before.adoptId ?? null) && after.adoptId !== undefined && after.adoptId !== id;
      const replaces = adoptChanged ? ["adoptId"] : [];
      return {
        changes: changed.length > 0 || replaces.length > 0 || policyChanged,
        replaces,
        // Same name on both sides of a replacement would collide with the unique-name rule.
        deleteBeforeReplace: replaces.length > 0 && before.name === after.name,
      };
    },

    async create(inputs) {
      const body = wire(inputs);
      const adoptId = typeof inputs.adoptId === "string" ? inputs.adoptId : undefined;
      if (adoptId) {
        return audited("adopt", inputs.__urn, adoptId, undefined, async () => {
          const current = await api()
            .get(adoptId)
            .catch((error: unknown) => {
              if (error instanceof NotFoundError) {
                throw new AdoptionError(
                  `adoptId "${adoptId}": there is no ${kind.kind} with that id in CXone, so there is nothing to adopt. Check the id, or remove adoptId to create a new one.`,
                );
              }
              throw error;
            });
          const updated = await api().replace(adoptId, body, current.etag ?? "*");
          return {
            result: { id: updated.body.id, outs: outputs(inputs, updated) },
            etagAfter: updated.etag,
            attempts: current.attempts + updated.attempts,
          };
        });
      }
      return audited("create", inputs.__urn, undefined, undefined, async () => {
        const created = await api()
          .create(body)
          .catch((error: unknown) =>
            error instanceof ConflictError && error.errorCode === "duplicate_name"
              ? duplicateHint(error, body.name)
              : Promise.reject(error),
          );
        return {
          result: { id: created.body.id, outs: outputs(inputs, created) },
          etagAfter: created.etag,
          attempts: created.attempts,
          resourceId: created.body.id,
        };
      });
    },

    async read(id, props = {}) {
      return audited("read", props.__urn, id, props.etag as string | undefined, async () => {
        try {
          const current = await api().get(id);
          return { result: { id, props: outputs(props, current) }, etagAfter: current.etag, attempts: current.attempts };
        } catch (error) {
          if (!(error instanceof NotFoundError)) throw error;
          // A wrong collection path also answers 404; dropping every resource from the state on
          // refresh would be the worst reading of it. The collection must answer first.
          await api()
            .list({ top: 1 })
            .catch((listError: unknown) => {
              if (listError instanceof NotFoundError) {
                throw new ProviderConfigurationError(
                  `${kind.kind} ${id}: the collection ${api().collectionPath} itself answers 404, so this looks like a wrong path, not a deleted object; nothing was dropped from the state. Check cxone:baseUrl and cxone:${kind.kind === "Webhook" ? "webhooksPath" : "rulesPath"}.`,
                  kind.kind === "Webhook" ? "webhooksPath" : "rulesPath",
                );
              }
              throw listError;
            });
          // Gone from CXone: an empty id tells the engine to drop it from the state.
          return { result: { id: "", props: {} }, etagAfter: undefined, attempts: 2 };
        }
      });
    },

    async update(id, olds, news) {
      const body = wire(news);
      const stateETag = olds.etag as string | undefined;
      // Only provider settings (conflictPolicy) changed: nothing to send.
      if (changedFields(olds, news).length === 0) return { outs: { ...olds, ...meta(news), conflictPolicy: news.conflictPolicy } };
      return audited("update", news.__urn, id, stateETag, async () => {
        try {
          const updated = await api().replace(id, body, stateETag ?? "");
          return { result: { outs: outputs(news, updated) }, etagAfter: updated.etag, attempts: updated.attempts };
        } catch (error) {
          if (error instanceof NotFoundError) throw new ObjectGoneError(kind.kind, body.name, id);
          if (!(error instanceof PreconditionFailedError)) throw error;
          if (policy(news) !== "overwrite") {
            throw new OutOfBandChangeError(kind.kind, body.name, id, "update", stateETag, error.currentETag);
          }
          // Opt-in: take the server's current ETag and apply the program's version over it.
          const current = await api().get(id);
          const updated = await api().replace(id, body, current.etag ?? "");
          return {
            result: { outs: outputs(news, updated) },
            etagAfter: updated.etag,
            attempts: current.attempts + updated.attempts + 1,
            operation: "overwrite",
          };
        }
      });
    },

    async delete(id, props) {
      const stateETag = props.etag as string | undefined;
      const name = String(props.name ?? id);
      await audited("delete", props.__urn, id, stateETag, async () => {
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
    },
  };
}
