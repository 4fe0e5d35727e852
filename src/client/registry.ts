import { createHash } from "node:crypto";
import { createClient, type ClientInternals, type CxoneClient } from "./client";
import { resolveClientConfig, type ClientConfigInput, type ResolvedClientConfig } from "./config";
import { resetSharedBuckets } from "./rate-limit/shared-buckets";

/**
 * Process-wide clients. Pulumi calls the dynamic provider once per resource; memoizing here is what
 * makes 200 resources share one token, one socket pool and one rate-limit bucket.
 */
const clients = new Map<string, CxoneClient>();
/** A settings object's registry key, once computed (settings objects are never changed). */
const keyByInput = new WeakMap<ClientConfigInput, string>();

/**
 * The client for (API base URL, client id). Configurations that differ in anything else
 * (credentials, scope, timeouts, ...) get separate clients, so one resource's settings can never
 * silently apply to another's; the rate-limit bucket is still shared per origin and client id.
 */
export function getClient(input: ClientConfigInput, internals: Omit<ClientInternals, "onClose"> = {}): CxoneClient {
  // The provider asks for its client on every call with the same settings object: skip resolving
  // and hashing it again while its client is open.
  const known = keyByInput.get(input);
  const open = known === undefined ? undefined : clients.get(known);
  if (open && !input.observer && Object.keys(internals).length === 0) return open;
  const config = resolveClientConfig(input);
  const key = registryKey(config);
  keyByInput.set(input, key);
  let client = clients.get(key);
  if (!client) {
    const created = createClient(config, {
      ...internals,
      onClose: () => {
        if (clients.get(key) === created) clients.delete(key);
      },
    });
    clients.set(key, created);
    client = created;
  } else if (input.observer) {
    client.addObserver(input.observer);
  }
  return client;
}

/** Closes every client and forgets the shared rate-limit buckets (tests, end of a program). */
export async function closeAllClients(): Promise<void> {
  const all = [...clients.values()];
  clients.clear();
  resetSharedBuckets();
  await Promise.all(all.map((client) => client.close()));
}

function registryKey(config: ResolvedClientConfig): string {
  const { observer: _observer, ...settings } = config;
  const where =
    config.baseUrl ?? (config.auth.kind === "access-key" ? `discover:${config.auth.issuerUrl ?? ""}:${config.auth.tenantId ?? ""}` : "");
  // Hashed so the map key never holds a secret in clear text.
  const fingerprint = createHash("sha256").update(JSON.stringify(settings)).digest("hex");
  return `${where}\n${config.clientId}\n${fingerprint}`;
}
