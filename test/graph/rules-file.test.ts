import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { allRules } from "../../examples/routing-infra/rules";
import { devRules, DEV_WEIGHTS_FILE, REPO } from "./fixtures";

/** `routing-infra:queues` of examples/routing-infra/Pulumi.dev.yaml (two-space `name: id` lines under it). */
function devQueues(): Record<string, string> {
  const text = readFileSync(path.join(REPO, "examples", "routing-infra", "Pulumi.dev.yaml"), "utf8");
  const block = text.split("routing-infra:queues:\n")[1]!;
  return Object.fromEntries([...block.matchAll(/^ {4}([\w-]+): (\S+)$/gm)].map((m) => [m[1]!, m[2]!]));
}

describe("docs/examples rules files", () => {
  it("hold the example's rule set with dev's queue ids", () => {
    const queues = devQueues();
    const expected = allRules.map((r) => ({
      key: r.key,
      name: r.name,
      priority: r.priority,
      interactionType: r.interactionType,
      enabled: r.enabled ?? true,
      conditions: r.conditions ?? [],
      targets: r.targets.map((t) => ({ type: "queue", id: queues[t.queue], weight: t.weight, capacity: t.capacity })),
      ...(r.fallback ? { fallback: r.fallback } : {}),
    }));
    const byKey = (list: { key: string }[]) => [...list].sort((a, b) => a.key.localeCompare(b.key));
    expect(byKey(devRules())).toEqual(byKey(expected));
  });

  it("the weights file differs from dev's in the VIP rule's weights only", () => {
    const dev = devRules();
    const changed = devRules(DEV_WEIGHTS_FILE);
    expect(changed.map((r) => r.key)).toEqual(dev.map((r) => r.key));
    const differing = changed.filter((r, i) => JSON.stringify(r) !== JSON.stringify(dev[i]));
    expect(differing.map((r) => [r.key, r.targets!.map((t) => t.weight)])).toEqual([["voice-vip", [50, 50]]]);
  });
});
