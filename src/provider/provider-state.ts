import type * as dynamic from "@pulumi/pulumi/dynamic";
import { getClient, type CxoneClient } from "../client";
import { createAuditLog, type AuditLog } from "../audit";
import { setOwner } from "../settings/ownership";
import { resolveProviderSettings, settingSource, type ProviderSettings } from "../settings/settings";

/**
 * Process-wide state of the dynamic-provider host. The host loads the provider module once per
 * process and calls `configure` with the stack config before any CRUD call, so every resource
 * of a run shares these settings, one API client (token cache, rate limiter, sockets) and one
 * audit log. Credentials live only here, in memory: never in the serialized provider or state.
 */
let settings: ProviderSettings | undefined;
let audit: AuditLog | undefined;

export async function configureProvider(req: dynamic.ConfigureRequest): Promise<void> {
  settings = resolveProviderSettings(settingSource((key) => req.config.get(key)));
  setOwner(settings.owner);
  audit = undefined;
}

export function providerSettings(): ProviderSettings {
  // Without configure (an engine that skips it), fall back to the environment alone.
  settings ??= resolveProviderSettings(settingSource(() => undefined));
  return settings;
}

export function providerClient(): CxoneClient {
  return getClient(providerSettings().client);
}

export function providerAuditLog(): AuditLog {
  audit ??= createAuditLog(providerSettings().auditLogPath);
  return audit;
}
