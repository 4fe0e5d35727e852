import type { RuleCondition, RuleInput, RuleTarget } from "../store/records";
import { CONDITION_OPERATORS, INTERACTION_TYPES, TARGET_TYPES, isOneOf } from "../vocabulary";
import type { FieldError, ValidationResult } from "./field-error";
import { isPlainObject } from "../http/body";

/** What rule validation needs to know about the rest of the org. */
export interface RuleValidationContext {
  /** Id of the rule being replaced or edited; undefined on create. */
  ruleId?: string;
  ruleExists(id: string): boolean;
  /** The fallbackRuleId currently stored for a rule, to detect fallback loops. */
  fallbackOf(id: string): string | undefined;
  maxConditions: number;
}

/**
 * Server-side validation of the seed's rule schema. Independent of the provider's own checks on
 * purpose: the simulator must reject what the real API rejects even when a client skips
 * validation. Collects every error instead of stopping at the first.
 */
export function validateRuleInput(body: unknown, context: RuleValidationContext): ValidationResult<RuleInput> {
  const errors: FieldError[] = [];
  const fail = (field: string | null, errorCode: string, message: string): void => {
    errors.push({ field, message, errorCode });
  };
  if (!isPlainObject(body)) {
    return { ok: false, errors: [{ field: null, message: "rule must be a JSON object", errorCode: "invalid_type" }] };
  }

  const name = body.name;
  if (name === undefined || name === null || name === "") fail("name", "required", "name is required");
  else if (typeof name !== "string") fail("name", "invalid_type", "name must be a string");
  else if (name.trim() === "") fail("name", "required", "name must not be blank");

  const description = body.description;
  if (description !== undefined && description !== null && typeof description !== "string") {
    fail("description", "invalid_type", "description must be a string");
  }

  const priority = body.priority;
  if (priority === undefined || priority === null) fail("priority", "required", "priority is required");
  else if (!Number.isSafeInteger(priority)) fail("priority", "invalid_type", "priority must be an integer");

  const enabled = body.enabled;
  if (enabled === undefined || enabled === null) fail("enabled", "required", "enabled is required");
  else if (typeof enabled !== "boolean") fail("enabled", "invalid_type", "enabled must be a boolean");

  const interactionType = body.interactionType;
  if (interactionType === undefined || interactionType === null || interactionType === "") {
    fail("interactionType", "required", "interactionType is required");
  } else if (!isOneOf(INTERACTION_TYPES, interactionType)) {
    fail("interactionType", "invalid_value", `interactionType must be one of ${INTERACTION_TYPES.join(", ")}`);
  }

  const conditions = validateConditions(body.conditions, context.maxConditions, fail);
  const targets = validateTargets(body.targets, fail);
  const fallbackRuleId = validateFallback(body.fallbackRuleId, context, fail);

  if (errors.length > 0) return { ok: false, errors };
  const value: RuleInput = {
    name: name as string,
    priority: priority as number,
    enabled: enabled as boolean,
    interactionType: interactionType as RuleInput["interactionType"],
    conditions,
    targets,
  };
  if (typeof description === "string") value.description = description;
  if (fallbackRuleId !== undefined) value.fallbackRuleId = fallbackRuleId;
  return { ok: true, value: orderRuleFields(value) };
}

type Fail = (field: string | null, errorCode: string, message: string) => void;

function validateConditions(raw: unknown, maxConditions: number, fail: Fail): RuleCondition[] {
  if (raw === undefined || raw === null) {
    fail("conditions", "required", "conditions is required (use [] to match every interaction)");
    return [];
  }
  if (!Array.isArray(raw)) {
    fail("conditions", "invalid_type", "conditions must be an array");
    return [];
  }
  if (raw.length > maxConditions) {
    fail("conditions", "too_many", `a rule may have at most ${maxConditions} conditions`);
  }
  const conditions: RuleCondition[] = [];
  raw.forEach((item: unknown, index) => {
    const path = `conditions[${index}]`;
    if (!isPlainObject(item)) {
      fail(path, "invalid_type", `${path} must be an object`);
      return;
    }
    const { field, operator, value, conditionGroupId } = item;
    if (field === undefined || field === null || (typeof field === "string" && field.trim() === "")) {
      fail(`${path}.field`, "required", `${path}.field is required`);
    } else if (typeof field !== "string") {
      fail(`${path}.field`, "invalid_type", `${path}.field must be a string`);
    }
    if (operator === undefined || operator === null || operator === "") {
      fail(`${path}.operator`, "required", `${path}.operator is required`);
    } else if (!isOneOf(CONDITION_OPERATORS, operator)) {
      fail(
        `${path}.operator`,
        "invalid_value",
        `unsupported operator ${JSON.stringify(operator)}; allowed: ${CONDITION_OPERATORS.join(", ")}`,
      );
    } else if (operator === "matchesRegex" && !compilesAsRegex(value)) {
      fail(`${path}.value`, "invalid_regex", `${path}.value must be a valid regular expression`);
    }
    if (conditionGroupId !== undefined && conditionGroupId !== null && typeof conditionGroupId !== "string") {
      fail(`${path}.conditionGroupId`, "invalid_type", `${path}.conditionGroupId must be a string`);
    }
    const condition = { field, operator, value } as RuleCondition;
    if (value === undefined) delete condition.value;
    if (typeof conditionGroupId === "string") condition.conditionGroupId = conditionGroupId;
    conditions.push(condition);
  });
  return conditions;
}

