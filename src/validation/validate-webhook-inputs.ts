import type { ValidationResult } from "./check-failure";
import { issuesToCheckFailures } from "./check-failure";
import type { WebhookEvent } from "./constants";
import type { WebhookInputs, WebhookSchemaOptions } from "./webhook-schema";
import { createWebhookInputsSchema, webhookInputsSchema } from "./webhook-schema";

/** Options of {@link validateWebhookInputs}. */
export type WebhookValidationOptions = WebhookSchemaOptions;

const strictLoopbackSchema = createWebhookInputsSchema({ allowLoopbackHttp: false });

/**
 * The canonical form of parsed inputs: absent optionals omitted, `eventFilter` sorted and
 * deduplicated so that its order in the program never shows up as a diff.
 */
export function normalizeWebhookInputs(parsed: WebhookInputs): WebhookInputs {
  const normalized: WebhookInputs = {
    name: parsed.name,
    enabled: parsed.enabled,
    targetURL: parsed.targetURL,
    eventFilter: [...new Set<WebhookEvent>(parsed.eventFilter)].sort(),
    format: parsed.format,
  };
  if (parsed.secret !== undefined) normalized.secret = parsed.secret;
  return normalized;
}

/**
 * Validates a webhook's resource inputs and returns them normalized, or every failure.
 *
 * Never throws for bad inputs. Failure messages never contain the secret or the URL's path and
 * query. Pulumi's unknown placeholder is accepted as `targetURL`.
 *
 * @param raw - the inputs as received by the provider's `check` (untrusted).
 * @param options - see {@link WebhookValidationOptions}.
 */
export function validateWebhookInputs(raw: unknown, options: WebhookValidationOptions = {}): ValidationResult<WebhookInputs> {
  const schema = options.allowLoopbackHttp === false ? strictLoopbackSchema : webhookInputsSchema;
  const result = schema.safeParse(raw);
  if (!result.success) return { ok: false, failures: issuesToCheckFailures(result.error.issues) };
  return { ok: true, value: normalizeWebhookInputs(result.data) };
}
