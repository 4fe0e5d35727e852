import { randomUUID } from "node:crypto";
import { ApiError, notFound } from "../http/api-error";
import { isPlainObject } from "../http/body";
import { createCollection } from "../store/collection";
import { assertIfMatch, computeETag } from "../store/etag";
import type { StoredWebhook, WebhookInput, WebhookView } from "../store/records";
import type { FieldError } from "../validation/field-error";
import { type SecretChange, type ValidWebhookWrite, validateWebhookInput } from "../validation/webhook-validation";
import { type ResourceService, type Versioned, isoTime } from "./resource-service";

export interface WebhookService extends ResourceService<WebhookView> {
  seed(items: unknown[]): Versioned<WebhookView>[];
  /** Stored webhooks including secrets: for signing and persistence only, never for responses. */
  allStored(): StoredWebhook[];
  load(webhooks: StoredWebhook[]): void;
  clear(): void;
}

/** The served form: the secret is write-only, so only its presence is visible. */
export function webhookView(webhook: StoredWebhook): WebhookView {
  const { secret, ...visible } = webhook;
  const { version, createdAt, updatedAt, ...rest } = visible;
  return { ...rest, hasSecret: secret !== undefined, version, createdAt, updatedAt };
}

export function createWebhookService(now: () => number): WebhookService {
  const webhooks = createCollection<StoredWebhook>();
  const versioned = (webhook: StoredWebhook): Versioned<WebhookView> => {
    const view = webhookView(webhook);
    return { view, etag: computeETag(webhook.id, webhook.version, view) };
  };

  const validate = (body: unknown, webhookId: string | undefined): ValidWebhookWrite => {
    const result = validateWebhookInput(body);
    if (!result.ok) throw new ApiError(400, "validation_failed", "the webhook is invalid", { errors: result.errors });
    const holder = webhooks.findByName(result.value.input.name);
    if (holder !== undefined && holder.id !== webhookId) {
      throw new ApiError(409, "duplicate_name", `a webhook named ${JSON.stringify(result.value.input.name)} already exists`, {
        errors: [
          {
            field: "name",
            message: `a webhook named ${JSON.stringify(result.value.input.name)} already exists (id ${holder.id})`,
            errorCode: "duplicate_name",
          },
        ],
      });
    }
    return result.value;
  };

  const build = (
    id: string,
    input: WebhookInput,
    secret: string | undefined,
    version: number,
    createdAt: string,
    updatedAt: string,
  ): StoredWebhook => {
    const webhook: StoredWebhook = { id, ...input, version, createdAt, updatedAt };
    if (secret !== undefined) webhook.secret = secret;
    return webhook;
  };

  const secretAfter = (change: SecretChange, current: string | undefined): string | undefined => {
    if (change.kind === "set") return change.secret;
    return change.kind === "clear" ? undefined : current;
  };

  const existingOr404 = (id: string): StoredWebhook => {
    const webhook = webhooks.get(id);
    if (webhook === undefined) throw notFound("webhook", id);
    return webhook;
  };

  return {
    kind: "webhook",
    list: () => webhooks.all().map(versioned),
    find(id) {
      const webhook = webhooks.get(id);
      return webhook === undefined ? undefined : versioned(webhook);
    },
    create(body) {
      const write = validate(body, undefined);
      const at = isoTime(now());
      const webhook = build(randomUUID(), write.input, secretAfter(write.secret, undefined), 1, at, at);
      webhooks.put(webhook);
      return versioned(webhook);
    },
    replace(id, body, ifMatch) {
      const existing = existingOr404(id);
      assertIfMatch(ifMatch, versioned(existing).etag);
      const write = validate(body, id);
      const webhook = build(
        id,
        write.input,
        secretAfter(write.secret, existing.secret),
        existing.version + 1,
        existing.createdAt,
        isoTime(now()),
      );
      webhooks.put(webhook);
      return versioned(webhook);
    },
    remove(id, ifMatch) {
      const existing = existingOr404(id);
      assertIfMatch(ifMatch, versioned(existing).etag);
      webhooks.remove(id);
    },
    seed(items) {
      const errors: FieldError[] = [];
      const writes: Array<{ id: string; write: ValidWebhookWrite }> = [];
      const names = new Set<string>();
      items.forEach((item, index) => {
        const prefix = `webhooks[${index}]`;
        const id = isPlainObject(item) && item.id !== undefined ? item.id : randomUUID();
        if (typeof id !== "string" || id === "") {
          errors.push({ field: `${prefix}.id`, message: "id must be a non-empty string", errorCode: "invalid_type" });
          return;
        }
        if (webhooks.has(id) || writes.some((w) => w.id === id)) {
          errors.push({ field: `${prefix}.id`, message: `webhook id ${id} already exists`, errorCode: "duplicate_id" });
        }
        const result = validateWebhookInput(item);
        if (!result.ok) {
          errors.push(...result.errors.map((error) => ({ ...error, field: error.field === null ? prefix : `${prefix}.${error.field}` })));
          return;
        }
        if (webhooks.findByName(result.value.input.name) !== undefined || names.has(result.value.input.name)) {
          errors.push({
            field: `${prefix}.name`,
            message: `a webhook named ${JSON.stringify(result.value.input.name)} already exists`,
            errorCode: "duplicate_name",
          });
        }
        names.add(result.value.input.name);
        writes.push({ id, write: result.value });
      });
      if (errors.length > 0) throw new ApiError(400, "validation_failed", "the seeded webhooks are invalid", { errors });
      const at = isoTime(now());
      return writes.map(({ id, write }) => {
        const webhook = build(id, write.input, secretAfter(write.secret, undefined), 1, at, at);
        webhooks.put(webhook);
        return versioned(webhook);
      });
    },
    allStored: () => webhooks.all().map((webhook) => ({ ...webhook })),
    load(stored) {
      for (const webhook of stored) webhooks.put(webhook);
    },
    clear: () => webhooks.clear(),
  };
}
