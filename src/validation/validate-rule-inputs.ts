import type { CheckFailure, ValidationResult } from "./check-failure";
import { issuesToCheckFailures } from "./check-failure";
import { isRecord } from "./describe-value";
import type { RuleInputs, RuleSchemaOptions } from "./rule-schema";
import { createRuleInputsSchema, resolveRuleSchemaOptions } from "./rule-schema";
import { isUnknownPlaceholder } from "./unknown-placeholder";

/** Options of {@link validateRuleInputs}. */
export interface RuleValidationOptions extends RuleSchemaOptions {
  /**
   * The Pulumi logical name of the resource being checked. When given, `fallback` naming this
   * same resource is reported.
   */
  readonly logicalName?: string;
  /**
   * The rule's own CXone id when it already exists (updates). When given, `fallbackRuleId`
   * equal to it is reported.
   */
  readonly ruleId?: string;
}

type RuleSchema = ReturnType<typeof createRuleInputsSchema>;

const MAX_CACHED_SCHEMAS = 16;
const schemaCache = new Map<string, RuleSchema>();

/** Schemas are costly to build and a program uses one or two configurations, so keep a few. */
function schemaFor(options: RuleSchemaOptions): RuleSchema {
  const resolved = resolveRuleSchemaOptions(options);
  const cacheKey = JSON.stringify(resolved);
  let schema = schemaCache.get(cacheKey);
  if (!schema) {
    if (schemaCache.size >= MAX_CACHED_SCHEMAS) schemaCache.clear();
    schema = createRuleInputsSchema(resolved);
    schemaCache.set(cacheKey, schema);
  }
  return schema;
}

function selfReferenceFailures(raw: unknown, options: RuleValidationOptions): CheckFailure[] {
  if (!isRecord(raw)) return [];
  const failures: CheckFailure[] = [];
  const { fallback, fallbackRuleId } = raw;
  if (options.logicalName !== undefined && fallback === options.logicalName) {
    failures.push({
      property: "fallback",
      reason: `rule ${JSON.stringify(options.logicalName)} cannot fall back to itself`,
    });
  }
  if (
    options.ruleId !== undefined &&
    !isUnknownPlaceholder(options.ruleId) &&
    !isUnknownPlaceholder(fallbackRuleId) &&
    fallbackRuleId === options.ruleId
  ) {
    failures.push({
      property: "fallbackRuleId",
      reason: `rule ${JSON.stringify(options.ruleId)} cannot fall back to itself`,
    });
  }
  return failures;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

interface OrderableCondition {
  readonly field: string;
  readonly operator: string;
  readonly value: unknown;
  readonly conditionGroupId?: string;
}

function conditionKey(c: OrderableCondition): string {
  return JSON.stringify([c.field, c.operator, typeof c.value, String(c.value), c.conditionGroupId ?? ""]);
}

/**
 * Conditions in one deterministic order (field, operator, value, group). They are ANDed, so the
 * order means nothing to the router; check() and read() both use this order, so that a reorder in
 * the program is no change and the engine's element-by-element display shows only real edits.
 */
export function orderConditions<C extends OrderableCondition>(conditions: readonly C[]): C[] {
  return [...conditions].sort((a, b) => compareText(conditionKey(a), conditionKey(b)));
}

/** Targets in one deterministic order: by (type, id), the pair that identifies a target. */
export function orderTargets<T extends { readonly type: string; readonly id: string }>(targets: readonly T[]): T[] {
  return [...targets].sort((a, b) => compareText(a.type, b.type) || compareText(a.id, b.id));
}

/**
 * The canonical form of parsed inputs: absent optionals omitted (not `undefined`), conditions and
 * targets in one deterministic order (see orderConditions), so that reordering them in the program
 * never shows up as a diff.
 */
export function normalizeRuleInputs(parsed: RuleInputs): RuleInputs {
  const normalized: RuleInputs = {
    name: parsed.name,
    priority: parsed.priority,
    enabled: parsed.enabled,
    interactionType: parsed.interactionType,
    conditions: orderConditions(
      parsed.conditions.map((condition) => ({
        field: condition.field,
        operator: condition.operator,
        value: condition.value,
        ...(condition.conditionGroupId !== undefined ? { conditionGroupId: condition.conditionGroupId } : {}),
      })),
    ),
    targets: orderTargets(
      parsed.targets.map((target) => ({ type: target.type, id: target.id, weight: target.weight, capacity: target.capacity })),
    ),
  };
  if (parsed.description !== undefined) normalized.description = parsed.description;
  if (parsed.fallbackRuleId !== undefined) normalized.fallbackRuleId = parsed.fallbackRuleId;
  if (parsed.fallback !== undefined) normalized.fallback = parsed.fallback;
  return normalized;
}

/**
 * Validates a routing rule's resource inputs and returns them normalized, or every failure.
 *
 * Never throws for bad inputs (any JSON value is accepted and judged); it throws only for bad
 * `options` ({@link InvalidOptionsError}). Failures carry Pulumi property paths such as
 * `targets[1].weight` or `conditions[0].value` that refer to the inputs as written.
 * Pulumi's unknown placeholder is accepted for `fallbackRuleId`, target ids and condition
 * values; checks that need those values are skipped.
 *
 * @param raw - the inputs as received by the provider's `check` (untrusted).
 * @param options - vocabularies, limits and the resource's own identity for self-reference checks.
 */
export function validateRuleInputs(raw: unknown, options: RuleValidationOptions = {}): ValidationResult<RuleInputs> {
  const result = schemaFor(options).safeParse(raw);
  const failures = result.success ? [] : issuesToCheckFailures(result.error.issues);
  failures.push(...selfReferenceFailures(raw, options));
  if (failures.length > 0 || !result.success) return { ok: false, failures };
  return { ok: true, value: normalizeRuleInputs(result.data) };
}
