import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ProviderConfigurationError } from "../../src/errors/provider-configuration-error";
import { configureProvider, providerAuditLog, providerSettings } from "../../src/provider/provider-state";

function request(values: Record<string, string>): dynamic.ConfigureRequest {
  return { config: { get: (key: string) => values[key] } } as unknown as dynamic.ConfigureRequest;
}

describe("provider state: configure takes the stack config", () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
    vi.unstubAllEnvs();
  });

  it("settings and the audit log follow the latest configure call", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "cxone-state-"));
    dirs.push(dir);
    const base = { "cxone:baseUrl": "http://127.0.0.1:9", "cxone:clientId": "id", "cxone:clientSecret": "s" };

    await configureProvider(request({ ...base, "cxone:auditLog": path.join(dir, "first.jsonl") }));
    expect(providerSettings().client.baseUrl).toBe("http://127.0.0.1:9");
    expect(providerAuditLog().path).toBe(path.join(dir, "first.jsonl"));

    await configureProvider(request({ ...base, "cxone:auditLog": path.join(dir, "second.jsonl"), "cxone:conflictPolicy": "overwrite" }));
    expect(providerSettings().conflictPolicy).toBe("overwrite");
    const log = providerAuditLog();
    expect(log.path).toBe(path.join(dir, "second.jsonl"));
    log.record({
      urn: "urn:pulumi:dev::p::t::n",
      resourceType: "RoutingRule",
      operation: "read",
      resourceId: "r1",
      ok: true,
      etagBefore: undefined,
      etagAfter: '"1"',
      latencyMs: 1,
      attempts: 1,
    });
    expect(readFileSync(path.join(dir, "second.jsonl"), "utf8").trim().split("\n")).toHaveLength(1);
  });

  it("a config without credentials is refused at configure time", async () => {
    // Empty counts as unset, so the test does not depend on the shell it runs in.
    vi.stubEnv("CXONE_CLIENT_ID", "");
    await expect(configureProvider(request({ "cxone:baseUrl": "http://127.0.0.1:9", "cxone:clientSecret": "s" }))).rejects.toBeInstanceOf(
      ProviderConfigurationError,
    );
  });
});
