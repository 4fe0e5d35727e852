import type { RoutingRule, Webhook } from "../../../src/client";

let n = 0;

/** A rule as the API lists it. */
export function serverRule(fields: Partial<RoutingRule> & { id: string; name: string }): RoutingRule {
  n++;
  return {
    priority: 100 + n,
    enabled: true,
    interactionType: "voice",
    conditions: [{ field: "attr", operator: "equals", value: `v${n}` }],
    targets: [{ type: "queue", id: "queue-general", weight: 100, capacity: 10 }],
    version: 1,
    createdAt: "2026-01-01T00:00:00Z",
    updatedAt: "2026-01-01T00:00:00Z",
    ...fields,
  };
}

export function serverWebhook(fields: Partial<Webhook> & { id: string; name: string }): Webhook {
  return {
    enabled: true,
    targetURL: "https://hooks.example.com/cxone",
    eventFilter: "routing.rule.updated routing.rule.created",
    format: "json",
    hasSecret: true,
    version: 1,
    createdAt: "2026-01-01T00:00:00Z",
    updatedAt: "2026-01-01T00:00:00Z",
    ...fields,
  };
}
