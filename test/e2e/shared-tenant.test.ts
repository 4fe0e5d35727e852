import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type RunningSimulator } from "../../src/simulator";
import { createPulumiProject, type PulumiProject } from "../helpers/pulumi-project";
import { apiWrites } from "../helpers/simulator-requests";
import { rule, lane, type RuleData } from "../helpers/rules";

// Issue 12: dev and staging on one sandbox tenant, each owning its objects through cxone:owner.
describe("two stacks share one tenant", () => {
  let sim: RunningSimulator;
  let dev: PulumiProject;
  let staging: PulumiProject;
  const rules: RuleData[] = [
    { key: "vip", ...rule({ name: "VIP", priority: 10, ...lane("vip"), fallback: "general" }) },
    { key: "general", ...rule({ name: "General", priority: 100, ...lane("general") }) },
  ];
  const names = () =>
    sim.admin
      .state()
      .rules.map((r) => r.name)
      .sort();

  beforeAll(async () => {
    sim = await startSimulator({ port: 0 });
    dev = await createPulumiProject({ name: "shared-tenant", program: "rules-as-data" });
    staging = await dev.addStack("staging");
    for (const [stack, owner] of [
      [dev, "dev"],
      [staging, "staging"],
    ] as const) {
      await stack.useSimulator(sim.url);
      await stack.config("cxone:owner", owner);
      await stack.config("rules", JSON.stringify(rules));
    }
  });
  afterAll(async () => {
    dev?.cleanup();
    await sim?.close();
  });

  it("both deploy the same program side by side, each name tagged with its owner", async () => {
    await dev.up();
    await staging.up();
    expect(names()).toEqual(["General [dev]", "General [staging]", "VIP [dev]", "VIP [staging]"]);
    const byName = Object.fromEntries(sim.admin.state().rules.map((r) => [r.name, r]));
    expect(byName["VIP [staging]"]!.fallbackRuleId).toBe(byName["General [staging]"]!.id);
    // Each stack's state and diff use the program's names: nothing to do on either.
    expect((await dev.preview()).printed).toContain("3 unchanged");
    expect((await staging.preview()).printed).toContain("3 unchanged");
  });

  it("staging adopting dev's rule is an error at preview naming the owner, and nothing is written", async () => {
    const devVip = sim.admin.state().rules.find((r) => r.name === "VIP [dev]")!;
    await staging.config(
      "rules",
      JSON.stringify([...rules, { key: "grab", ...rule({ name: "Grab", priority: 300, ...lane("grab"), adoptId: devVip.id }) }]),
    );
    const before = sim.admin.requests().length;
    const preview = await staging.run("preview", "--diff");
    expect(preview.code).not.toBe(0);
    expect(preview.printed).toContain(`belongs to the stack with cxone:owner "dev"`);
    expect(apiWrites(sim, before)).toEqual([]);
    await staging.config("rules", JSON.stringify(rules));
  });

  it("destroying staging leaves dev's objects intact", async () => {
    await staging.destroy();
    expect(names()).toEqual(["General [dev]", "VIP [dev]"]);
    expect((await dev.preview()).printed).toContain("3 unchanged");
  });
});
