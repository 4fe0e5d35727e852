import * as pulumi from "@pulumi/pulumi";
import { secretInputs } from "./secret-inputs";
import { ProgramInputError } from "../errors/program-input-error";
import { describeValue } from "../validation/describe-value";
import { reviewAdoption } from "./adoption-review";
import { deferred } from "./deferred";
import { ownerInput } from "../settings/ownership";
import { resourceUrn } from "./resource-urn";
import { pauseSdkStacks } from "./sdk-stacks";
import routingRuleShell = require("../provider/shells/routing-rule");
import { UNKNOWN_PLACEHOLDER } from "../validation/unknown-placeholder";
import { validateRuleInputs } from "../validation/validate-rule-inputs";
import { routingRuleKind } from "../kinds/routing-rule-kind";
import { currentRuleSet } from "./rule-set/rule-set";
// From constants, not the validation index: public declarations must not reach zod's (see public-input-types.ts).
import type { ConditionOperator, InteractionType, OpenChoice, TargetType } from "../validation/constants";
import type { ConflictPolicy } from "../settings/settings";

export type { ConditionOperator, InteractionType, OpenChoice, TargetType };

/** The Pulumi type token of {@link RoutingRule} resources. */
export const ROUTING_RULE_TYPE = "pulumi-nodejs:dynamic/cxone:RoutingRule";

/** One condition of a rule: `field operator value`. All conditions of a rule must hold. */
export interface RuleConditionArgs {
  field: pulumi.Input<string>;
  /** equals notEquals greaterThan lessThan startsWith contains endsWith matchesRegex */
  operator: pulumi.Input<OpenChoice<ConditionOperator>>;
  value: pulumi.Input<string | number | boolean>;
  conditionGroupId?: pulumi.Input<string>;
}

/** One routing target: a queue, skill or agent and its share (`weight`) of the matched interactions. */
export interface RuleTargetArgs {
  /** queue, skill or agent */
  type: pulumi.Input<OpenChoice<TargetType>>;
  id: pulumi.Input<string>;
  /** 0..100; the weights of a rule sum to exactly 100. */
  weight: pulumi.Input<number>;
  capacity: pulumi.Input<number>;
}

/** The inputs of a {@link RoutingRule}. See docs/resources/routing-rule.md for what `check` refuses. */
export interface RoutingRuleArgs {
  /** Unique per CXone tenant. */
  name: pulumi.Input<string>;
  description?: pulumi.Input<string>;
  /** Lower numbers are evaluated first. */
  priority: pulumi.Input<number>;
  enabled?: pulumi.Input<boolean>;
  /** voice, chat, email, sms, social or workitem */
  interactionType: pulumi.Input<OpenChoice<InteractionType>>;
  conditions?: pulumi.Input<pulumi.Input<RuleConditionArgs>[]>;
  targets?: pulumi.Input<pulumi.Input<RuleTargetArgs>[]>;
  /**
   * Another rule of this program, as the resource or its logical name (declared anywhere in the
   * program, before or after this one). Resolved to its CXone id at deploy time.
   */
  fallback?: RoutingRule | string;
  /** The CXone id of a fallback rule outside this program. */
  fallbackRuleId?: pulumi.Input<string>;
  /** "fail" (default): an edit made outside Pulumi stops the update. "overwrite": re-read and re-apply. */
  conflictPolicy?: pulumi.Input<OpenChoice<ConflictPolicy>>;
  /** Take over an existing rule with this id instead of creating one. */
  adoptId?: pulumi.Input<string>;
  /**
   * The ETag of the `adoptId` object as the reviewed preview showed it (the preview's adoption
   * report prints the line to add). With it, the review holds wherever `up` runs: an object edited
   * since is refused, at preview and at `up`, instead of taken over with the edit.
   */
  adoptEtag?: pulumi.Input<string>;
}

/**
 * A NICE CXone interaction routing rule. Writes carry the ETag kept in the state as If-Match;
 * every rule of the program is validated and analysed together (fallback cycles, dangling names,
 * shadowed rules) before any of them is written.
 */
export class RoutingRule extends pulumi.dynamic.Resource {
  declare readonly name: pulumi.Output<string>;
  declare readonly description: pulumi.Output<string | undefined>;
  declare readonly priority: pulumi.Output<number>;
  declare readonly enabled: pulumi.Output<boolean>;
  declare readonly interactionType: pulumi.Output<InteractionType>;
  declare readonly conditions: pulumi.Output<
    { field: string; operator: ConditionOperator; value: string | number | boolean; conditionGroupId?: string }[]
  >;
  declare readonly targets: pulumi.Output<{ type: TargetType; id: string; weight: number; capacity: number }[]>;
  declare readonly fallbackRuleId: pulumi.Output<string | undefined>;
  /** The server's ETag at the last create, read or update: the If-Match of the next write. */
  declare readonly etag: pulumi.Output<string>;
  declare readonly version: pulumi.Output<number>;
  declare readonly createdAt: pulumi.Output<string>;
  declare readonly updatedAt: pulumi.Output<string>;

