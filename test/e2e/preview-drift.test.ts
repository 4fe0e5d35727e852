import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type RunningSimulator } from "../../src/simulator";
import { createPulumiProject, type PulumiProject } from "../helpers/pulumi-project";
import { apiWrites } from "../helpers/simulator-requests";
import { rule, lane, type RuleData } from "../helpers/rules";

// Issue 11, section 1: what `up` changes back after a console edit is shown by preview, field by field.
describe("preview shows drift that up reverts, field by field", () => {
  let sim: RunningSimulator;
  let p: PulumiProject;
  const vip = {
    key: "vip",
    ...rule({
      name: "VIP",
      priority: 10,
      ...lane("vip"),
      targets: [
        { type: "queue", id: "queue-vip-a", weight: 70, capacity: 50 },
        { type: "queue", id: "queue-vip-b", weight: 30, capacity: 20 },
      ],
      fallback: "general",
    }),
  };
  const general = { key: "general", ...rule({ name: "General", priority: 100, ...lane("general") }) };
  const overflow = { key: "overflow", ...rule({ name: "Overflow", priority: 200, ...lane("overflow") }) };
  const setRules = (rules: RuleData[]) => p.config("rules", JSON.stringify(rules));
  const tenantRule = (name: string) => sim.admin.state().rules.find((r) => r.name === name)!;

  beforeAll(async () => {
    sim = await startSimulator({ port: 0 });
    p = await createPulumiProject({ name: "preview-drift", program: "rules-as-data" });
    await p.useSimulator(sim.url);
    await setRules([vip, general, overflow]);
    await p.up();
  });
  afterAll(async () => {
    p?.cleanup();
    await sim?.close();
  });

  it("with no change anywhere, preview shows every rule unchanged (no field-less update)", async () => {
    const preview = await p.preview();
    expect(preview.printed).toContain("4 unchanged");
    expect(preview.printed).not.toContain("to update");
  });

  it("after a console edit, refresh --diff shows it and preview --diff shows every field up puts back", async () => {
    const live = tenantRule("VIP");
    await sim.admin.editRule(live.id, {
      description: "added in the console",
      targets: live.targets.map((t) => (t.id === "queue-vip-a" ? { ...t, capacity: 90 } : t)),
    });
    // The program changes too (weights 70/30 -> 60/40): its write is refused, nothing overwritten.
    const reweighted = { ...vip, targets: vip.targets.map((t) => ({ ...t, weight: t.id === "queue-vip-a" ? 60 : 40 })) };
    await setRules([reweighted, general, overflow]);
    const up = await p.run("up", "--yes", "--skip-preview");
    expect(up.code).not.toBe(0);
    expect(up.printed).toContain("changed outside Pulumi");
    expect(tenantRule("VIP").description).toBe("added in the console");

    const refresh = await p.refresh("--diff");
    expect(refresh.printed).toMatch(/capacity\s*:\s*50 => 90/);

    const before = sim.admin.requests().length;
    const preview = await p.preview();
    expect(preview.printed).toMatch(/~ pulumi-nodejs:dynamic\/cxone:RoutingRule: \(update\)[\s\S]*::vip\]/);
    expect(preview.printed).toMatch(/- description\s*: "added in the console"/);
    expect(preview.printed).toMatch(/capacity\s*:\s*90 => 50/);
    expect(preview.printed).toMatch(/weight\s*:\s*70 => 60/);
    expect(preview.printed).toContain("1 to update");
    expect(apiWrites(sim, before)).toEqual([]);

    await p.up();
    const restored = tenantRule("VIP");
    expect(restored.description).toBeUndefined();
    expect(restored.targets.find((t) => t.id === "queue-vip-a")!.capacity).toBe(50);
    expect(restored.targets.find((t) => t.id === "queue-vip-a")!.weight).toBe(60);
    expect((await p.preview()).printed).toContain("4 unchanged");
    await setRules([vip, general, overflow]);
    await p.up();
  });

  it("preview --refresh --diff shows a console edit in one step", async () => {
    await sim.admin.editRule(tenantRule("General").id, { priority: 150 });
    const preview = await p.preview("--refresh");
    expect(preview.printed).toMatch(/priority\s*:\s*150 => 100/);
    await p.up("--refresh");
    expect(tenantRule("General").priority).toBe(100);
  });

  it("a reorder of targets and conditions plus one real change shows only the real change", async () => {
    const reordered = {
      ...vip,
      conditions: [{ field: "language", operator: "equals", value: "en" }, ...vip.conditions!].reverse(),
      targets: [...vip.targets].reverse(),
    };
    await setRules([
      { ...vip, conditions: [...vip.conditions!, { field: "language", operator: "equals", value: "en" }] },
      general,
      overflow,
    ]);
    await p.up();
    reordered.targets = reordered.targets.map((t) => (t.id === "queue-vip-b" ? { ...t, capacity: 25 } : t));
    await setRules([reordered, general, overflow]);
    const preview = await p.preview();
    expect(preview.printed).toMatch(/capacity\s*:\s*20 => 25/);
    expect(preview.printed).not.toMatch(/~ (field|id|weight|operator|value)\s*:/);
    expect(preview.printed).toContain("1 to update");
  });

  it("a fallback change is shown with the rules' names", async () => {
    await setRules([{ ...vip, fallback: "overflow" }, general, overflow]);
    const preview = await p.preview();
    expect(preview.printed).toMatch(/fallbackRuleName\s*:\s*"General" => "Overflow"/);
    await p.up();
    expect(tenantRule("VIP").fallbackRuleId).toBe(tenantRule("Overflow").id);
  });
});
