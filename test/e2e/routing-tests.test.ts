import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type RunningSimulator } from "../../src/simulator";
import { createPulumiProject, type PulumiProject } from "../helpers/pulumi-project";
import { apiWrites } from "../helpers/simulator-requests";

/** 5,000 lines of voice and chat traffic shapes (deterministic). */
function corpus(): string {
  const lines: string[] = [];
  const segments = ["vip", "standard", "basic"];
  const intents = ["billing", "sales", "support"];
  for (let i = 0; i < 5000; i++) {
    if (i % 5 === 4) {
      lines.push(JSON.stringify({ interactionType: "chat", attributes: { language: i % 3 === 0 ? "es-ES" : "en-US" } }));
    } else {
      const attributes = { customerSegment: segments[i % 3], callDuration: String((i * 37) % 300), intent: intents[(i >> 2) % 3] };
      lines.push(JSON.stringify({ interactionType: "voice", attributes }));
    }
  }
  return `${lines.join("\n")}\n`;
}

describe("routing tests and the impact report at preview", () => {
  let sim: RunningSimulator;
  let p: PulumiProject;

  beforeAll(async () => {
    sim = await startSimulator({ port: 0 });
    p = await createPulumiProject({ name: "routing-tests", program: "routing-tests" });
    await p.useSimulator(sim.url);
    await p.up();
  });
  afterAll(async () => {
    p?.cleanup();
    await sim?.close();
  });

  it("a change that reroutes a tested interaction fails preview naming the case and why, and nothing is written", async () => {
    await p.config("vipMaxWait", "60");
    const before = sim.admin.requests().length;
    const preview = await p.run("preview", "--diff");
    console.log(preview.printed);
    expect(preview.code).not.toBe(0);
    expect(preview.printed).not.toContain("error serializing property");
    expect(preview.printed).toContain('routing test "VIP caller after 90 s reaches the VIP pool" failed');
    expect(preview.printed).toContain('routed to:   rule "voice-general" (General Voice Routing, priority 100)');
    expect(preview.printed).toContain('expected:    rule "voice-vip" (VIP Customer Priority Routing, priority 10)');
    expect(preview.printed).toContain('condition callDuration lessThan 60 did not match: the interaction has callDuration = "90"');
    // One block: the failure is printed once.
    expect(preview.printed.split('routing test "VIP caller after 90 s').length - 1).toBe(1);
    expect(apiWrites(sim, before)).toEqual([]);
    const up = await p.run("up", "--yes", "--skip-preview");
    expect(up.code).not.toBe(0);
    expect(apiWrites(sim, before)).toEqual([]);
  });

  it("a preview with a 5,000-line corpus prints the impact table: counts by old -> new rule and the first examples", async () => {
    writeFileSync(path.join(p.dir, "traffic.jsonl"), corpus());
    await p.config("cxone:impactCorpus", "traffic.jsonl");
    await p.config("vipMaxWait", "150");
    const before = sim.admin.requests().length;
    const preview = await p.preview();
    console.log(preview.printed);
    expect(preview.printed).toMatch(
      /routing impact: \d+ of 5004 interaction\(s\) \(4 test case\(s\) \+ 5000 corpus line\(s\) from traffic.jsonl\)/,
    );
    expect(preview.printed).toMatch(/General Voice Routing\s+-> VIP Customer Priority Routing\s+\d+/);
    expect(preview.printed).toContain("first examples:");
    expect(preview.printed).toMatch(/traffic.jsonl line \d+: voice \{"customerSegment":"vip","callDuration":"1[2-4]\d"/);
    expect(apiWrites(sim, before)).toEqual([]);
  });
});
