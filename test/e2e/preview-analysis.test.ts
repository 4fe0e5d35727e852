import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type RunningSimulator } from "../../simulator";
import { createTestStack, type TestStack } from "./harness";
import { declareOverflowRules } from "./fixtures/cycle-overflow-rules";
import { declareVoiceRules } from "./fixtures/cycle-voice-rules";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const cxone = require("pulumi-cxone-routing") as typeof import("../../provider");

const writes = (sim: RunningSimulator) => sim.admin.requests().filter((r) => r.method !== "GET" && r.template.startsWith("/api/"));

describe("pulumi preview fails on routing mistakes before any write", () => {
  let sim: RunningSimulator;
  let t: TestStack;
  let generalWeights: [number, number] = [50, 50];

  beforeAll(async () => {
    sim = await startSimulator({ port: 0 });
    t = await createTestStack({
      projectName: "preview-analysis",
      program: cxone.routingProgram(() => {
        declareVoiceRules();
        declareOverflowRules({ generalWeights });
      }),
    });
    await t.useSimulator(sim.url);
  });
  afterAll(async () => {
    await t?.cleanup();
    await sim?.close();
  });

  it("a fallback cycle through forward references in two files fails with its path", async () => {
    const error = await t.preview().then(
      () => undefined,
      (e: unknown) => e as Error & { commandResult?: { code: number; stdout: string; stderr: string } },
    );
    expect(error).toBeDefined();
    expect(error!.commandResult!.code).not.toBe(0);
    const printed = `${error!.commandResult!.stdout}\n${error!.commandResult!.stderr}`;
    expect(printed).toMatch(/vip -> overflow -> general -> vip|overflow -> general -> vip -> overflow|general -> vip -> overflow -> general/);
    expect(printed).toContain("fallback");
    expect(writes(sim)).toEqual([]);
  });

  it("a weight sum of 99 names the rule and targets[..].weight", async () => {
    generalWeights = [50, 49];
    const error = await t.up().then(
      () => undefined,
      (e: unknown) => e as Error & { commandResult?: { code: number; stdout: string; stderr: string } },
    );
    expect(error).toBeDefined();
    const printed = `${error!.commandResult!.stdout}\n${error!.commandResult!.stderr}`;
    expect(printed).toMatch(/"general"/);
    expect(printed).toContain("targets[..].weight");
    expect(printed).not.toContain("names no routing rule");
    expect(printed).toContain("99");
    expect(writes(sim)).toEqual([]);
  });
});
