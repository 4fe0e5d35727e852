import { afterEach, describe, expect, it } from "vitest";
import { closeAllClients, getClient } from "../../src/client/index";
import type { RunningSimulator } from "../../src/simulator/index";
import { clientConfig, startSim } from "./helpers";
import { seedRule } from "../helpers/rules";

describe("snapshot() on a tenant whose list carries no ETags", () => {
  let sim: RunningSimulator | undefined;
  afterEach(async () => {
    await closeAllClients();
    await sim?.close();
  });

  it("holds the objects without ETags and says so (the resource layer then uses GET per object)", async () => {
    sim = await startSim({ rateLimitPerMinute: 0, listETags: false });
    await sim.admin.seed({ rules: [seedRule({ name: "a", priority: 1 }), seedRule({ name: "b", priority: 2 })] });
    const snapshot = await getClient(clientConfig(sim)).rules.snapshot();
    expect(snapshot.carriesETags).toBe(false);
    expect(snapshot.items.size).toBe(2);
    expect([...snapshot.items.values()].map((entry) => entry.etag)).toEqual([undefined, undefined]);
  });
});