function compilesAsRegex(value: unknown): boolean {
  if (typeof value !== "string") return false;
  try {
    new RegExp(value);
    return true;
  } catch {
    return false;
  }
}

function validateTargets(raw: unknown, fail: Fail): RuleTarget[] {
  if (raw === undefined || raw === null) {
    fail("targets", "required", "targets is required");
    return [];
  }
  if (!Array.isArray(raw)) {
    fail("targets", "invalid_type", "targets must be an array");
    return [];
  }
  const targets: RuleTarget[] = [];
  let weightSum = 0;
  let weightsValid = true;
  raw.forEach((item: unknown, index) => {
    const path = `targets[${index}]`;
    if (!isPlainObject(item)) {
      fail(path, "invalid_type", `${path} must be an object`);
      weightsValid = false;
      return;
    }
    const { type, id, weight, capacity } = item;
    if (type === undefined || type === null || type === "") fail(`${path}.type`, "required", `${path}.type is required`);
    else if (!isOneOf(TARGET_TYPES, type)) {
      fail(`${path}.type`, "invalid_value", `${path}.type must be one of ${TARGET_TYPES.join(", ")}`);
    }
    if (id === undefined || id === null || id === "") fail(`${path}.id`, "required", `${path}.id is required`);
    else if (typeof id !== "string") fail(`${path}.id`, "invalid_type", `${path}.id must be a string`);
    if (weight === undefined || weight === null) {
      fail(`${path}.weight`, "required", `${path}.weight is required`);
      weightsValid = false;
    } else if (!Number.isSafeInteger(weight)) {
      fail(`${path}.weight`, "invalid_type", `${path}.weight must be an integer`);
      weightsValid = false;
    } else if ((weight as number) < 0 || (weight as number) > 100) {
      fail(`${path}.weight`, "out_of_range", `${path}.weight must be between 0 and 100`);
      weightsValid = false;
    } else {
      weightSum += weight as number;
    }
    if (capacity === undefined || capacity === null) fail(`${path}.capacity`, "required", `${path}.capacity is required`);
    else if (!Number.isSafeInteger(capacity)) fail(`${path}.capacity`, "invalid_type", `${path}.capacity must be an integer`);
    else if ((capacity as number) < 0) fail(`${path}.capacity`, "out_of_range", `${path}.capacity must not be negative`);
    targets.push({ type, id, weight, capacity } as RuleTarget);
  });
  // A sum over partly invalid weights would only restate those errors.
  if (weightsValid && targets.length > 0 && weightSum !== 100) {
    fail("targets", "invalid_weight_sum", `target weights must sum to 100, got ${weightSum}`);
  }
  return targets;
}

function validateFallback(raw: unknown, context: RuleValidationContext, fail: Fail): string | undefined {
  if (raw === undefined || raw === null || raw === "") return undefined;
  if (typeof raw !== "string") {
    fail("fallbackRuleId", "invalid_type", "fallbackRuleId must be a string");
    return undefined;
  }
  if (context.ruleId !== undefined && raw === context.ruleId) {
    fail("fallbackRuleId", "self_reference", "fallbackRuleId must not reference the rule itself");
    return raw;
  }
  if (!context.ruleExists(raw)) {
    fail("fallbackRuleId", "unknown_rule", `fallbackRuleId ${raw} does not exist`);
    return raw;
  }
  if (context.ruleId !== undefined && fallbackChainReaches(raw, context.ruleId, context)) {
    fail("fallbackRuleId", "fallback_cycle", `fallbackRuleId ${raw} would create a fallback loop`);
  }
  return raw;
}

function fallbackChainReaches(start: string, target: string, context: RuleValidationContext): boolean {
  const seen = new Set<string>();
  let current: string | undefined = start;
  while (current !== undefined && !seen.has(current)) {
    if (current === target) return true;
    seen.add(current);
    current = context.fallbackOf(current);
  }
  return false;
}

/** Fixed key order keeps served JSON (and therefore ETags) stable. */
function orderRuleFields(input: RuleInput): RuleInput {
  const ordered: RuleInput = { name: input.name } as RuleInput;
  if (input.description !== undefined) ordered.description = input.description;
  ordered.priority = input.priority;
  ordered.enabled = input.enabled;
  ordered.interactionType = input.interactionType;
  ordered.conditions = input.conditions;
  ordered.targets = input.targets;
  if (input.fallbackRuleId !== undefined) ordered.fallbackRuleId = input.fallbackRuleId;
  return ordered;
}
