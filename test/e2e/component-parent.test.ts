import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type RunningSimulator } from "../../src/simulator";
import { createPulumiProject, type PulumiProject } from "../helpers/pulumi-project";

// The provider keys its create journal and its run registry by the URN the program passes in
// (`__urn`); it must be the URN the engine gives the resource, nested components included.
describe("the URN a resource passes to its provider is the engine's", () => {
  let sim: RunningSimulator;
  let p: PulumiProject;

  beforeAll(async () => {
    sim = await startSimulator({ port: 0, rateLimitPerMinute: 0 });
    p = await createPulumiProject({ name: "component-parent", program: "component-parent" });
    await p.useSimulator(sim.url);
  });
  afterAll(async () => {
    p?.cleanup();
    await sim?.close();
  });

  it("at the top of the program and inside (nested) components", async () => {
    await p.up();
    const state = await p.exportStack();
    const ours = state.resources.filter((r) => /cxone:(RoutingRule|Webhook)$/.test(r.type));
    expect(ours).toHaveLength(7);
    for (const resource of ours) expect(resource.inputs.__urn, resource.urn).toBe(resource.urn);
    expect(ours.map((r) => r.urn).filter((urn) => urn.includes("QueueRouting$acme:routing:QueueRouting$"))).toHaveLength(2);
    expect(
      sim.admin
        .state()
        .rules.map((r) => r.name)
        .sort(),
    ).toEqual(["General", "Minimal", "billing voice", "billing-after-hours voice"]);
    expect(sim.admin.state().webhooks).toHaveLength(3);
  });

  it("declared outputs the program left out are Outputs holding what CXone holds", async () => {
    const outputs = await p.outputs();
    expect(outputs.minimalOutputs).toEqual({
      enabled: true,
      conditions: [],
      targets: [{ type: "queue", id: "chat-queue", weight: 100, capacity: 5 }],
    });
    expect(outputs.hookOutputs).toEqual({ enabled: true, format: "json" });
  });
});
