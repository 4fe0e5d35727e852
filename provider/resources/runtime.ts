/**
 * The implementation behind the serialized provider shells (see provider-shell.ts). The dynamic
 * provider host `require`s this module by package name at run time, so the state holds only a
 * few hundred bytes of shell per resource and an upgrade of this package takes effect at once.
 */
import { createObjectProvider } from "./object-provider";
import { configureProvider } from "./provider-state";
import { routingRuleKind } from "./routing-rule/routing-rule-kind";
import { webhookKind } from "./webhook/webhook-kind";

export const configure = configureProvider;
export const routingRuleProvider = createObjectProvider(routingRuleKind);
export const webhookProvider = createObjectProvider(webhookKind);
