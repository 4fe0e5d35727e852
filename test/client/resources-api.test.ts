import { afterEach, describe, expect, it } from "vitest";
import { closeAllClients, getClient } from "../../src/client/index";
import type { RunningSimulator } from "../../src/simulator/index";
import { clientConfig, startSim } from "./helpers";
import { rule, seedRule } from "../helpers/rules";

describe("resource API: CRUD with ETags, paging, name lookup", () => {
  let sim: RunningSimulator | undefined;
  afterEach(async () => {
    await closeAllClients();
    await sim?.close();
  });

  it("listAll follows pages beyond the 100-item maximum", async () => {
    sim = await startSim({ rateLimitPerMinute: 0 });
    await sim.admin.seed({ rules: Array.from({ length: 250 }, (_, i) => seedRule({ name: `paged-${i}`, priority: i + 1 })) });
    const all = await getClient(clientConfig(sim)).rules.listAll();
    expect(all).toHaveLength(250);
    expect(new Set(all.map((r) => r.id)).size).toBe(250);
  });

  it("findByName returns the object with its ETag, or undefined", async () => {
    sim = await startSim({ rateLimitPerMinute: 0 });
    const client = getClient(clientConfig(sim));
    const created = await client.rules.create(rule({ name: "findable" }));
    const found = await client.rules.findByName("findable");
    expect(found?.body.id).toBe(created.body.id);
    expect(found?.etag).toBe(created.etag);
    expect(await client.rules.findByName("absent")).toBeUndefined();
  });

  it("webhooks: create, replace with If-Match, delete; the secret is never returned", async () => {
    sim = await startSim({ rateLimitPerMinute: 0 });
    const client = getClient(clientConfig(sim));
    const created = await client.webhooks.create({
      name: "sync",
      enabled: true,
      targetURL: "https://example.com/hook",
      eventFilter: "routing.rule.created routing.rule.updated",
      format: "json",
      secret: "hook-secret",
    });
    expect(created.status).toBe(201);
    expect(created.body.hasSecret).toBe(true);
    expect(JSON.stringify(created.body)).not.toContain("hook-secret");

    const replaced = await client.webhooks.replace(
      created.body.id,
      { name: "sync", enabled: false, targetURL: "https://example.com/hook", eventFilter: "routing.rule.deleted", format: "json" },
      created.etag!,
    );
    expect(replaced.body.enabled).toBe(false);
    expect(replaced.etag).not.toBe(created.etag);

    expect((await client.webhooks.remove(created.body.id, replaced.etag!)).status).toBe(204);
    expect(sim.admin.state().webhooks).toHaveLength(0);
  });

  it("uses configured collection paths", async () => {
    sim = await startSim({ rateLimitPerMinute: 0, rulesPath: "/custom/rules", webhooksPath: "/custom/hooks" });
    const client = getClient(clientConfig(sim, { rulesPath: "/custom/rules", webhooksPath: "/custom/hooks" }));
    await client.rules.create(rule({ name: "custom-path" }));
    expect((await client.webhooks.list()).status).toBe(200);
    expect(sim.admin.requests().filter((r) => r.path.startsWith("/custom/")).length).toBe(2);
  });
});
