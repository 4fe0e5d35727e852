import * as pulumi from "@pulumi/pulumi";
import { deferred, type Deferred } from "../deferred";
import { getStackResource } from "@pulumi/pulumi/runtime/stack";
import { analyzeRuleSet, formatFindings, validateRuleInputs, type AnalyzableRule } from "../../validation";
// Finding from its own module: public declarations must not reach zod's (see validation/public-input-types.ts).
import type { Finding } from "../../validation/findings";
import { checkRemoteFallbacks } from "./remote-fallbacks";
import { sharedValues } from "./shared-values";
import { resolveForAnalysis } from "./resolve-for-analysis";
import { analysisSettings } from "./analysis-settings";
import { CxoneRoutingError } from "../../errors/cxone-routing-error";
import { secretHider } from "../../kinds/secrets";
import { ProgramInputError } from "../../errors/program-input-error";
import type { EvaluableRule } from "../../routing/routing-evaluator";
import type { RoutingTestCase } from "../../routing/routing-test-case";
import { RoutingTestsFailedError } from "../../routing/routing-tests-failed-error";
import { runWhatIf } from "./what-if";

/** What a RoutingRule tells the rule set about itself at construction time. */
export interface RuleDeclaration {
  readonly args: Record<string, unknown>;
  /** Logical name of the fallback rule: from `fallback`, a name or a RoutingRule. */
  readonly fallbackKey: string | undefined;
}

interface DeclaredRule extends RuleDeclaration {
  readonly key: string;
  resource?: pulumi.Resource;
  readonly gate: Deferred<void>;
  readonly fallback: Deferred<pulumi.Resource | undefined>;
}

/**
 * Thrown when the stack-wide analysis finds errors: nothing is written. One of our errors, so the
 * Node runtime prints its message without a stack (see CxoneRoutingError); every rule's
 * registration fails with this SAME instance, and the runtime reports an error object once
 * however many promises it rejects, so the report appears exactly once.
 */
export class RoutingAnalysisError extends CxoneRoutingError {
  readonly code = "routing_analysis_failed";
  readonly findings: readonly Finding[];
  constructor(findings: readonly Finding[]) {
    super(`routing analysis failed; nothing was written:\n${formatFindings(findings)}`);
    this.findings = findings;
  }
}

export interface RuleSet {
  /** Registers a rule; its registration with the engine waits for `gate`. */
  declare(key: string, declaration: RuleDeclaration): { gate: Promise<void>; fallback: Promise<pulumi.Resource | undefined> };
  attach(key: string, resource: pulumi.Resource): void;
  keyOf(resource: pulumi.Resource): string | undefined;
  /**
   * Takes back a declaration whose resource was never made (its constructor threw): the program's
   * error is then the one report, not followed by the analysis of a rule that does not exist.
   */
  withdraw(key: string): void;
  /** What-if cases (routingTests): run in the seal against the whole declared set. */
  addTests(cases: readonly RoutingTestCase[]): void;
  /** Runs the analysis over every declared rule once; later calls return the same result. */
  seal(): Promise<void>;
}

/**
 * The rules one program run declares, wherever they are declared. Every RoutingRule waits for the
 * seal, when all of the program has run: then names resolve (forward references included), and the
 * whole set is validated and analysed before any rule reaches the engine, so a bad rule set fails
 * `pulumi preview` and `pulumi up` before a single write.
 */
