import * as pulumi from "@pulumi/pulumi";
import { secretInputs } from "./secret-inputs";
import { ProgramInputError } from "../errors/program-input-error";
import { reviewAdoption } from "./adoption-review";
import { deferred } from "./deferred";
import { ownerInput } from "../settings/ownership";
import { resourceUrn } from "./resource-urn";
import { pauseSdkStacks } from "./sdk-stacks";
import webhookShell = require("../provider/shells/webhook");
import { validateWebhookInputs } from "../validation/validate-webhook-inputs";
import { webhookKind } from "../kinds/webhook-kind";
import type { OpenChoice, WebhookEvent, WebhookEventFilter } from "../validation/constants";
import type { ConflictPolicy } from "../settings/settings";

/** The Pulumi type token of {@link Webhook} resources. */
export const WEBHOOK_TYPE = "pulumi-nodejs:dynamic/cxone:Webhook";

/** routing.rule.created, routing.rule.updated or routing.rule.deleted (from the webhook schema's event list). */
export type WebhookEventName = WebhookEvent;

export type { WebhookEventFilter };

/** The inputs of a {@link Webhook}. See docs/resources/webhook.md for what `check` refuses. */
export interface WebhookArgs {
  /** Unique per CXone tenant. */
  name: pulumi.Input<string>;
  enabled?: pulumi.Input<boolean>;
  /** https; http only for loopback hosts. */
  targetURL: pulumi.Input<string>;
  /**
   * The events to deliver: a list, or the API's own form, one space-separated string
   * (`"routing.rule.created routing.rule.updated"`). Either way the state keeps the sorted list.
   */
  eventFilter: pulumi.Input<pulumi.Input<OpenChoice<WebhookEventName>>[] | OpenChoice<WebhookEventFilter>>;
  format?: pulumi.Input<OpenChoice<"json">>;
  /** HMAC-SHA256 signing secret (16+ characters); kept as a Pulumi secret, never returned by the API. */
  secret?: pulumi.Input<string>;
  conflictPolicy?: pulumi.Input<OpenChoice<ConflictPolicy>>;
  /** Take over an existing webhook with this id instead of creating one. */
  adoptId?: pulumi.Input<string>;
  /** The ETag of the `adoptId` object as the reviewed preview showed it (see RoutingRuleArgs.adoptEtag). */
  adoptEtag?: pulumi.Input<string>;
}

/** A CXone webhook that receives routing rule events. */
export class Webhook extends pulumi.dynamic.Resource {
  declare readonly name: pulumi.Output<string>;
  declare readonly enabled: pulumi.Output<boolean>;
  declare readonly targetURL: pulumi.Output<string>;
  declare readonly eventFilter: pulumi.Output<WebhookEventName[]>;
  declare readonly format: pulumi.Output<"json">;
  declare readonly hasSecret: pulumi.Output<boolean>;
  /** The signing secret as given (a Pulumi secret); the API never returns it. */
  declare readonly secret: pulumi.Output<string | undefined>;
  declare readonly etag: pulumi.Output<string>;
  declare readonly version: pulumi.Output<number>;
  declare readonly createdAt: pulumi.Output<string>;
  declare readonly updatedAt: pulumi.Output<string>;

  constructor(name: string, args: WebhookArgs, opts: pulumi.CustomResourceOptions = {}) {
    if (!args || typeof args !== "object") {
      throw new ProgramInputError(
        `Webhook "${name}": the second argument must be the webhook's inputs ({ name, targetURL, eventFilter, ... }), got ${args === null ? "null" : typeof args}.`,
      );
    }
    const self = deferred<pulumi.CustomResource>();
    const secrets = secretInputs(args as unknown as Record<string, unknown>);
    const props: pulumi.Inputs = {
      // Every declared output is a key, so that `hook.format` is an Output even when the program
      // left `format` out (undefined inputs are not sent).
      enabled: undefined,
      format: undefined,
      ...args,
      secret: args.secret === undefined ? undefined : pulumi.secret(args.secret),
      ...(args.adoptId !== undefined
        ? {
            // The secret stays out of the review: it is write-only and never compared.
            adoptEtag: reviewAdoption(
              webhookKind,
              name,
              args.adoptId,
              args.adoptEtag,
              secrets.__secrets,
              pulumi.output({ ...args, adoptEtag: undefined, secret: undefined }),
              (values) => {
                const checked = validateWebhookInputs(values);
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
      __urn: resourceUrn(name, WEBHOOK_TYPE, opts.parent),
      hasSecret: undefined,
      etag: undefined,
      version: undefined,
      createdAt: undefined,
      updatedAt: undefined,
    };
    const resourceOpts = { ...opts, additionalSecretOutputs: [...(opts.additionalSecretOutputs ?? []), "secret"] };
    // The SDK's own per-promise stack traces are most of a program's CPU (see sdk-stacks.ts).
    const stacks = pauseSdkStacks();
    try {
      super(webhookShell, name, props, resourceOpts, "cxone", "Webhook");
    } catch (error) {
      throw stacks.failed(error);
    } finally {
      stacks.end();
    }
    self.resolve(this);
  }
}
