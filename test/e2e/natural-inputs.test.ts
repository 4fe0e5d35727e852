import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type RunningSimulator } from "../../src/simulator";
import { createPulumiProject, type PulumiProject } from "../helpers/pulumi-project";
import { apiWrites } from "../helpers/simulator-requests";

// The programs of issue 21: values held in variables (widened to string) and spread objects.
// typed-inputs.test.ts shows they compile; here the plain pulumi CLI deploys them.
describe("programs written the natural TypeScript way deploy, and a typo fails at preview", () => {
  let sim: RunningSimulator;
  let p: PulumiProject;

  beforeAll(async () => {
    sim = await startSimulator({ port: 0 });
    p = await createPulumiProject({ name: "natural-inputs", program: "natural-inputs" });
    await p.useSimulator(sim.url);
  });
  afterAll(async () => {
    p?.cleanup();
    await sim?.close();
  });

  it("a widened targets list and a spread interactionType deploy as written", async () => {
    await p.up();
    expect(await p.lastChanges()).toEqual({ create: 5 });
    const rules = Object.fromEntries(sim.admin.state().rules.map((r) => [r.name, r]));
    expect(Object.keys(rules).sort()).toEqual(["Billing Routing", "General Routing", "VIP Routing"]);
    expect(rules["VIP Routing"]!.interactionType).toBe("voice");
    expect(rules["VIP Routing"]!.fallbackRuleId).toBe(rules["General Routing"]!.id);
    expect(rules["Billing Routing"]!.targets).toEqual([{ type: "queue", id: "queue-general", weight: 100, capacity: 10 }]);
    expect(sim.admin.state().webhooks.map((w) => w.name)).toEqual(["RoutingRuleSync"]);
  });

  it('interactionType: "vioce" compiles, and preview refuses it naming "voice"; nothing is written', async () => {
    const writesBefore = apiWrites(sim).length;
    await p.config("withTypo", "true");
    const preview = await p.run("preview", "--diff");
    expect(preview.code).not.toBe(0);
    expect(preview.printed).toContain(
      'interactionType: must be one of voice, chat, email, sms, social or workitem, got "vioce"; did you mean "voice"?',
    );
    expect(preview.printed).not.toContain("TSError");
    expect(apiWrites(sim).length).toBe(writesBefore);
  });
});
