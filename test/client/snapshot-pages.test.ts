import { afterEach, describe, expect, it } from "vitest";
import { closeAllClients, getClient } from "../../src/client/index";
import type { RunningSimulator } from "../../src/simulator/index";
import { clientConfig, startSim } from "./helpers";
import { seedRule } from "../helpers/rules";

const RULES = "/api/v2/routing/interactionroutingrules";

describe("snapshot(): the whole collection by pages of 100, with each object's ETag", () => {
  let sim: RunningSimulator | undefined;
  afterEach(async () => {
    await closeAllClients();
    await sim?.close();
  });

  it("250 rules in 3 list calls plus the token request; a second call is served from the cache", async () => {
    sim = await startSim({ rateLimitPerMinute: 0 });
    const { rules } = await sim.admin.seed({
      rules: Array.from({ length: 250 }, (_, i) => seedRule({ name: `rule-${i}`, priority: i + 1 })),
    });
    const client = getClient(clientConfig(sim));

    const snapshot = await client.rules.snapshot();
    await client.rules.snapshot();

    expect(snapshot.items.size).toBe(250);
    expect(snapshot.carriesETags).toBe(true);
    expect(snapshot.pages).toBe(3);
    for (const rule of rules) {
      const entry = snapshot.items.get(rule.id)!;
      expect(entry.etag).toBe(rule.etag);
      expect(entry.object.name).toBe(rule.name);
      expect(entry.object).not.toHaveProperty("etag");
    }
    const calls = sim.admin.requests();
    expect(calls.map((c) => `${c.method} ${c.path}${c.query}`)).toEqual([
      "POST /oauth/token",
      `GET ${RULES}?skip=0&top=100`,
      `GET ${RULES}?skip=100&top=100`,
      `GET ${RULES}?skip=200&top=100`,
    ]);
    // What GET on an item returns is what the snapshot holds.
    const one = await client.rules.get(rules[123]!.id);
    expect(snapshot.items.get(rules[123]!.id)).toEqual({ object: one.body, etag: one.etag });
  });
});