  constructor(name: string, args: RoutingRuleArgs, opts: pulumi.CustomResourceOptions = {}) {
    if (!args || typeof args !== "object") {
      throw new ProgramInputError(
        `RoutingRule "${name}": the second argument must be the rule's inputs ({ name, priority, interactionType, ... }), got ${args === null ? "null" : typeof args}.`,
      );
    }
    const ruleSet = currentRuleSet();
    const fallbackKey =
      args.fallback === undefined ? undefined : typeof args.fallback === "string" ? args.fallback : ruleSet.keyOf(args.fallback);
    if (args.fallback !== undefined && fallbackKey === undefined) {
      throw new ProgramInputError(
        `RoutingRule "${name}": fallback must be a RoutingRule of this program or its logical name (a string), got ${describeValue(args.fallback)}. ` +
          'Fix: pass the rule object (fallback: general) or its logical name (fallback: "general"); for a rule outside this program use fallbackRuleId with its CXone id.',
      );
    }
    const { fallback: _fallback, ...plain } = args;
    const self = deferred<pulumi.CustomResource>();
    const declared = ruleSet.declare(name, { args: plain as Record<string, unknown>, fallbackKey });
    const fallbackRule = declared.fallback;
    const fallbackRuleId =
      fallbackKey !== undefined
        ? pulumi.output(fallbackRule.then((rule) => (rule as pulumi.CustomResource | undefined)?.id))
        : args.fallbackRuleId;
    const secrets = secretInputs(plain as Record<string, unknown>);
    const props: pulumi.Inputs = {
      // Every declared output is a key, so that `rule.enabled` is an Output even when the
      // program left `enabled` out (undefined inputs are not sent).
      description: undefined,
      enabled: undefined,
      conditions: undefined,
      targets: undefined,
      ...plain,
      // The engine sees this rule only once the stack-wide analysis passed.
      // A promise, not pulumi.all(...).apply(...): two fewer Outputs per rule (program CPU).
      name: declared.gate.then(() => args.name),
      fallbackRuleId,
      // Display only (never sent): the preview shows `fallbackRuleName: "VIP" => "General"`.
      ...(fallbackKey !== undefined
        ? { fallbackRuleName: pulumi.output(fallbackRule.then((rule) => (rule as RoutingRule | undefined)?.name)) }
        : {}),
      ...(args.adoptId !== undefined
        ? {
            adoptEtag: reviewAdoption(
              routingRuleKind,
              name,
              args.adoptId,
              args.adoptEtag,
              secrets.__secrets,
              pulumi.output(plain),
              (values) => {
                const checked = validateRuleInputs(
                  { ...values, ...(fallbackKey !== undefined ? { fallbackRuleId: UNKNOWN_PLACEHOLDER } : {}) },
                  { logicalName: name },
                );
                return checked.ok ? (checked.value as Record<string, unknown>) : undefined;
              },
              self.promise,
            ),
          }
        : {}),
      // The stack's cxone:owner, so that a change of owner (a rename in CXone) shows in preview.
      // No key without an owner: every key costs the SDK an Output and four promises per resource.
      ...ownerInput(),
      ...secrets,
      __urn: resourceUrn(name, ROUTING_RULE_TYPE, opts.parent),
      etag: undefined,
      version: undefined,
      createdAt: undefined,
      updatedAt: undefined,
    };
    const resourceOpts: pulumi.CustomResourceOptions = {
      ...opts,
      // Created after, and deleted before, the rule it falls back to.
      // (The engine flattens nested lists and promises of resources; the typings do not say so.)
      dependsOn:
        fallbackKey !== undefined
          ? ([opts.dependsOn ?? [], fallbackRule.then((r) => (r ? [r] : []))] as unknown as pulumi.Input<pulumi.Resource>[])
          : opts.dependsOn,
    };
    // The SDK's own per-promise stack traces are most of a program's CPU (see sdk-stacks.ts).
    const stacks = pauseSdkStacks();
    try {
      super(routingRuleShell, name, props, resourceOpts, "cxone", "RoutingRule");
    } catch (error) {
      ruleSet.withdraw(name);
      throw stacks.failed(error);
    } finally {
      stacks.end();
    }
    ruleSet.attach(name, this);
    self.resolve(this);
  }
}
