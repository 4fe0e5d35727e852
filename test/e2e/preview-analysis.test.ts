import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type RunningSimulator } from "../../src/simulator";
import { createPulumiProject, type PulumiProject } from "../helpers/pulumi-project";
import { apiWrites } from "../helpers/simulator-requests";

describe("pulumi preview fails on routing mistakes before any write", () => {
  let sim: RunningSimulator;
  let p: PulumiProject;

  beforeAll(async () => {
    sim = await startSimulator({ port: 0 });
    p = await createPulumiProject({ name: "preview-analysis", program: "preview-analysis" });
    await p.useSimulator(sim.url);
    await p.config("generalWeights", "[50, 50]");
  });
  afterAll(async () => {
    p?.cleanup();
    await sim?.close();
  });

  it("a fallback cycle through forward references in two files fails with its path", async () => {
    const preview = await p.run("preview", "--diff");
    expect(preview.code).not.toBe(0);
    expect(preview.printed).toMatch(
      /vip -> overflow -> general -> vip|overflow -> general -> vip -> overflow|general -> vip -> overflow -> general/,
    );
    expect(preview.printed).toContain("fallback");
    expect(preview.printed).not.toContain("error serializing property");
    expect(apiWrites(sim)).toEqual([]);
  });

  it("a weight sum of 99 names the rule and targets[..].weight", async () => {
    await p.config("generalWeights", "[50, 49]");
    const up = await p.run("up", "--yes");
    expect(up.code).not.toBe(0);
    expect(up.printed).toMatch(/"general"/);
    expect(up.printed).toContain("targets[..].weight");
    expect(up.printed).not.toContain("names no routing rule");
    expect(up.printed).toContain("99");
    expect(apiWrites(sim)).toEqual([]);
  });
});
