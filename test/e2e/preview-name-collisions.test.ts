import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type RunningSimulator } from "../../src/simulator";
import { createPulumiProject, type PulumiProject } from "../helpers/pulumi-project";
import { apiWrites } from "../helpers/simulator-requests";
import { rule, lane, type RuleData } from "../helpers/rules";

// Issue 11, section 4: names are unique per tenant; collisions are found at preview, swaps work.
describe("name collisions are found at preview; a swap of names succeeds at up", () => {
  let sim: RunningSimulator;
  let p: PulumiProject;
  let outsideId = "";
  const alpha = { key: "alpha", ...rule({ name: "Alpha", priority: 10, ...lane("alpha") }) };
  const beta = { key: "beta", ...rule({ name: "Beta", priority: 20, ...lane("beta") }) };
  const setRules = (rules: RuleData[]) => p.config("rules", JSON.stringify(rules));
  const names = () => Object.fromEntries(sim.admin.state().rules.map((r) => [r.conditions[0]?.value, r.name]));

  beforeAll(async () => {
    sim = await startSimulator({ port: 0 });
    const seeded = await sim.admin.seed({
      rules: [
        {
          name: "Console Rule",
          priority: 500,
          enabled: true,
          interactionType: "chat",
          conditions: [],
          targets: [{ type: "queue", id: "q-c", weight: 100, capacity: 1 }],
        },
      ],
    });
    outsideId = seeded.rules[0]!.id;
    p = await createPulumiProject({ name: "preview-names", program: "rules-as-data" });
    await p.useSimulator(sim.url);
  });
  afterAll(async () => {
    p?.cleanup();
    await sim?.close();
  });

  it("two rules of the program with one name fail preview, naming both", async () => {
    await setRules([alpha, { ...beta, name: "Alpha" }]);
    const preview = await p.run("preview", "--diff");
    expect(preview.code).not.toBe(0);
    expect(preview.printed).toMatch(/"Alpha" is also the name of RoutingRule "(alpha|beta)"/);
    expect(apiWrites(sim)).toEqual([]);
  });

  it("a new rule whose name an object outside the program holds fails preview with the fix", async () => {
    await setRules([alpha, beta, { key: "console", ...rule({ name: "Console Rule", priority: 30, ...lane("console") }) }]);
    const preview = await p.run("preview", "--diff");
    expect(preview.code).not.toBe(0);
    expect(preview.printed).toContain(`the name "Console Rule" is already used in CXone by id ${outsideId}`);
    expect(preview.printed).toContain(`adoptId: "${outsideId}"`);
    expect(apiWrites(sim)).toEqual([]);
  });

  it("swapping the names of two rules succeeds in one up", async () => {
    await setRules([alpha, beta]);
    await p.up();
    expect(names()).toMatchObject({ alpha: "Alpha", beta: "Beta" });
    await setRules([
      { ...alpha, name: "Beta" },
      { ...beta, name: "Alpha" },
    ]);
    const preview = await p.preview();
    expect(preview.printed).toContain("2 to update");
    await p.up();
    expect(names()).toMatchObject({ alpha: "Beta", beta: "Alpha" });
    expect(sim.admin.state().rules).toHaveLength(3);
    expect((await p.preview()).printed).toContain("3 unchanged");
  });
});
