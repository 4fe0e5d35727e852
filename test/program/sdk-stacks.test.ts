import { createRequire } from "node:module";
import * as pulumi from "@pulumi/pulumi";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type * as Package from "../../src";
import type * as RuleSetModule from "../../src/program/rule-set/rule-set";

/** A valid rule (the seal at the end analyses every declared one). */
const ruleArgs = (name: string, priority: number) => ({
  name,
  priority,
  interactionType: "voice",
  conditions: [{ field: "segment", operator: "equals", value: name }],
  targets: [{ type: "queue", id: `queue-${priority}`, weight: 100, capacity: 1 }],
});

// The built package, as a program loads it: the resources `require` their shells (`export =`
// modules), which vitest's source transform does not resolve.
const load = createRequire(__filename);
const { RoutingRule, Webhook } = load("../../dist/src") as typeof Package;
const { currentRuleSet } = load("../../dist/src/program/rule-set/rule-set") as typeof RuleSetModule;

/**
 * Our constructors run the SDK's with Error.stackTraceLimit at 0 (src/program/sdk-stacks.ts): the
 * program's own limit must be back afterwards, also when the SDK throws, and an error the SDK
 * throws must still point at the program line that declared the resource.
 */
describe("the SDK's stack traces while our resources are constructed", () => {
  let limit: number;
  const debugLeaks = process.env.PULUMI_DEBUG_PROMISE_LEAKS;
  beforeAll(() => {
    // That switch keeps every stack (see the last test); these tests are about the default.
    delete process.env.PULUMI_DEBUG_PROMISE_LEAKS;
    limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 17;
    pulumi.runtime.setMocks(
      { newResource: (args) => ({ id: `${args.name}-id`, state: args.inputs }), call: (args) => args.inputs },
      "project",
      "stack",
      true,
    );
  });
  afterAll(async () => {
    // Let the declared rules register (the mocks answer), so that no promise is left pending.
    await currentRuleSet().seal();
    Error.stackTraceLimit = limit;
    if (debugLeaks !== undefined) process.env.PULUMI_DEBUG_PROMISE_LEAKS = debugLeaks;
  });

  it("leave the program's limit as it was", () => {
    new RoutingRule("stacks-rule", ruleArgs("Stacks", 10));
    expect(Error.stackTraceLimit).toBe(17);
    new Webhook("stacks-hook", { name: "Stacks hook", targetURL: "https://example.com/hook", eventFilter: ["routing.rule.updated"] });
    expect(Error.stackTraceLimit).toBe(17);
  });

  it("run the SDK's constructor with the limit at 0", () => {
    // A resource transformation runs synchronously inside the SDK's constructor: it sees the limit the SDK works under.
    let seen: number | undefined;
    const watch = () => {
      seen = Error.stackTraceLimit;
      return undefined;
    };
    new RoutingRule("stacks-watched", ruleArgs("Stacks watched", 11), { transformations: [watch] });
    expect(seen).toBe(0);
    seen = undefined;
    new Webhook(
      "stacks-hook-watched",
      { name: "Stacks hook 2", targetURL: "https://example.com/h", eventFilter: ["routing.rule.updated"] },
      { transformations: [watch] },
    );
    expect(seen).toBe(0);
  });

  it("give an error the SDK throws the program's frames, and restore the limit", () => {
    let thrown: unknown;
    try {
      // An empty logical name: the SDK's Resource constructor refuses it while the limit is 0.
      new Webhook("", { name: "Nameless hook", targetURL: "https://example.com/hook", eventFilter: ["routing.rule.updated"] });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(Error);
    expect(String((thrown as Error).message)).toMatch(/name/i);
    expect(String((thrown as Error).stack)).toContain("sdk-stacks.test.ts");
    expect(Error.stackTraceLimit).toBe(17);
  });
});

describe("a RoutingRule whose constructor throws", () => {
  it("is taken back from the rule set: the error is the one report, and the name can be declared again", () => {
    const failing = () => {
      throw new Error("transformation failed");
    };
    expect(() => new RoutingRule("withdrawn", ruleArgs("Withdrawn", 12), { transformations: [failing] })).toThrow("transformation failed");
    // Still declared, this would be "declared twice"; at the seal, a rule with no resource.
    expect(() => new RoutingRule("withdrawn", ruleArgs("Withdrawn", 12))).not.toThrow();
  });
});

describe("pauseSdkStacks", () => {
  it("sets the limit to 0 until end(), and leaves it alone under PULUMI_DEBUG_PROMISE_LEAKS", () => {
    const { pauseSdkStacks } = load("../../dist/src/program/sdk-stacks") as typeof import("../../src/program/sdk-stacks");
    const debugLeaks = process.env.PULUMI_DEBUG_PROMISE_LEAKS;
    delete process.env.PULUMI_DEBUG_PROMISE_LEAKS;
    const before = Error.stackTraceLimit;
    const paused = pauseSdkStacks();
    expect(Error.stackTraceLimit).toBe(0);
    paused.end();
    expect(Error.stackTraceLimit).toBe(before);
    process.env.PULUMI_DEBUG_PROMISE_LEAKS = "true";
    try {
      const debugging = pauseSdkStacks();
      expect(Error.stackTraceLimit).toBe(before);
      debugging.end();
    } finally {
      if (debugLeaks === undefined) delete process.env.PULUMI_DEBUG_PROMISE_LEAKS;
      else process.env.PULUMI_DEBUG_PROMISE_LEAKS = debugLeaks;
    }
  });
});
