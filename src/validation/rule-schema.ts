import { z } from "zod";
import {
  CONDITION_OPERATORS,
  DEFAULT_INTERACTION_TYPES,
  DEFAULT_MAX_CONDITIONS,
  DEFAULT_TARGET_TYPES,
  DESCRIPTION_MAX_LENGTH,
  NAME_MAX_LENGTH,
  NUMERIC_OPERATORS,
  REGEX_MAX_LENGTH,
  PRIORITY_MAX,
  PRIORITY_MIN,
  TEXT_OPERATORS,
  WEIGHT_MAX,
  WEIGHT_MIN,
  WEIGHT_TOTAL,
} from "./constants";
import { describeValue, isRecord } from "./describe-value";
import { InvalidOptionsError } from "./invalid-options-error";
import { findBacktrackingRisk } from "./regex-safety";
import { booleanWithDefault, boundedInteger, boundedText, fixedChoice, oneOf, requiredText } from "./schema-parts";
import type { RuleInputs as PublicRuleInputs, SameShape } from "./public-input-types";
import { isUnknownPlaceholder } from "./unknown-placeholder";

/** Options that shape the routing rule schema; every field has a CXone default. */
export interface RuleSchemaOptions {
  /** Most conditions one rule may have. Default 10. */
  readonly maxConditions?: number;
  /** Interaction types (channels) a rule may apply to. Default voice, chat, email, sms, social, workitem. */
  readonly interactionTypes?: readonly string[];
  /** Target types a rule may route to. Default queue, skill, agent. */
  readonly targetTypes?: readonly string[];
}

/** {@link RuleSchemaOptions} with every default filled in. */
export interface ResolvedRuleSchemaOptions {
  readonly maxConditions: number;
  readonly interactionTypes: readonly string[];
  readonly targetTypes: readonly string[];
}

function checkChoiceList(name: string, values: readonly string[]): void {
  if (!Array.isArray(values) || values.length === 0 || values.some((v) => typeof v !== "string" || v === "")) {
    throw new InvalidOptionsError(`${name} must be a non-empty list of non-empty strings`);
  }
}

/**
 * Fills in defaults and rejects nonsensical options.
 *
 * @throws {@link InvalidOptionsError} when a limit is not a non-negative integer or a set is empty.
 */
export function resolveRuleSchemaOptions(options: RuleSchemaOptions = {}): ResolvedRuleSchemaOptions {
  const resolved = {
    maxConditions: options.maxConditions ?? DEFAULT_MAX_CONDITIONS,
    interactionTypes: options.interactionTypes ?? DEFAULT_INTERACTION_TYPES,
    targetTypes: options.targetTypes ?? DEFAULT_TARGET_TYPES,
  };
  if (!Number.isInteger(resolved.maxConditions) || resolved.maxConditions < 0) {
    throw new InvalidOptionsError(`maxConditions must be a non-negative integer, got ${resolved.maxConditions}`);
  }
  checkChoiceList("interactionTypes", resolved.interactionTypes);
  checkChoiceList("targetTypes", resolved.targetTypes);
  return resolved;
}

const conditionValue = z.union([z.string(), z.number(), z.boolean()], {
  error: (issue) => (issue.input === undefined ? "is required" : `must be a string, number or boolean, got ${describeValue(issue.input)}`),
});

/** Why `value` does not fit `operator`, or undefined when it does. */
function valueMismatch(operator: string, value: unknown): string | undefined {
  if (isUnknownPlaceholder(value)) return undefined;
  if (NUMERIC_OPERATORS.has(operator) && (typeof value !== "number" || !Number.isFinite(value))) {
    return `operator ${operator} compares numbers, so the value must be a number, got ${describeValue(value)}`;
  }
  if (TEXT_OPERATORS.has(operator) && typeof value !== "string") {
    return `operator ${operator} works on text, so the value must be a string, got ${describeValue(value)}`;
  }
  if (operator === "matchesRegex" && typeof value === "string") {
    if (value.length > REGEX_MAX_LENGTH) {
      return `regular expression is ${value.length} characters long; matchesRegex patterns may have at most ${REGEX_MAX_LENGTH}, so that they can be screened for catastrophic backtracking. Fix: simplify the pattern, or split it over several conditions or rules`;
    }
    try {
      new RegExp(value);
    } catch (error) {
      return `is not a valid regular expression: ${(error as Error).message}`;
    }
    const risk = findBacktrackingRisk(value);
    if (risk) return `regular expression may cause catastrophic backtracking: ${risk.reason}${risk.fix ? `. Fix: ${risk.fix}` : ""}`;
  }
  return undefined;
}

const operatorNames: ReadonlySet<string> = new Set(CONDITION_OPERATORS);

/** Schema of one rule condition. All conditions of a rule must hold (AND). */
export const conditionSchema = z
  .object({
    field: requiredText(),
    operator: fixedChoice(CONDITION_OPERATORS),
    value: conditionValue,
    conditionGroupId: requiredText().optional(),
  })
  .superRefine(
    (condition, context) => {
      const reason = valueMismatch(condition.operator, condition.value);
      if (reason) context.addIssue({ code: "custom", message: reason, path: ["value"], input: condition.value });
    },
    {
      // Also runs when `field` failed, so one pass reports every problem of the condition;
      // it only needs a known operator and a scalar value.
      when: (payload) =>
        isRecord(payload.value) &&
        operatorNames.has(payload.value["operator"] as string) &&
        ["string", "number", "boolean"].includes(typeof payload.value["value"]),
    },
  );

