import { closeAllClients, CxoneApiError, getClient } from "../client";
import { ownerOf } from "../settings/ownership";
import { routingRuleKind } from "../kinds/routing-rule-kind";
import { webhookKind } from "../kinds/webhook-kind";
import { resolveProviderSettings, settingSource } from "../settings/settings";
import { ProviderConfigurationError } from "../errors/provider-configuration-error";
import { TenantUnreachableError } from "./errors";
import type { ObjectKindName } from "./stack-source";

/** One object as the tenant holds it, in the normalized form the resources keep in their state. */
export interface TenantObject {
  readonly kind: ObjectKindName;
  readonly id: string;
  readonly version: number | undefined;
  readonly fields: Record<string, unknown>;
  /** The stack whose owner tag the object's name carries (see ownership.ts). */
  readonly owner: string | undefined;
}

/**
 * Every routing rule and webhook of the tenant a stack points at, read with that stack's own
 * settings (its `cxone:*` config, then the same environment variables the provider reads).
 */
export async function readTenant(
  stack: string,
  config: Record<string, string>,
  projectDir: string,
): Promise<{ owner: string | undefined; objects: TenantObject[] }> {
  try {
    const settings = resolveProviderSettings(
      settingSource((key) => config[key]),
      projectDir,
    );
    // Names compare without this stack's own tag, as its state holds them.
    const scope = { owner: settings.owner };
    const client = getClient(settings.client);
    const [rules, hooks] = await Promise.all([client.rules.listAll(), client.webhooks.listAll()]);
    const objects = [
      ...rules.map((r) => ({
        kind: "RoutingRule" as const,
        id: r.id,
        version: r.version,
        fields: routingRuleKind.fromServer(r, scope),
        owner: ownerOf(r.name),
      })),
      ...hooks.map((h) => ({
        kind: "Webhook" as const,
        id: h.id,
        version: h.version,
        fields: webhookKind.fromServer(h, scope),
        owner: ownerOf(h.name),
      })),
    ];
    return { owner: settings.owner, objects };
  } catch (error) {
    if (error instanceof CxoneApiError || error instanceof ProviderConfigurationError) {
      throw new TenantUnreachableError(stack, error.message, error);
    }
    throw error;
  } finally {
    await closeAllClients();
  }
}
