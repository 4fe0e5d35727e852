import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { closeAllClients } from "../../src/client/index";
import { createProviderHost, type ProviderHost } from "../../src/provider/provider-host";
import { configure } from "../../src/provider/runtime";
import { DEFAULT_CREDENTIALS, startSimulator, type RunningSimulator, type SimulatorOptions } from "../../src/simulator/index";

export const URN = "urn:pulumi:dev::cxone-routing::pulumi-nodejs:dynamic/cxone:RoutingRule::vip-voice";
export const WEBHOOK_URN = "urn:pulumi:dev::cxone-routing::pulumi-nodejs:dynamic/cxone:Webhook::sync";
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** Pulumi's serialized form of a secret value. */
export function secret(value: unknown): Record<string, unknown> {
  return { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", value };
}

/** A simulator without server-side rate limiting, so a test's request count is all it checks. */
export function startSim(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  return startSimulator({ port: 0, rateLimitPerMinute: 0, ...options });
}

export interface Harness {
  sim: RunningSimulator;
  auditFile: string;
  /** Requests the simulator answered, token endpoint excluded. */
  apiRequests(): ReturnType<RunningSimulator["admin"]["requests"]>;
  /** Configures the provider again with extra `cxone:*` keys (the base ones stay); the run's registry stays. */
  reconfigure(extra?: Record<string, string>): Promise<void>;
  /** The providers of a new host, configured like this one: the next `pulumi` run, on a new machine. */
  nextRun(): Promise<ProviderHost>;
  close(): Promise<void>;
}

/** A simulator plus a provider configured for it, with the audit log in a fresh temporary folder. */
export async function startHarness(extra: Record<string, string> = {}, options: SimulatorOptions = {}): Promise<Harness> {
  const sim = await startSim(options);
  const dir = mkdtempSync(path.join(tmpdir(), "cxone-resources-"));
  const auditFile = path.join(dir, "audit.jsonl");
  const request = (more: Record<string, string> = {}) => {
    const values: Record<string, string> = {
      "cxone:baseUrl": sim.url,
      "cxone:clientId": DEFAULT_CREDENTIALS.clientId,
      "cxone:clientSecret": DEFAULT_CREDENTIALS.clientSecret,
      "cxone:auditLog": auditFile,
      "cxone:rateLimitPerMinute": "off",
      // Explicit, so that a CXONE_CONFLICT_POLICY in the shell cannot change what tests see.
      "cxone:conflictPolicy": "fail",
      ...extra,
      ...more,
    };
    return { config: { get: (key: string) => values[key] } } as unknown as dynamic.ConfigureRequest;
  };
  const reconfigure = (more: Record<string, string> = {}) => configure(request(more));
  await reconfigure();
  return {
    sim,
    auditFile,
    apiRequests: () => sim.admin.requests().filter((entry) => !entry.path.startsWith("/oauth/")),
    reconfigure,
    async nextRun() {
      const host = createProviderHost();
      await host.configure(request());
      return host;
    },
    async close() {
      await closeAllClients();
      await sim.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Inputs as the engine hands them to check/create (before or after check): the fields plus the resource's URN. */
export function engineInputs(fields: object): Record<string, unknown> {
  return { __urn: URN, ...fields };
}

export const WEBHOOK_SECRET = "a-signing-secret-of-32-characters";

export function webhookInputs(name = "sync", overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    __urn: WEBHOOK_URN,
    name,
    enabled: true,
    targetURL: "https://hooks.example.com/cxone",
    eventFilter: ["routing.rule.updated", "routing.rule.created"],
    format: "json",
    secret: WEBHOOK_SECRET,
    ...overrides,
  };
}
