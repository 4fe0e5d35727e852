import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type RunningSimulator } from "../../src/simulator";
import { createTestStack, type TestStack } from "../helpers/inline-stack";

// Loaded by package name, as a user's tool loads it.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const cxone = require("pulumi-cxone-routing") as typeof import("../../src");

describe("an Automation API inline program wrapped in routingProgram", () => {
  let sim: RunningSimulator;
  let t: TestStack;
  let overflowWeight = 100;

  beforeAll(async () => {
    sim = await startSimulator({ port: 0 });
    t = await createTestStack({
      projectName: "inline-program",
      program: cxone.routingProgram(() => {
        // Forward reference: "overflow" is declared after the rule that falls back to it.
        const vip = new cxone.RoutingRule("vip", {
          name: "VIP",
          priority: 10,
          interactionType: "voice",
          conditions: [{ field: "customerSegment", operator: "equals", value: "vip" }],
          targets: [{ type: "queue", id: "queue-vip", weight: 100, capacity: 10 }],
          fallback: "overflow",
        });
        new cxone.RoutingRule("overflow", {
          name: "Overflow",
          priority: 50,
          interactionType: "voice",
          targets: [{ type: "queue", id: "queue-overflow", weight: overflowWeight, capacity: 10 }],
        });
        return { vipFallback: vip.fallbackRuleId };
      }),
    });
    await t.useSimulator(sim.url);
  });
  afterAll(async () => {
    await t?.cleanup();
    await sim?.close();
  });

  it("up resolves the forward reference, and the same process can preview and up again", async () => {
    const up = await t.up();
    expect(up.summary.resourceChanges).toEqual({ create: 3 });
    const overflow = sim.admin.state().rules.find((r) => r.name === "Overflow")!;
    expect(up.outputs.vipFallback!.value).toBe(overflow.id);
    expect((await t.preview()).changeSummary).toEqual({ same: 3 });
  });

  it("the analysis fails the program before any write", async () => {
    overflowWeight = 99;
    const before = sim.admin.requests().length;
    await expect(t.up()).rejects.toThrow(/routing analysis failed/);
    expect(t.output()).toContain("targets[..].weight");
    expect(
      sim.admin
        .requests()
        .slice(before)
        .filter((r) => r.method !== "GET" && r.template.startsWith("/api/")),
    ).toEqual([]);
    overflowWeight = 100;
  });

  it("destroy removes everything", async () => {
    const destroy = await t.destroy();
    expect(destroy.summary.resourceChanges).toEqual({ delete: 3 });
    expect(sim.admin.state().rules).toEqual([]);
  });
});
