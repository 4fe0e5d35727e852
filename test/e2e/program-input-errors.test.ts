import { describe, expect, it } from "vitest";
import { lane, rule } from "../helpers/rules";
import { useSimulatedProject } from "../helpers/simulated-project";
import { apiWrites } from "../helpers/simulator-requests";

/** Issue 22: bad program input ends the preview with one clean block: what, where, why, the fix. */
describe("program input errors print one block, no stack trace", () => {
  const setting = useSimulatedProject({ name: "program-input-errors", program: "rules-as-data" });
  const general = { key: "general", ...rule({ name: "General", priority: 100, ...lane("general") }) };

  const clean = (printed: string, message: string) => {
    expect(printed).not.toContain("unhandled exception");
    expect(printed).not.toMatch(/\n\s+at .*:\d+:\d+/);
    expect(printed.split(message).length - 1).toBe(1);
  };

  it("a fallback given as a number names the rule, the value and the fix", async () => {
    const { project: p, sim } = setting;
    await p.config(
      "rules",
      JSON.stringify([{ key: "vip", ...rule({ name: "VIP", priority: 10, ...lane("vip") }), fallback: 42 }, general]),
    );
    const preview = await p.run("preview", "--diff");
    expect(preview.code).not.toBe(0);
    expect(preview.printed).toContain(
      'RoutingRule "vip": fallback must be a RoutingRule of this program or its logical name (a string), got 42',
    );
    clean(preview.printed, "fallback must be a RoutingRule of this program");
    expect(apiWrites(sim)).toEqual([]);
  });

  it("a logical name declared twice names it and the fix", async () => {
    const { project: p, sim } = setting;
    await p.config("rules", JSON.stringify([general, { ...general, name: "General 2", priority: 200 }]));
    const preview = await p.run("preview", "--diff");
    expect(preview.code).not.toBe(0);
    expect(preview.printed).toContain('RoutingRule "general" is declared twice');
    clean(preview.printed, "is declared twice");
    expect(apiWrites(sim)).toEqual([]);
  });
});

/**
 * An error thrown while the SDK constructs one of our resources (here the program's own resource
 * transformation) is the program's one report: its message once, with the program line that
 * declared the rule, and no routing analysis of a rule that was never made (src/program/sdk-stacks.ts).
 */
describe("an error thrown inside the SDK's constructor of a RoutingRule", () => {
  const setting = useSimulatedProject({ name: "failing-transformation", program: "failing-transformation" });

  it("prints its message once, at the line that declared the rule, and writes nothing", async () => {
    const { project: p, sim } = setting;
    const preview = await p.run("preview", "--diff");
    expect(preview.code).not.toBe(0);
    expect(preview.printed.split("policy: the vip rule needs an owner").length - 1).toBe(1);
    // The frame of `new RoutingRule("vip", ...)` (line 17 of the program), not only the SDK's insides.
    expect(preview.printed).toMatch(/index\.ts:17:\d+/);
    expect(preview.printed).not.toContain("routing analysis failed");
    expect(apiWrites(sim)).toEqual([]);
  });
});
