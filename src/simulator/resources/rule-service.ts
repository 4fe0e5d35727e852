import { randomUUID } from "node:crypto";
import { ApiError, notFound } from "../http/api-error";
import { isPlainObject } from "../http/body";
import { createCollection } from "../store/collection";
import { assertIfMatch, computeETag } from "../store/etag";
import type { Rule, RuleInput } from "../store/records";
import { type RuleValidationContext, validateRuleInput } from "../validation/rule-validation";
import type { FieldError } from "../validation/field-error";
import type { RuleEventType } from "../vocabulary";
import { type ResourceService, type Versioned, isoTime } from "./resource-service";

export interface RuleService extends ResourceService<Rule> {
  /** An out-of-band change, as a person editing in the CXone console: no If-Match needed. */
  edit(id: string, patch: unknown): Versioned<Rule>;
  /** Bulk load for tests and demos; ids may be given. Fires no events. */
  seed(items: unknown[]): Versioned<Rule>[];
  all(): Rule[];
  load(rules: Rule[]): void;
  clear(): void;
}

export interface RuleServiceSettings {
  now: () => number;
  maxConditions: number;
  onChange: (type: RuleEventType, rule: Rule) => void;
}

const SERVER_FIELDS = ["id", "version", "createdAt", "updatedAt"];

export function createRuleService(settings: RuleServiceSettings): RuleService {
  const rules = createCollection<Rule>();
  const versioned = (rule: Rule): Versioned<Rule> => ({ view: structuredClone(rule), etag: computeETag(rule.id, rule.version, rule) });

  const validationContext = (ruleId: string | undefined): RuleValidationContext => ({
    ruleId,
    ruleExists: (id) => rules.has(id),
    fallbackOf: (id) => rules.get(id)?.fallbackRuleId,
    maxConditions: settings.maxConditions,
  });

  const validate = (body: unknown, ruleId: string | undefined): RuleInput => {
    const result = validateRuleInput(body, validationContext(ruleId));
    if (!result.ok) throw new ApiError(400, "validation_failed", "the rule is invalid", { errors: result.errors });
    const holder = rules.findByName(result.value.name);
    if (holder !== undefined && holder.id !== ruleId) {
      throw new ApiError(409, "duplicate_name", `a rule named ${JSON.stringify(result.value.name)} already exists`, {
        errors: [
          {
            field: "name",
            message: `a rule named ${JSON.stringify(result.value.name)} already exists (id ${holder.id})`,
            errorCode: "duplicate_name",
          },
        ],
      });
    }
    return result.value;
  };

  const stamp = (id: string, input: RuleInput, version: number, createdAt: string, updatedAt = isoTime(settings.now())): Rule => ({
    id,
    ...input,
    version,
    createdAt,
    updatedAt,
  });

  const replaceStored = (existing: Rule, input: RuleInput): Versioned<Rule> => {
    const rule = stamp(existing.id, input, existing.version + 1, existing.createdAt);
    rules.put(rule);
    settings.onChange("routing.rule.updated", rule);
    return versioned(rule);
  };

  const existingOr404 = (id: string): Rule => {
    const rule = rules.get(id);
    if (rule === undefined) throw notFound("rule", id);
    return rule;
  };

  return {
    kind: "rule",
    list: () => rules.all().map(versioned),
    find(id) {
      const rule = rules.get(id);
      return rule === undefined ? undefined : versioned(rule);
    },
    create(body) {
      const input = validate(body, undefined);
      const now = isoTime(settings.now());
      const rule = stamp(randomUUID(), input, 1, now, now);
      rules.put(rule);
      settings.onChange("routing.rule.created", rule);
      return versioned(rule);
    },
    replace(id, body, ifMatch) {
      const existing = existingOr404(id);
      assertIfMatch(ifMatch, versioned(existing).etag);
      return replaceStored(existing, validate(body, id));
    },
    edit(id, patch) {
      const existing = existingOr404(id);
      if (!isPlainObject(patch)) throw new ApiError(400, "invalid_body", "an edit must be a JSON object of fields to change");
      const merged: Record<string, unknown> = { ...existing, ...patch };
      for (const field of SERVER_FIELDS) delete merged[field];
      return replaceStored(existing, validate(merged, id));
    },
    remove(id, ifMatch) {
      const existing = existingOr404(id);
      assertIfMatch(ifMatch, versioned(existing).etag);
      const referrers = rules.all().filter((rule) => rule.fallbackRuleId === id && rule.id !== id);
      if (referrers.length > 0) {
        const names = referrers.map((rule) => `${rule.name} (${rule.id})`).join(", ");
        throw new ApiError(409, "rule_in_use", `rule ${id} is the fallback of ${names}`, {
          extraBody: { referencedBy: referrers.map((rule) => rule.id) },
        });
      }
      rules.remove(id);
      settings.onChange("routing.rule.deleted", existing);
    },
    seed(items) {
      const ids = items.map((item) => (isPlainObject(item) && item.id !== undefined ? item.id : randomUUID()));
      const batchFallback = new Map<string, unknown>();
      items.forEach((item, index) => {
        if (typeof ids[index] === "string" && isPlainObject(item)) batchFallback.set(ids[index], item.fallbackRuleId);
      });
      const errors: FieldError[] = [];
      const inputs: RuleInput[] = [];
      const names = new Set<string>();
      items.forEach((item, index) => {
        const id = ids[index];
        const prefix = `rules[${index}]`;
        if (typeof id !== "string" || id === "") {
          errors.push({ field: `${prefix}.id`, message: "id must be a non-empty string", errorCode: "invalid_type" });
          return;
        }
        if (rules.has(id) || ids.indexOf(id) !== index) {
          errors.push({ field: `${prefix}.id`, message: `rule id ${id} already exists`, errorCode: "duplicate_id" });
        }
        const result = validateRuleInput(item, {
          ruleId: id,
          ruleExists: (candidate) => rules.has(candidate) || batchFallback.has(candidate),
          fallbackOf: (candidate) => {
            const inBatch = batchFallback.get(candidate);
            return typeof inBatch === "string" ? inBatch : rules.get(candidate)?.fallbackRuleId;
          },
          maxConditions: settings.maxConditions,
        });
        if (!result.ok) {
          errors.push(...result.errors.map((error) => ({ ...error, field: error.field === null ? prefix : `${prefix}.${error.field}` })));
          return;
        }
        if (rules.findByName(result.value.name) !== undefined || names.has(result.value.name)) {
          errors.push({
            field: `${prefix}.name`,
            message: `a rule named ${JSON.stringify(result.value.name)} already exists`,
            errorCode: "duplicate_name",
          });
        }
        names.add(result.value.name);
        inputs.push(result.value);
      });
      if (errors.length > 0) throw new ApiError(400, "validation_failed", "the seeded rules are invalid", { errors });
      const now = isoTime(settings.now());
      return inputs.map((input, index) => {
        const rule = stamp(ids[index] as string, input, 1, now, now);
        rules.put(rule);
        return versioned(rule);
      });
    },
    all: () => rules.all().map((rule) => structuredClone(rule)),
    load(stored) {
      for (const rule of stored) rules.put(rule);
    },
    clear: () => rules.clear(),
  };
}
