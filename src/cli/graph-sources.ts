import { readFileSync } from "node:fs";
import path from "node:path";
import { readCorpus } from "../routing/corpus";
import type { EvaluableRule, EvaluableTarget, Interaction } from "../routing/routing-evaluator";
import { parseRoutingTestCase } from "../routing/routing-test-case";
import { UsageError } from "./errors";
import { evaluableRules } from "./explain";
import { pulumiForStack } from "./pulumi-cli";
import { readManagedObjects, readStackConfig } from "./stack-source";
import { readTenant } from "./tenant";

/** Where a rule set comes from: what the program declares, what the stack's state holds, what its tenant runs. */
export type GraphSourceKind = "program" | "state" | "tenant";

/** A rule set read from a source, with what the graph shows it as. */
export interface LoadedRuleSet {
  readonly rules: EvaluableRule[];
  /** `stack dev's tenant (6 rules)`. */
  readonly description: string;
  /** Logical names of target ids, from the stack's config (see {@link configTargetLabels}). */
  readonly targetLabel?: (target: EvaluableTarget) => string | undefined;
}

const PULUMI_RULE_TYPE = "pulumi-nodejs:dynamic/cxone:RoutingRule";

/**
 * A target id equal to a config value is shown as that value's key: `routing-infra:queues` =
 * `{vip-pool-1: q-dev-vip-01}` shows `q-dev-vip-01` as `vip-pool-1`. Two stacks' graphs then
 * compare in logical terms, as `cxone-routing compare` does.
 */
export function configTargetLabels(config: Readonly<Record<string, string>>): (target: EvaluableTarget) => string | undefined {
  const labels = new Map<string, string>();
  const walk = (key: string, value: unknown) => {
    if (typeof value === "string" && value !== "" && !labels.has(value)) labels.set(value, key);
    else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) walk(k, v);
  };
  for (const [key, raw] of Object.entries(config)) {
    if (key.startsWith("cxone:")) continue; // settings and secrets, never target ids
    let value: unknown = raw;
    try {
      value = JSON.parse(raw);
    } catch {
      // a plain string
    }
    walk(key, value);
  }
  return (target) => labels.get(target.id);
}

/** The rules `pulumi preview --json` shows the program declaring (runs the program, writes nothing). */
async function programRules(stack: string, cwd: string): Promise<EvaluableRule[]> {
  const preview = JSON.parse(await pulumiForStack(["preview", "--json", "--show-sames"], stack, cwd)) as {
    steps?: Array<{ urn: string; op: string; newState?: { type?: string; inputs?: Record<string, unknown> } }>;
  };
  const declared = (preview.steps ?? []).filter((s) => s.newState?.type === PULUMI_RULE_TYPE && s.op !== "delete");
  const keyByName = new Map(declared.map((s) => [String(s.newState!.inputs!.name), s.urn.slice(s.urn.lastIndexOf("::") + 2)]));
  return declared.map((step) => {
    const key = step.urn.slice(step.urn.lastIndexOf("::") + 2);
    const [rule] = evaluableRules([{ id: key, fields: step.newState!.inputs ?? {} }]);
    const { fallbackRuleId: _id, id: _key, ...rest } = rule!;
    // A program's fallback to another of its rules is shown by that rule's name (its id may not exist yet).
    const fallbackName = step.newState!.inputs!.fallbackRuleName;
    const fallback = typeof fallbackName === "string" ? keyByName.get(fallbackName) : undefined;
    return { ...rest, ...(fallback !== undefined ? { fallback } : _id !== undefined ? { fallbackRuleId: _id } : {}) };
  });
}

