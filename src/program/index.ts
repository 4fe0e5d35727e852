export {
  RoutingRule,
  ROUTING_RULE_TYPE,
  type RoutingRuleArgs,
  type RuleConditionArgs,
  type RuleTargetArgs,
  type InteractionType,
  type ConditionOperator,
  type TargetType,
  type OpenChoice,
} from "./routing-rule";
export { Webhook, WEBHOOK_TYPE, type WebhookArgs, type WebhookEventName, type WebhookEventFilter } from "./webhook";
export { routingProgram, RoutingAnalysisError } from "./rule-set/rule-set";
export {
  SETTING_KEYS,
  DEPRECATED_SETTING_KEYS,
  CONFLICT_POLICIES,
  resolveProviderSettings,
  settingSource,
  type ProviderSettings,
  type ConflictPolicy,
} from "../settings/settings";
export { OutOfBandChangeError } from "../errors/out-of-band-change-error";
export { UnconfirmedWriteError } from "../errors/unconfirmed-write-error";
export { AdoptionError } from "../errors/adoption-error";
export { ProviderConfigurationError } from "../errors/provider-configuration-error";
export { promotableRuleSet, PromotionRefusedError, type PromotableRuleSet } from "./promotable-rule-set";
export type { KeyedDefinition } from "../promotion/rule-set-diff";
