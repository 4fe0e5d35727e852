import type { WebhookInput } from "../store/records";
import { RULE_EVENT_TYPES, isOneOf } from "../vocabulary";
import { isPlainObject } from "../http/body";
import type { FieldError, ValidationResult } from "./field-error";

/**
 * What the secret field of a write asks for: keep the stored one (field absent, so a client that
 * cannot read the write-only secret can still PUT what it GOT), clear it (null) or set it.
 */
export type SecretChange = { kind: "keep" } | { kind: "clear" } | { kind: "set"; secret: string };

export interface ValidWebhookWrite {
  input: WebhookInput;
  secret: SecretChange;
}

export function validateWebhookInput(body: unknown): ValidationResult<ValidWebhookWrite> {
  const errors: FieldError[] = [];
  const fail = (field: string, errorCode: string, message: string): void => {
    errors.push({ field, message, errorCode });
  };
  if (!isPlainObject(body)) {
    return { ok: false, errors: [{ field: null, message: "webhook must be a JSON object", errorCode: "invalid_type" }] };
  }
  const { name, enabled, targetURL, eventFilter, format, secret } = body;

  if (name === undefined || name === null || name === "") fail("name", "required", "name is required");
  else if (typeof name !== "string") fail("name", "invalid_type", "name must be a string");
  else if (name.trim() === "") fail("name", "required", "name must not be blank");

  if (enabled === undefined || enabled === null) fail("enabled", "required", "enabled is required");
  else if (typeof enabled !== "boolean") fail("enabled", "invalid_type", "enabled must be a boolean");

  if (targetURL === undefined || targetURL === null || targetURL === "") fail("targetURL", "required", "targetURL is required");
  else if (typeof targetURL !== "string" || !isHttpUrl(targetURL)) {
    fail("targetURL", "invalid_value", "targetURL must be an absolute http(s) URL");
  }

  if (eventFilter === undefined || eventFilter === null || eventFilter === "") {
    fail("eventFilter", "required", "eventFilter is required");
  } else if (typeof eventFilter !== "string") {
    fail("eventFilter", "invalid_type", "eventFilter must be a space-separated string");
  } else {
    const names = eventFilter.split(/\s+/).filter((n) => n !== "");
    if (names.length === 0) fail("eventFilter", "required", "eventFilter must name at least one event");
    for (const eventName of names) {
      if (!isOneOf(RULE_EVENT_TYPES, eventName)) {
        fail("eventFilter", "invalid_value", `unknown event ${JSON.stringify(eventName)}; allowed: ${RULE_EVENT_TYPES.join(", ")}`);
      }
    }
  }

  if (format !== undefined && format !== "json") fail("format", "invalid_value", 'format must be "json"');

  let secretChange: SecretChange = { kind: "keep" };
  if (secret === null) secretChange = { kind: "clear" };
  else if (secret !== undefined) {
    if (typeof secret !== "string" || secret === "") fail("secret", "invalid_type", "secret must be a non-empty string");
    else secretChange = { kind: "set", secret };
  }

  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      input: {
        name: name as string,
        enabled: enabled as boolean,
        targetURL: targetURL as string,
        eventFilter: (eventFilter as string)
          .split(/\s+/)
          .filter((n) => n !== "")
          .join(" "),
        format: "json",
      },
      secret: secretChange,
    },
  };
}

function isHttpUrl(candidate: string): boolean {
  try {
    const url = new URL(candidate);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
  } catch {
    return false;
  }
}
