import { readFileSync } from "node:fs";
import path from "node:path";
import type { EvaluableRule, Interaction } from "../../src/routing";
import { parseRoutingTestCase, type RoutingTestCase } from "../../src/routing";
import { rule } from "../routing/fixtures";

export const REPO = path.join(__dirname, "..", "..");
export const DEV_RULES_FILE = "docs/examples/routing-infra-dev.rules.json";
export const DEV_WEIGHTS_FILE = "docs/examples/routing-infra-dev-vip-weights.rules.json";
export const EXAMPLE_TESTS_FILE = "examples/routing-infra/routing.routing-test.json";

/** The routing tests' rule builder: a voice rule with one queue. */
export { rule };

/** The example's dev rule set as docs/examples holds it (test/graph/rules-file.test.ts keeps it in step). */
export function devRules(file = DEV_RULES_FILE): EvaluableRule[] {
  return JSON.parse(readFileSync(path.join(REPO, file), "utf8")) as EvaluableRule[];
}

/** The example's routing tests' interactions. */
export function exampleSamples(): Interaction[] {
  const list = JSON.parse(readFileSync(path.join(REPO, EXAMPLE_TESTS_FILE), "utf8")) as unknown[];
  return list.map((c, i) => (parseRoutingTestCase(c, `#${i + 1}`) as RoutingTestCase).interaction);
}

/**
 * One rule set with every mark: a two-rule fallback cycle (loop-a, loop-b), a shadowed rule
 * (vip-late behind vip-early), a chat rule falling back into voice, a dead end (no targets, no
 * fallback), and a chain of 7 hops (deep-0 .. deep-7).
 */
export function markedRules(): EvaluableRule[] {
  const vip = [{ field: "segment", operator: "equals", value: "vip" }];
  const deep = Array.from({ length: 8 }, (_, i) =>
    rule(`deep-${i}`, {
      interactionType: "email",
      priority: 10 + i,
      conditions: [{ field: "step", operator: "equals", value: i }],
      ...(i < 7 ? { fallback: `deep-${i + 1}` } : {}),
    }),
  );
  return [
    rule("loop-a", { priority: 5, conditions: [{ field: "loop", operator: "equals", value: "a" }], fallback: "loop-b" }),
    rule("loop-b", { priority: 6, conditions: [{ field: "loop", operator: "equals", value: "b" }], fallback: "loop-a" }),
    rule("vip-early", { priority: 10, conditions: vip }),
    rule("vip-late", { priority: 20, conditions: [...vip, { field: "lang", operator: "equals", value: "en" }] }),
    rule("nowhere", { priority: 30, conditions: [{ field: "x", operator: "equals", value: 1 }], targets: [] }),
    rule("general", { priority: 100 }),
    rule("chat-es", {
      interactionType: "chat",
      priority: 10,
      conditions: [{ field: "lang", operator: "startsWith", value: "es" }],
      fallback: "general",
    }),
    ...deep,
  ];
}
