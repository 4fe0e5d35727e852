import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ProviderConfigurationError } from "../../src/errors/provider-configuration-error";
import { createProviderHost } from "../../src/provider/provider-host";

function request(values: Record<string, string>): dynamic.ConfigureRequest {
  return { config: { get: (key: string) => values[key] } } as unknown as dynamic.ConfigureRequest;
}

describe("run context: made by configure from the stack config", () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
    vi.unstubAllEnvs();
  });

  it("settings and the audit log follow the latest configure call", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "cxone-state-"));
    dirs.push(dir);
    const base = { "cxone:baseUrl": "http://127.0.0.1:9", "cxone:clientId": "id", "cxone:clientSecret": "s" };

    const host = createProviderHost();
    await host.configure(request({ ...base, "cxone:auditLog": path.join(dir, "first.jsonl"), "cxone:owner": "dev" }));
    const first = host.run();
    expect(first.settings.client.baseUrl).toBe("http://127.0.0.1:9");
    expect(first.auditLog().path).toBe(path.join(dir, "first.jsonl"));
    expect(first.owner).toBe("dev");
    first.registry.hold("urn:pulumi:dev::p::t::n", "r1");

    // The SDK configures again for each serialized provider (the webhook shell after the rule's),
    // with the same stack config: the run goes on, with what it knows.
    await host.configure(request({ ...base, "cxone:auditLog": path.join(dir, "first.jsonl"), "cxone:owner": "dev" }));
    expect(host.run()).toBe(first);
    expect(host.run().registry.isHeld("r1")).toBe(true);

    // Other settings (another tenant) make a new run.
    await host.configure(request({ ...base, "cxone:auditLog": path.join(dir, "second.jsonl"), "cxone:conflictPolicy": "overwrite" }));
    const second = host.run();
    expect(second).not.toBe(first);
    expect(second.settings.conflictPolicy).toBe("overwrite");
    // Nothing of the first run carries over: its owner, its held ids.
    expect(second.owner).toBeUndefined();
    expect(second.registry.isHeld("r1")).toBe(false);
    const log = second.auditLog();
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
    await expect(
      createProviderHost().configure(request({ "cxone:baseUrl": "http://127.0.0.1:9", "cxone:clientSecret": "s" })),
    ).rejects.toBeInstanceOf(ProviderConfigurationError);
  });
});