/** One stack's rule set from one source. */
export async function loadStackRules(stack: string, source: GraphSourceKind, cwd: string): Promise<LoadedRuleSet> {
  const config = await readStackConfig(stack, cwd);
  const targetLabel = configTargetLabels(config);
  if (source === "program") {
    const rules = await programRules(stack, cwd);
    return { rules, description: `stack ${stack}'s program (${rules.length} rules)`, targetLabel };
  }
  if (source === "state") {
    const managed = (await readManagedObjects(stack, cwd)).filter((m) => m.kind === "RoutingRule");
    // Keyed by logical name (readable), linked by CXone id (fallbackRuleId).
    const rules = evaluableRules(managed.map((m) => ({ id: m.id, fields: m.outputs }))).map((r, i) => ({
      ...r,
      key: managed[i]!.logicalName,
    }));
    return { rules, description: `stack ${stack}'s state (${rules.length} rules)`, targetLabel };
  }
  const tenant = await readTenant(stack, config, cwd);
  // On a tenant shared with other stacks, this stack's own rules (cxone:owner), as the impact report reads them.
  const own = tenant.objects.filter((o) => o.kind === "RoutingRule" && (!tenant.owner || o.owner === tenant.owner));
  const rules = evaluableRules(own);
  return { rules, description: `stack ${stack}'s tenant (${rules.length} rules)`, targetLabel };
}

/**
 * A rules file: a JSON array (or `{"rules": [...]}`) of rules as a program declares them, each
 * with a `key`: `{key, name, priority, interactionType, enabled?, conditions?, targets?, fallback?}`.
 */
export function loadRulesFile(file: string, cwd: string): LoadedRuleSet {
  const full = path.resolve(cwd, file);
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(full, "utf8"));
  } catch (error) {
    throw new UsageError(`--rules ${file}: cannot read it as JSON (${(error as Error).message}).`);
  }
  const list = Array.isArray(value) ? value : (value as { rules?: unknown })?.rules;
  if (!Array.isArray(list)) throw new UsageError(`--rules ${file}: expected an array of rules or {"rules": [...]}.`);
  const rules = list.map((raw, i): EvaluableRule => {
    const r = (raw ?? {}) as Record<string, unknown>;
    const where = `--rules ${file}, rule #${i + 1}`;
    if (typeof r.name !== "string" || typeof r.priority !== "number" || typeof r.interactionType !== "string") {
      throw new UsageError(
        `${where}: needs "name" (string), "priority" (number) and "interactionType" (string), got ${JSON.stringify(raw)}.`,
      );
    }
    return {
      key: typeof r.key === "string" ? r.key : r.name,
      name: r.name,
      priority: r.priority,
      enabled: r.enabled !== false,
      interactionType: r.interactionType,
      conditions: Array.isArray(r.conditions) ? (r.conditions as EvaluableRule["conditions"]) : [],
      targets: Array.isArray(r.targets) ? (r.targets as EvaluableTarget[]) : [],
      ...(typeof r.fallback === "string" ? { fallback: r.fallback } : {}),
      ...(typeof r.fallbackRuleId === "string" ? { fallbackRuleId: r.fallbackRuleId } : {}),
      ...(typeof r.id === "string" ? { id: r.id } : {}),
    };
  });
  return { rules, description: `${file} (${rules.length} rules)` };
}

/** Interactions of routing-test files and corpus files: what marks rules no sample reaches. */
export function loadSamples(testFiles: readonly string[], corpusFiles: readonly string[], cwd: string): Interaction[] {
  const samples: Interaction[] = [];
  for (const file of testFiles) {
    let value: unknown;
    try {
      value = JSON.parse(readFileSync(path.resolve(cwd, file), "utf8"));
    } catch (error) {
      throw new UsageError(`--tests ${file}: cannot read it as JSON (${(error as Error).message}).`);
    }
    const list = Array.isArray(value) ? value : (value as { cases?: unknown })?.cases;
    if (!Array.isArray(list)) throw new UsageError(`--tests ${file}: expected an array of cases or {"cases": [...]}.`);
    list.forEach((c, i) => {
      const parsed = parseRoutingTestCase(c, `${file} case #${i + 1}`);
      if (typeof parsed === "string") throw new UsageError(parsed);
      samples.push({ ...parsed.interaction, source: `case ${JSON.stringify(parsed.name)}` } as Interaction);
    });
  }
  for (const file of corpusFiles) samples.push(...readCorpus(path.resolve(cwd, file)));
  return samples;
}
