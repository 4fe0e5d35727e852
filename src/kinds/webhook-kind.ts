import type { Webhook as ServerWebhook, WebhookInput as WireWebhook } from "../client";
import { validateWebhookInputs, type WebhookInputs } from "../validation";
import type { ObjectKind } from "./object-kind";
import { ownedName, withoutOwner } from "../settings/ownership";

const FIELDS = ["name", "enabled", "targetURL", "eventFilter", "format", "secret"] as const;

export const webhookKind: ObjectKind<WebhookInputs & Record<string, unknown>, WireWebhook, ServerWebhook> = {
  kind: "Webhook",
  api: (client) => client.webhooks,
  validate: (raw) =>
    validateWebhookInputs(raw) as ReturnType<ObjectKind<WebhookInputs & Record<string, unknown>, WireWebhook, ServerWebhook>["validate"]>,
  fields: FIELDS,
  setFields: ["eventFilter"],
  // The server never returns the signing secret; the state keeps it (as a Pulumi secret).
  writeOnlyFields: ["secret"],
  secretFields: ["secret"],
  displayFields: [],
  display: async () => ({}),
  hasDependents: false,
  toWire(hook, scope = {}) {
    return {
      name: ownedName(hook.name, scope.owner),
      enabled: hook.enabled,
      targetURL: hook.targetURL,
      // The API takes the seed's space-separated string; the resource takes a list.
      eventFilter: hook.eventFilter.join(" "),
      format: hook.format,
      ...(hook.secret !== undefined ? { secret: hook.secret } : {}),
    };
  },
  fromServer(hook, scope = {}) {
    return {
      name: withoutOwner(hook.name, scope.owner),
      enabled: hook.enabled,
      targetURL: hook.targetURL,
      eventFilter: [
        ...new Set(
          String(hook.eventFilter ?? "")
            .split(/\s+/)
            .filter(Boolean),
        ),
      ].sort(),
      format: hook.format,
    };
  },
  serverFields: (hook) => ({ version: hook.version, createdAt: hook.createdAt, updatedAt: hook.updatedAt, hasSecret: hook.hasSecret }),
};
