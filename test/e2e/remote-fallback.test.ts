import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type RunningSimulator } from "../../simulator";
import { createTestStack, type TestStack } from "./harness";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const cxone = require("pulumi-cxone-routing") as typeof import("../../provider");

describe("a fallback cycle through a rule outside the stack", () => {
  let sim: RunningSimulator;
  let t: TestStack;
  let remoteFallback: string | undefined;

  beforeAll(async () => {
    sim = await startSimulator({ port: 0 });
    t = await createTestStack({
      projectName: "remote-fallback",
      program: cxone.routingProgram(() => {
        new cxone.RoutingRule("escalation", {
          name: "Escalation",
          priority: 30,
          interactionType: "voice",
          conditions: [{ field: "sentiment", operator: "equals", value: "angry" }],
          targets: [{ type: "queue", id: "queue-escalation", weight: 100, capacity: 5 }],
          ...(remoteFallback ? { fallbackRuleId: remoteFallback } : {}),
        });
      }),
    });
    await t.useSimulator(sim.url);
  });
  afterAll(async () => {
    await t?.cleanup();
    await sim?.close();
  });

  it("is found by reading the remote chain during preview, and nothing is written", async () => {
    await t.up();
    const escalationId = sim.admin.state().rules[0]!.id;
    // Managed by another team: Supervisors falls back to our Escalation rule.
    const seeded = await sim.admin.seed({
      rules: [
        {
          name: "Supervisors",
          priority: 200,
          enabled: true,
          interactionType: "voice",
          conditions: [],
          targets: [{ type: "queue", id: "queue-supervisors", weight: 100, capacity: 3 }],
          fallbackRuleId: escalationId,
        },
      ],
    });
    remoteFallback = seeded.rules[0]!.id;
    const before = sim.admin.requests().length;

    const error = await t.preview().then(
      () => undefined,
      (e: unknown) => e as Error & { commandResult?: { code: number; stdout: string; stderr: string } },
    );
    expect(error?.commandResult?.code).not.toBe(0);
    const printed = `${error!.commandResult!.stdout}\n${error!.commandResult!.stderr}`;
    expect(printed).toContain("escalation");
    expect(printed).toContain(`Supervisors (${remoteFallback})`);
    const after = sim.admin.requests().slice(before).filter((r) => r.template.startsWith("/api/"));
    expect(after.every((r) => r.method === "GET")).toBe(true);
    // The remote rule was read once.
    expect(after.filter((r) => r.path.endsWith(remoteFallback!))).toHaveLength(1);
    expect(sim.admin.state().rules.find((r) => r.name === "Escalation")!.fallbackRuleId).toBeUndefined();
  });
});
