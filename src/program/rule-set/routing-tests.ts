import { readFileSync } from "node:fs";
import path from "node:path";
import { parseRoutingTestCase, type RoutingTestCase } from "../../routing/routing-test-case";
import { RoutingTestDefinitionError } from "../../routing/routing-tests-failed-error";
import { currentRuleSet } from "./rule-set";

/**
 * Declares what-if cases for this program: at preview (and before `up` writes anything) each
 * interaction is routed through the whole rule set the program declares, and a case that routes
 * otherwise fails the run before any write. Call it anywhere in the program, any number of times.
 */
export function routingTests(cases: readonly RoutingTestCase[]): void {
  if (!Array.isArray(cases)) throw new RoutingTestDefinitionError("routingTests expects an array of {name, interaction, expect} cases.");
  const parsed = cases.map((c, i) => {
    const result = parseRoutingTestCase(c, `routing test #${i + 1}`);
    if (typeof result === "string") throw new RoutingTestDefinitionError(result);
    return result;
  });
  currentRuleSet().addTests(parsed);
}

/**
 * Loads a `*.routing-test.json` file (an array of cases, or `{ "cases": [...] }`), relative to the
 * project folder (the program's working directory), and declares its cases.
 */
export function loadRoutingTests(file: string): RoutingTestCase[] {
  const full = path.resolve(file);
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(full, "utf8"));
  } catch (error) {
    throw new RoutingTestDefinitionError(`routing tests ${file}: cannot read it as JSON (${(error as Error).message})`);
  }
  const list = Array.isArray(value) ? value : (value as { cases?: unknown })?.cases;
  if (!Array.isArray(list)) throw new RoutingTestDefinitionError(`routing tests ${file}: expected an array of cases or {"cases": [...]}`);
  const parsed = list.map((c, i) => {
    const result = parseRoutingTestCase(c, `${path.basename(file)} case #${i + 1}`);
    if (typeof result === "string") throw new RoutingTestDefinitionError(result);
    return result;
  });
  currentRuleSet().addTests(parsed);
  return parsed;
}