function createTargetSchema(targetTypes: readonly string[]) {
  return z.object({
    type: oneOf(targetTypes),
    id: requiredText(),
    weight: boundedInteger(WEIGHT_MIN, WEIGHT_MAX),
    capacity: boundedInteger(0),
  });
}

function isValidWeight(weight: unknown): weight is number {
  return typeof weight === "number" && Number.isInteger(weight) && weight >= WEIGHT_MIN && weight <= WEIGHT_MAX;
}

/**
 * Checks that involve several fields. The value may be partly invalid (these checks run even
 * when a field failed, so that all failures are reported at once), hence the defensive reads.
 */
function checkRuleAsAWhole(maxConditions: number) {
  return (rule: Record<string, unknown>, context: z.core.$RefinementCtx): void => {
    const { conditions, targets, fallback, fallbackRuleId } = rule;

    if (Array.isArray(conditions) && conditions.length > maxConditions) {
      context.addIssue({
        code: "custom",
        path: ["conditions"],
        message: `at most ${maxConditions} conditions are allowed, got ${conditions.length}`,
        input: conditions,
      });
    }

    if (Array.isArray(targets)) {
      const weights = targets.map((target) => (isRecord(target) ? target["weight"] : undefined));
      // Only meaningful once every single weight is valid; bad weights are reported on their own.
      if (targets.length > 0 && weights.every(isValidWeight)) {
        const total = weights.reduce((sum, weight) => sum + weight, 0);
        if (total !== WEIGHT_TOTAL) {
          context.addIssue({
            code: "custom",
            path: ["targets[..]", "weight"],
            message: `target weights must sum to exactly ${WEIGHT_TOTAL}, got ${total} (${weights.join(" + ")})`,
            input: targets,
          });
        }
      }

      const firstIndexByTarget = new Map<string, number>();
      targets.forEach((target, index) => {
        if (!isRecord(target) || typeof target["type"] !== "string" || typeof target["id"] !== "string") return;
        if (isUnknownPlaceholder(target["id"])) return;
        const identity = JSON.stringify([target["type"], target["id"]]);
        const first = firstIndexByTarget.get(identity);
        if (first === undefined) {
          firstIndexByTarget.set(identity, index);
          return;
        }
        context.addIssue({
          code: "custom",
          path: ["targets", index],
          message: `duplicates targets[${first}] (${target["type"]} ${JSON.stringify(target["id"])}); list each target once`,
          input: target,
        });
      });

      const hasFallback = typeof fallback === "string" || typeof fallbackRuleId === "string";
      if (targets.length === 0 && !hasFallback) {
        context.addIssue({
          code: "custom",
          path: ["targets"],
          message: "a rule must route somewhere: add at least one target, or set fallback or fallbackRuleId",
          input: targets,
        });
      }
    }

    if (fallback !== undefined && fallbackRuleId !== undefined) {
      context.addIssue({
        code: "custom",
        path: ["fallback"],
        message: "set either fallback (another rule in this program) or fallbackRuleId (the id of a rule in CXone), not both",
        input: fallback,
      });
    }
  };
}

/**
 * Builds the schema of a routing rule's resource inputs.
 *
 * Unknown properties are stripped (Pulumi adds its own, e.g. `__provider`). Cross-field checks
 * (condition count, weight total, duplicate targets, "routes somewhere", fallback exclusivity)
 * run even when single fields fail, so a parse reports every problem at once.
 *
 * @param options - limits and vocabularies; see {@link RuleSchemaOptions}.
 * @throws {@link InvalidOptionsError} for nonsensical options.
 */
export function createRuleInputsSchema(options: RuleSchemaOptions = {}) {
  const { maxConditions, interactionTypes, targetTypes } = resolveRuleSchemaOptions(options);
  return z
    .object({
      name: requiredText(NAME_MAX_LENGTH),
      description: boundedText(DESCRIPTION_MAX_LENGTH).optional(),
      priority: boundedInteger(PRIORITY_MIN, PRIORITY_MAX),
      enabled: booleanWithDefault(true),
      interactionType: oneOf(interactionTypes),
      conditions: z.array(conditionSchema, { error: "must be a list of conditions" }).default([]),
      targets: z.array(createTargetSchema(targetTypes), { error: "must be a list of targets" }).default([]),
      fallbackRuleId: requiredText().optional(),
      fallback: requiredText().optional(),
    })
    .superRefine(checkRuleAsAWhole(maxConditions), {
      when: (payload) => isRecord(payload.value),
    });
}

/** The routing rule input schema with default options. */
export const ruleInputsSchema = createRuleInputsSchema();

/** Parsed routing rule inputs, as produced by {@link ruleInputsSchema} (defaults filled in). */
export type RuleInputs = z.output<typeof ruleInputsSchema>;

/** The zod-free public mirror of {@link RuleInputs} must stay the same shape. */
true satisfies SameShape<RuleInputs, PublicRuleInputs>;

/** Routing rule inputs as a program writes them (optional fields may be omitted). */
export type RuleInputsInput = z.input<typeof ruleInputsSchema>;

/** One condition of a rule: `field operator value`, e.g. `customerSegment equals "vip"`. */
export type RuleCondition = z.output<typeof conditionSchema>;

/** One routing target: where a share (`weight`, percent) of the matched interactions go. */
export type RuleTarget = RuleInputs["targets"][number];
