import { createAuditLog, type AuditLog } from "../audit";
import { getClient, type CxoneClient } from "../client";
import type { ProviderSettings } from "../settings/settings";
import { createRunRegistry, type RunRegistry } from "./identity/run-registry";

/**
 * Everything one run of the dynamic provider knows: made by the first `configure`, dropped with
 * the process (one process per `pulumi` operation). The SDK's provider host calls `configure`
 * once per distinct serialized provider (each kind's shell, and an older shell text a state may
 * hold), all within one run and with the same stack config: those calls keep this context (see
 * provider-host.ts). It replaces what used to be seven module-level globals, so a
 * test makes its own host instead of resetting modules.
 */
export interface RunContext {
  readonly settings: ProviderSettings;
  /** This stack's `cxone:owner` tag (see settings/ownership.ts); undefined without one. */
  readonly owner: string | undefined;
  /** Which ids the resources of this run hold (renames, name swaps, deletes). */
  readonly registry: RunRegistry;
  /** The API client: one token cache, socket pool and rate limiter per base URL and client id. */
  client(): CxoneClient;
  /** The audit log, opened on first use. */
  auditLog(): AuditLog;
  /**
   * A tenant lookup made once per run and shared by every call that needs it (the name listing of
   * check, a fallback rule's name, the listing the delete guard reads), keyed by what it reads.
   * A lookup that fails is forgotten so that a later call may try again.
   */
  once<T>(key: string, load: () => Promise<T>): Promise<T>;
}

export function createRunContext(settings: ProviderSettings): RunContext {
  let audit: AuditLog | undefined;
  const lookups = new Map<string, Promise<unknown>>();
  return {
    settings,
    owner: settings.owner,
    registry: createRunRegistry(),
    client: () => getClient(settings.client),
    auditLog: () => (audit ??= createAuditLog(settings.auditLogPath)),
    once<T>(key: string, load: () => Promise<T>): Promise<T> {
      let found = lookups.get(key) as Promise<T> | undefined;
      if (!found) {
        found = load();
        lookups.set(key, found);
        found.catch(() => lookups.delete(key));
      }
      return found;
    },
  };
}
