import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type RunningSimulator } from "../../src/simulator";
import { createPulumiProject, type PulumiProject } from "../helpers/pulumi-project";
import { apiRequests } from "../helpers/simulator-requests";

describe("a fallback cycle through a rule outside the stack", () => {
  let sim: RunningSimulator;
  let p: PulumiProject;

  beforeAll(async () => {
    sim = await startSimulator({ port: 0 });
    p = await createPulumiProject({ name: "remote-fallback", program: "remote-fallback" });
    await p.useSimulator(sim.url);
  });
  afterAll(async () => {
    p?.cleanup();
    await sim?.close();
  });

  it("is found by reading the remote chain during preview, and nothing is written", async () => {
    await p.up();
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
    const remoteFallback = seeded.rules[0]!.id;
    await p.config("remoteFallback", remoteFallback);
    const before = sim.admin.requests().length;

    const preview = await p.run("preview", "--diff");
    expect(preview.code).not.toBe(0);
    expect(preview.printed).toContain("escalation");
    expect(preview.printed).toContain(`Supervisors (${remoteFallback})`);
    const after = apiRequests(sim, before);
    expect(after.every((r) => r.method === "GET")).toBe(true);
    // The remote chain comes from one paged listing of the rules (no GET per remote rule).
    expect(after.filter((r) => r.path.endsWith(remoteFallback))).toHaveLength(0);
    expect(after.filter((r) => r.template === "/api/v2/routing/interactionroutingrules").length).toBeGreaterThanOrEqual(1);
    expect(sim.admin.state().rules.find((r) => r.name === "Escalation")!.fallbackRuleId).toBeUndefined();
  });
});
