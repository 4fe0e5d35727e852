import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type RunningSimulator } from "../../src/simulator";
import { createPulumiProject, type PulumiProject } from "../helpers/pulumi-project";
import { apiRequests } from "../helpers/simulator-requests";

describe("adopting a rule that already exists in CXone", () => {
  let sim: RunningSimulator;
  let p: PulumiProject;
  let existingId = "";

  beforeAll(async () => {
    sim = await startSimulator({ port: 0 });
    const seeded = await sim.admin.seed({
      rules: [
        {
          name: "Legacy After Hours",
          priority: 900,
          enabled: true,
          interactionType: "voice",
          conditions: [{ field: "afterHours", operator: "equals", value: true }],
          targets: [{ type: "queue", id: "queue-night", weight: 100, capacity: 5 }],
        },
      ],
    });
    existingId = seeded.rules[0]!.id;
    p = await createPulumiProject({ name: "adoption", program: "adoption" });
    await p.useSimulator(sim.url);
    await p.config("adoptId", existingId);
  });
  afterAll(async () => {
    p?.cleanup();
    await sim?.close();
  });

  it("takes the rule over with If-Match and creates no duplicate", async () => {
    await p.up();
    expect(await p.lastChanges()).toEqual({ create: 2 });
    expect((await p.outputs()).id).toBe(existingId);
    const rules = sim.admin.state().rules;
    expect(rules).toHaveLength(1);
    expect(rules[0]!.description).toBe("now managed by Pulumi");
    const api = apiRequests(sim);
    expect(api.some((r) => r.method === "POST")).toBe(false);
    const put = api.find((r) => r.method === "PUT")!;
    expect(put.ifMatch).toMatch(/^"/);
    const preview = await p.preview();
    expect(preview.printed).toContain("2 unchanged");
  });

  it("destroy removes it", async () => {
    await p.destroy();
    expect(await p.lastChanges()).toEqual({ delete: 2 });
    expect(sim.admin.state().rules).toEqual([]);
  });
});
