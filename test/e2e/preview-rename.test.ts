import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type RunningSimulator } from "../../src/simulator";
import { createPulumiProject, type PulumiProject } from "../helpers/pulumi-project";
import { apiWrites } from "../helpers/simulator-requests";
import { rule, lane, type RuleData } from "../helpers/rules";

// Issue 11, section 3: following our messages after a rename never deletes the live rule.
describe("a renamed resource keeps its live rule", () => {
  let sim: RunningSimulator;
  let p: PulumiProject;
  let vipId = "";
  const vip = { key: "vip", ...rule({ name: "VIP", priority: 10, ...lane("vip") }) };
  const general = { key: "general", ...rule({ name: "General", priority: 100, ...lane("general") }) };
  const setRules = (rules: RuleData[]) => p.config("rules", JSON.stringify(rules));

  beforeAll(async () => {
    sim = await startSimulator({ port: 0 });
    p = await createPulumiProject({ name: "preview-rename", program: "rules-as-data" });
    await p.useSimulator(sim.url);
    await setRules([vip, general]);
    await p.up();
    vipId = sim.admin.state().rules.find((r) => r.name === "VIP")!.id;
  });
  afterAll(async () => {
    p?.cleanup();
    await sim?.close();
  });

  it("a rename without aliases fails preview, and the message names the alias to add", async () => {
    await setRules([{ ...vip, key: "vip-voice" }, general]);
    const preview = await p.run("preview", "--diff");
    expect(preview.code).not.toBe(0);
    expect(preview.printed).toContain(`the name "VIP" is already used in CXone by id ${vipId}`);
    expect(preview.printed).toContain('add `aliases: [{ name: "vip" }]` to the options of "vip-voice"');
    expect(preview.printed).not.toMatch(/\n\s+at .*\.js:\d+/);
    expect(apiWrites(sim)).toHaveLength(2);
  });

  it("following it (aliases) moves the resource: no create, no delete, the same rule", async () => {
    await setRules([{ ...vip, key: "vip-voice", aliases: ["vip"] }, general]);
    const preview = await p.preview();
    expect(preview.printed).not.toMatch(/to create|to delete/);
    const before = sim.admin.requests().length;
    await p.up();
    expect(apiWrites(sim, before)).toEqual([]);
    expect(sim.admin.state().rules.map((r) => r.id)).toContain(vipId);
  });

  it("adopting one's own rule under a new name never deletes it: the old resource is only forgotten", async () => {
    await setRules([{ ...vip, key: "vip-2", adoptId: vipId }, general]);
    const preview = await p.preview();
    expect(preview.printed).toContain("adopting it writes nothing");
    expect(preview.printed).toMatch(/\+ 1 to create/);
    expect(preview.printed).toMatch(/- 1 to delete/);
    const before = sim.admin.requests().length;
    await p.up();
    expect(apiWrites(sim, before)).toEqual([]);
    const live = sim.admin.state().rules.find((r) => r.id === vipId);
    expect(live?.name).toBe("VIP");
    const audit = readFileSync(path.join(p.dir, "audit-dev.jsonl"), "utf8");
    expect(audit).toMatch(/"operation":"forget"/);
    expect(audit).toContain(`manages id ${vipId}`);
    const after = await p.preview();
    expect(after.printed).toContain("3 unchanged");
  });
});
