import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type RunningSimulator } from "../../src/simulator";
import { createPulumiProject, type PulumiProject } from "../helpers/pulumi-project";
import { diagnosticsSection, occurrences } from "../helpers/diagnostics";
import { apiRequests } from "../helpers/simulator-requests";
import { rule, lane, type RuleData } from "../helpers/rules";

// Issue 11, section 5: a rule that a rule outside the program falls back to is not deleted; the
// refusal comes once, before anything of that rule changes (the engine does not ask the provider
// about deletes at preview: see README, Known limits).
describe("deleting a rule that an outside rule falls back to", () => {
  let sim: RunningSimulator;
  let p: PulumiProject;
  let overflowId = "";
  let supervisorsId = "";
  const vip = { key: "vip", ...rule({ name: "VIP", priority: 10, ...lane("vip") }) };
  const overflow = { key: "overflow", ...rule({ name: "Overflow", priority: 50, ...lane("overflow") }) };
  const setRules = (rules: RuleData[]) => p.config("rules", JSON.stringify(rules));

  beforeAll(async () => {
    sim = await startSimulator({ port: 0 });
    p = await createPulumiProject({ name: "delete-dependent", program: "rules-as-data" });
    await p.useSimulator(sim.url);
    await setRules([vip, overflow]);
    await p.up();
    overflowId = sim.admin.state().rules.find((r) => r.name === "Overflow")!.id;
    const seeded = await sim.admin.seed({
      rules: [
        {
          name: "Supervisors",
          priority: 300,
          enabled: true,
          interactionType: "voice",
          conditions: [],
          targets: [{ type: "queue", id: "queue-supervisors", weight: 100, capacity: 3 }],
          fallbackRuleId: overflowId,
        },
      ],
    });
    supervisorsId = seeded.rules[0]!.id;
  });
  afterAll(async () => {
    p?.cleanup();
    await sim?.close();
  });

  it("up refuses the delete once, naming the outside rule, and sends no DELETE", async () => {
    await setRules([vip]);
    const before = sim.admin.requests().length;
    const up = await p.run("up", "--yes", "--skip-preview");
    expect(up.code).not.toBe(0);
    const refusal = `the rule "Supervisors" (id ${supervisorsId}) outside this stack falls back to it`;
    expect(up.printed).toContain(refusal);
    // One block in Diagnostics, no copy under the stack, no stack trace.
    expect(occurrences(diagnosticsSection(up.printed), refusal)).toBe(1);
    expect(up.printed).not.toContain("DependentRuleError");
    expect(up.printed).not.toMatch(/\n\s+at .*\.js:\d+/);
    expect(apiRequests(sim, before).filter((r) => r.method === "DELETE")).toEqual([]);
    expect(sim.admin.state().rules.find((r) => r.id === overflowId)?.name).toBe("Overflow");
  });

  it("after the outside rule stops depending on it, the same up deletes it", async () => {
    await sim.admin.editRule(supervisorsId, { fallbackRuleId: null as unknown as string });
    await p.up();
    expect(sim.admin.state().rules.find((r) => r.id === overflowId)).toBeUndefined();
    expect(
      sim.admin
        .state()
        .rules.map((r) => r.name)
        .sort(),
    ).toEqual(["Supervisors", "VIP"]);
  });
});
