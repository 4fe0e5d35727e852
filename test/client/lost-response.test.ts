import { afterEach, describe, expect, it } from "vitest";
import { closeAllClients, getClient } from "../../src/client/index";
import type { RunningSimulator } from "../../src/simulator/index";
import { clientConfig, startSim } from "./helpers";
import { rule } from "../helpers/rules";

describe("lost responses: no write is lost or duplicated", () => {
  let sim: RunningSimulator | undefined;
  afterEach(async () => {
    await closeAllClients();
    await sim?.close();
  });

  it("100 creates whose responses are often dropped after commit leave exactly 100 rules", async () => {
    sim = await startSim({ rateLimitPerMinute: 0, faultSeed: 11 });
    const client = getClient(clientConfig(sim, { retry: { maxAttempts: 10 } }));
    sim.admin.setFaults({ dropResponseRate: 0.3 });

    const names = Array.from({ length: 100 }, (_, i) => `lost-${i}`);
    const created = await Promise.all(names.map((name, i) => client.rules.create(rule({ name: name, priority: i + 1 }))));

    const stored = sim.admin.state().rules;
    expect(stored).toHaveLength(100);
    expect(new Set(stored.map((r) => r.name))).toEqual(new Set(names));
    // Every caller got the object that is really stored, with its current ETag.
    const byId = new Map(stored.map((r) => [r.id, r]));
    for (const result of created) {
      expect(byId.get(result.body.id)?.name).toBe(result.body.name);
      expect(result.etag).toBe(byId.get(result.body.id)?.etag);
    }
    expect(sim.admin.requests().filter((r) => r.dropped && r.method === "POST").length).toBeGreaterThan(10);
    // Recovered by looking the rule up by name, not by blindly re-posting.
    expect(sim.admin.requests().filter((r) => r.method === "GET" && r.query.includes("name=")).length).toBeGreaterThan(10);
  });

  it("without read scope the lookup is impossible, and the same Idempotency-Key still prevents a duplicate", async () => {
    sim = await startSim({ rateLimitPerMinute: 0, clientScopes: ["routing:rules:write"] });
    const client = getClient(clientConfig(sim));
    sim.admin.setFaults({ dropResponseCount: 1 });

    const created = await client.rules.create(rule({ name: "write-only" }));

    expect(created.status).toBe(201);
    expect(sim.admin.state().rules).toHaveLength(1);
    const posts = sim.admin.requests().filter((r) => r.method === "POST" && r.path.endsWith("interactionroutingrules"));
    expect(posts).toHaveLength(2);
    expect(posts[0]!.idempotencyKey).toBe(posts[1]!.idempotencyKey);
    expect(posts[1]!.replayed).toBe(true);
  });

  it("a caller-supplied Idempotency-Key is sent on the POST", async () => {
    sim = await startSim({ rateLimitPerMinute: 0 });
    const client = getClient(clientConfig(sim));
    await client.rules.create(rule({ name: "keyed" }), { idempotencyKey: "urn:pulumi:dev::proj::cxone:Rule::keyed#1" });
    const post = sim.admin.requests().find((r) => r.method === "POST" && r.path.endsWith("interactionroutingrules"));
    expect(post?.idempotencyKey).toBe("urn:pulumi:dev::proj::cxone:Rule::keyed#1");
  });

  it("a PUT whose response was lost is recognised as applied when the resend meets 412", async () => {
    sim = await startSim({ rateLimitPerMinute: 0 });
    const client = getClient(clientConfig(sim));
    const created = await client.rules.create(rule({ name: "put-lost" }));
    sim.admin.setFaults({ dropResponseCount: 1 });

    const replaced = await client.rules.replace(created.body.id, { ...rule({ name: "put-lost" }), priority: 42 }, created.etag!);

    expect(replaced.body.priority).toBe(42);
    expect(replaced.etag).toBe(sim.admin.state().rules[0]!.etag);
    expect(sim.admin.state().rules[0]!.version).toBe(2);
  });

  it("a DELETE whose response was lost is recognised as applied when the resend meets 404", async () => {
    sim = await startSim({ rateLimitPerMinute: 0 });
    const client = getClient(clientConfig(sim));
    const created = await client.rules.create(rule({ name: "delete-lost" }));
    sim.admin.setFaults({ dropResponseCount: 1 });

    const removed = await client.rules.remove(created.body.id, created.etag!);

    expect(removed.status).toBe(204);
    expect(sim.admin.state().rules).toHaveLength(0);
  });
});