export function createRuleSet(): RuleSet {
  const rules = new Map<string, DeclaredRule>();
  const keys = new WeakMap<pulumi.Resource, string>();
  let sealing: Promise<void> | undefined;
  const tests: RoutingTestCase[] = [];

  async function analyse(): Promise<{ findings: Finding[]; failure?: RoutingTestsFailedError }> {
    const settings = analysisSettings();
    const ruleResources = new Set([...rules.values()].map((r) => r.resource).filter((r): r is pulumi.Resource => !!r));
    const secrets: string[] = [];
    const resolved = await Promise.all(
      [...rules.values()].map(async (rule) => ({
        rule,
        values: (await resolveForAnalysis(rule.args, ruleResources, secrets)) as Record<string, unknown>,
      })),
    );
    // Every message below goes through hide: no secret value, no URL credential (CI logs are read by many).
    const hide = secretHider(secrets);
    const hidden = (f: Finding): Finding => ({ ...f, reason: hide(f.reason) });
    const errors: Finding[] = [];
    const analyzable: AnalyzableRule[] = [];
    const evaluable: EvaluableRule[] = [];
    const invalid = new Set<string>();
    for (const { rule, values } of resolved) {
      // conflictPolicy and adoptId steer the provider; they are not part of the rule.
      const { conflictPolicy: _policy, adoptId: _adopt, ...domain } = values;
      const inputs = { ...domain, ...(rule.fallbackKey !== undefined ? { fallback: rule.fallbackKey } : {}) };
      const checked = validateRuleInputs(inputs, {
        logicalName: rule.key,
        ...(settings.maxConditions ? { maxConditions: settings.maxConditions } : {}),
      });
      if (!checked.ok) {
        errors.push(
          ...checked.failures.map((f) => ({ key: rule.key, field: f.property, reason: f.reason, code: "invalid_input" as const })),
        );
        invalid.add(rule.key);
        continue;
      }
      const v = checked.value;
      analyzable.push({
        key: rule.key,
        name: v.name,
        priority: v.priority,
        enabled: v.enabled,
        interactionType: v.interactionType,
        conditions: v.conditions,
        ...(rule.fallbackKey !== undefined ? { fallback: rule.fallbackKey } : {}),
        ...(v.fallbackRuleId !== undefined ? { fallbackRuleId: v.fallbackRuleId } : {}),
      });
      evaluable.push({ ...analyzable[analyzable.length - 1]!, targets: v.targets });
    }
    errors.push(...sharedValues(resolved.map(({ rule, values }) => ({ key: rule.key, name: values.name, adoptId: values.adoptId }))));
    const analysis = analyzeRuleSet(analyzable, settings.analysis);
    // A rule left out for invalid inputs still exists: a fallback naming it is not dangling.
    const dangling = (f: Finding) => f.code === "fallback_missing" && invalid.has(rules.get(f.key)?.fallbackKey ?? "");
    const remote = await checkRemoteFallbacks(analyzable);
    const findings = [...errors, ...analysis.errors.filter((f) => !dangling(f)), ...remote.errors].map(hidden);
    if (findings.length > 0 || invalid.size > 0) {
      for (const warning of [...analysis.warnings, ...remote.warnings]) pulumi.log.warn(formatFindings([hidden(warning)]));
      return { findings };
    }
    // A valid set: the evaluator's warnings (shadowed rules get a witness), the routing tests and,
    // at preview, the impact report.
    const whatIf = await runWhatIf(evaluable, tests, [...analysis.warnings, ...remote.warnings], hide);
    return {
      findings,
      ...(whatIf.failures.length > 0 ? { failure: new RoutingTestsFailedError(whatIf.failures, tests.length, hide) } : {}),
    };
  }

  async function runSeal(): Promise<void> {
    let findings: Finding[];
    let testFailure: RoutingTestsFailedError | undefined;
    try {
      ({ findings, failure: testFailure } = await analyse());
    } catch (error) {
      const failure = error instanceof Error ? error : new Error(String(error));
      for (const rule of rules.values()) rule.gate.reject(failure);
      throw failure;
    }
    if (findings.length > 0 || testFailure) {
      const failure = testFailure && findings.length === 0 ? testFailure : new RoutingAnalysisError(findings);
      // One instance for every rule: the runtime prints it once (see RoutingAnalysisError).
      for (const rule of rules.values()) {
        rule.fallback.resolve(undefined);
        rule.gate.reject(failure);
      }
      throw failure;
    }
    for (const rule of rules.values()) {
      rule.fallback.resolve(rule.fallbackKey !== undefined ? rules.get(rule.fallbackKey)?.resource : undefined);
      rule.gate.resolve();
    }
  }

  const ruleSet: RuleSet = {
    declare(key, declaration) {
      if (rules.has(key)) {
        throw new ProgramInputError(
          `RoutingRule "${key}" is declared twice: logical names (the first argument of new RoutingRule) must be unique in a program, ` +
            "because Pulumi tracks each resource by it. Fix: give one of them another logical name; nothing was written.",
        );
      }
      const rule: DeclaredRule = { key, ...declaration, gate: deferred(), fallback: deferred() };
      rules.set(key, rule);
      // Declared after the seal (inside an apply, say): it joins a new analysis round.
      if (sealing) sealing = sealing.catch(() => undefined).then(runSeal);
      return { gate: rule.gate.promise, fallback: rule.fallback.promise };
    },
    attach(key, resource) {
      const rule = rules.get(key);
      if (rule) rule.resource = resource;
      keys.set(resource, key);
    },
    keyOf: (resource) => keys.get(resource),
    withdraw(key) {
      const rule = rules.get(key);
      if (!rule || rule.resource) return;
      rules.delete(key);
      rule.fallback.resolve(undefined);
    },
    addTests(cases) {
      tests.push(...cases);
    },
    seal() {
      sealing ??= runSeal();
      return sealing;
    },
  };
  return ruleSet;
}

const RULE_SETS = Symbol.for("pulumi-cxone-routing/rule-sets");
type Registry = WeakMap<object, RuleSet>;

/**
 * The rule set of the current program run. Keyed by the run's root stack resource, so that an
 * Automation API process running preview then up gets a fresh set each time, and kept on
 * globalThis so that two copies of this package in one program still share it.
 */
export function currentRuleSet(): RuleSet {
  const globals = globalThis as unknown as Record<symbol, Registry | undefined>;
  const registry = (globals[RULE_SETS] ??= new WeakMap());
  const stack = getStackResource() ?? globalThis;
  let ruleSet = registry.get(stack);
  if (!ruleSet) {
    ruleSet = createRuleSet();
    registry.set(stack, ruleSet);
    watchProgramEnd(ruleSet);
  }
  return ruleSet;
}

/**
 * Under the CLI's Node.js language host the program is over when the event loop empties:
 * `beforeExit` fires, the seal resolves the waiting rules, and the runtime (whose own handler
 * runs last) sees the new registrations through. Inline Automation API programs never exit;
 * they seal through routingProgram().
 */
function watchProgramEnd(ruleSet: RuleSet): void {
  process.once("beforeExit", () => {
    ruleSet.seal().catch(() => undefined);
  });
}

/**
 * Wraps an inline (Automation API) program so that the rule set is analysed when the program
 * has declared everything.
 */
export function routingProgram<T>(program: () => T | Promise<T>): () => Promise<T> {
  return async () => {
    const result = await program();
    // A failed analysis rethrows the instance the rules failed with: reported once.
    await currentRuleSet().seal();
    return result;
  };
}
