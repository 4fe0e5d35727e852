import { afterEach, describe, expect, it } from "vitest";
import { AuthenticationError, closeAllClients, getClient, type ClientConfigInput } from "../../src/client/index";
import type { RunningSimulator } from "../../src/simulator/index";
import { clientConfig, collectEvents, DEFAULT_CREDENTIALS, startSim } from "./helpers";
import { rule } from "../helpers/rules";

function accessKeyConfig(
  sim: RunningSimulator,
  auth: Partial<Extract<ClientConfigInput["auth"], { kind: "access-key" }>> = {},
): ClientConfigInput {
  const { baseUrl: _unused, ...rest } = clientConfig(sim);
  return {
    ...rest,
    auth: {
      kind: "access-key",
      accessKeyId: DEFAULT_CREDENTIALS.accessKeyId,
      accessKeySecret: DEFAULT_CREDENTIALS.accessKeySecret,
      issuerUrl: sim.url,
      ...auth,
    },
  };
}

describe("access-key auth (grant_type=password, Basic client auth) with API endpoint discovery", () => {
  let sim: RunningSimulator | undefined;
  afterEach(async () => {
    await closeAllClients();
    await sim?.close();
  });

  it("logs in, discovers the API host from the id_token's tenant and works", async () => {
    sim = await startSim({ rateLimitPerMinute: 0, tenantId: "tenant-42" });
    const { events, observer } = collectEvents();
    const client = getClient({ ...accessKeyConfig(sim), observer });
    expect(client.baseUrl).toBeUndefined();

    const created = await client.rules.create(rule({ name: "via-access-key" }));

    expect(created.status).toBe(201);
    expect(client.baseUrl).toBe(sim.url);
    const discovery = sim.admin.requests().find((r) => r.path === "/.well-known/cxone-configuration");
    expect(discovery?.query).toBe("?tenantId=tenant-42");
    expect(events.map((e) => e.kind)).toEqual(["token", "discovery", "api"]);
  });

  it("uses a configured tenant id and discovers only once for concurrent calls", async () => {
    sim = await startSim({ rateLimitPerMinute: 0 });
    const client = getClient(accessKeyConfig(sim, { tenantId: "configured-tenant" }));
    await Promise.all(Array.from({ length: 10 }, () => client.rules.list()));
    const discoveries = sim.admin.requests().filter((r) => r.path === "/.well-known/cxone-configuration");
    expect(discoveries).toHaveLength(1);
    expect(discoveries[0]!.query).toBe("?tenantId=configured-tenant");
  });

  it("works with an explicit baseUrl and no discovery", async () => {
    sim = await startSim({ rateLimitPerMinute: 0 });
    const client = getClient({ ...accessKeyConfig(sim, { issuerUrl: undefined }), baseUrl: sim.url });
    expect((await client.webhooks.list()).status).toBe(200);
    expect(sim.admin.requests().some((r) => r.path.startsWith("/.well-known"))).toBe(false);
  });

  it("a wrong access key secret gives AuthenticationError naming the access key", async () => {
    sim = await startSim({ rateLimitPerMinute: 0 });
    const error = await getClient(accessKeyConfig(sim, { accessKeySecret: "wrong" }))
      .rules.list()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as Error).message).toContain('access key "sim-access-key"');
    expect((error as Error).message).toContain("rejected the credentials");
  });
});
