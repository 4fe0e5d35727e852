import { afterEach, describe, expect, it } from "vitest";
import { closeAllClients, getClient } from "../../src/client/index";
import type { RunningSimulator } from "../../src/simulator/index";
import { clientConfig, startSim, tokenRequestCount } from "./helpers";

describe("registry: one client per base URL and client id", () => {
  let sim: RunningSimulator | undefined;
  afterEach(async () => {
    await closeAllClients();
    await sim?.close();
  });

  it("returns the same client, token cache and sockets to every caller with the same configuration", async () => {
    sim = await startSim({ rateLimitPerMinute: 0 });
    const first = getClient(clientConfig(sim));
    const second = getClient(clientConfig(sim));
    expect(second).toBe(first);
    await Promise.all([first.rules.list(), second.webhooks.list()]);
    expect(tokenRequestCount(sim)).toBe(1);
  });

  it("keeps clients apart when the base URL, the client id or the credentials differ", async () => {
    sim = await startSim({ rateLimitPerMinute: 0 });
    const reference = getClient(clientConfig(sim));
    expect(getClient(clientConfig(sim, { clientId: "other" }))).not.toBe(reference);
    expect(getClient(clientConfig(sim, { clientSecret: "other-secret" }))).not.toBe(reference);
    expect(getClient(clientConfig({ url: sim.url.replace("127.0.0.1", "localhost") }))).not.toBe(reference);
  });

  it("hands out a new client after close", async () => {
    sim = await startSim({ rateLimitPerMinute: 0 });
    const first = getClient(clientConfig(sim));
    await first.close();
    const second = getClient(clientConfig(sim));
    expect(second).not.toBe(first);
    expect((await second.rules.list()).status).toBe(200);
  });
});
