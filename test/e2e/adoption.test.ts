import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type RunningSimulator } from "../../simulator";
import { createTestStack, type TestStack } from "./harness";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const cxone = require("pulumi-cxone-routing") as typeof import("../../provider");

describe("adopting a rule that already exists in CXone", () => {
  let sim: RunningSimulator;
  let t: TestStack;
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
    t = await createTestStack({
      projectName: "adoption",
      program: cxone.routingProgram(() => {
        const rule = new cxone.RoutingRule("after-hours", {
          name: "Legacy After Hours",
          description: "now managed by Pulumi",
          priority: 900,
          interactionType: "voice",
          conditions: [{ field: "afterHours", operator: "equals", value: true }],
          targets: [
            { type: "queue", id: "queue-night", weight: 50, capacity: 5 },
            { type: "queue", id: "queue-night-backup", weight: 50, capacity: 5 },
          ],
          adoptId: existingId,
        });
        return { id: rule.id };
      }),
    });
    await t.useSimulator(sim.url);
  });
  afterAll(async () => {
    await t?.cleanup();
    await sim?.close();
  });

  it("takes the rule over with If-Match and creates no duplicate", async () => {
    const up = await t.up();
    expect(up.summary.resourceChanges).toEqual({ create: 2 });
    expect(up.outputs.id!.value).toBe(existingId);
    const rules = sim.admin.state().rules;
    expect(rules).toHaveLength(1);
    expect(rules[0]!.description).toBe("now managed by Pulumi");
    const api = sim.admin.requests().filter((r) => r.template.startsWith("/api/"));
    expect(api.some((r) => r.method === "POST")).toBe(false);
    const put = api.find((r) => r.method === "PUT")!;
    expect(put.ifMatch).toMatch(/^"/);
    const preview = await t.preview();
    expect(preview.changeSummary).toEqual({ same: 2 });
  });

  it("destroy removes it", async () => {
    const destroy = await t.destroy();
    expect(destroy.summary.resourceChanges).toEqual({ delete: 2 });
    expect(sim.admin.state().rules).toEqual([]);
  });
});
