/**
 * The implementation behind the serialized provider shells (see provider-shell.ts). The dynamic
 * provider host `require`s this module by package name at run time, so the state holds only a
 * few hundred bytes of shell per resource and an upgrade of this package takes effect at once.
 */
import { createObjectProvider } from "./object-provider";
import { configureProvider } from "./provider-state";
import { expectedFailuresOnce, quietHostLog } from "./quiet-host-log";
import { routingRuleKind } from "../kinds/routing-rule-kind";
import { webhookKind } from "../kinds/webhook-kind";

type Provider = ReturnType<typeof createObjectProvider>;

function reportingOnce(provider: Provider): Provider {
  return Object.fromEntries(Object.entries(provider).map(([name, method]) => [name, expectedFailuresOnce(method as never)])) as Provider;
}

// This module is loaded only by the dynamic-provider host (the program loads the shells).
quietHostLog();

export const configure = configureProvider;
export const routingRuleProvider = reportingOnce(createObjectProvider(routingRuleKind));
export const webhookProvider = reportingOnce(createObjectProvider(webhookKind));
/** Short aliases the current shells call (provider-shell.ts); the long names stay for states written before. */
export const r = routingRuleProvider;
export const w = webhookProvider;
