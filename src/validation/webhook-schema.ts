import { z } from "zod";
import {
  LOOPBACK_HOSTS,
  NAME_MAX_LENGTH,
  WEBHOOK_EVENTS,
  WEBHOOK_FORMATS,
  WEBHOOK_SECRET_MIN_LENGTH,
  type WebhookEvent,
  type WebhookEventFilter,
} from "./constants";
import { describeValue, listChoices } from "./describe-value";
import { booleanWithDefault, fixedChoice, requiredText } from "./schema-parts";
import type { WebhookInputs as PublicWebhookInputs, SameShape } from "./public-input-types";
import { isUnknownPlaceholder } from "./unknown-placeholder";

/** Options that shape the webhook schema. */
export interface WebhookSchemaOptions {
  /**
   * Whether plain `http://` is accepted for loopback hosts (127.0.0.1, ::1, localhost), which is
   * handy for local receivers and the simulator. Default true; https is always required otherwise.
   */
  readonly allowLoopbackHttp?: boolean;
}

/**
 * Why `url` is not an acceptable delivery address, or undefined when it is. Messages name the
 * scheme and host only: the rest of a URL may carry tokens.
 */
function targetUrlProblem(url: string, allowLoopbackHttp: boolean): string | undefined {
  if (isUnknownPlaceholder(url)) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return "must be an absolute URL such as https://example.com/hooks/cxone";
  }
  if (parsed.username !== "" || parsed.password !== "") {
    return "must not contain credentials; use secret to authenticate deliveries";
  }
  if (parsed.protocol === "https:") return undefined;
  const loopback = LOOPBACK_HOSTS.has(parsed.hostname.toLowerCase());
  if (parsed.protocol === "http:" && loopback && allowLoopbackHttp) return undefined;
  if (parsed.protocol === "http:") {
    return allowLoopbackHttp
      ? `must use https (plain http is only allowed for 127.0.0.1, ::1 and localhost), got http for host ${JSON.stringify(parsed.hostname)}`
      : `must use https, got http for host ${JSON.stringify(parsed.hostname)}`;
  }
  return `must use https, got ${JSON.stringify(parsed.protocol.replace(/:$/, ""))}`;
}

const eventNames: ReadonlySet<string> = new Set(WEBHOOK_EVENTS);

/**
 * A space-separated filter (the API's form) as the list; anything else is left to the list schema.
 * The parameter type is what the schema declares as its input (the check itself takes anything).
 */
function splitEventFilter(value: readonly WebhookEvent[] | WebhookEventFilter): unknown {
  return typeof value === "string" ? value.split(/\s+/).filter((name) => name !== "") : value;
}

const eventListSchema = z
  .array(fixedChoice(WEBHOOK_EVENTS), {
    error: (issue) =>
      issue.input === undefined
        ? `is required: list one or more of ${listChoices(WEBHOOK_EVENTS)}`
        : `must be a list of event names (or one space-separated string of them), got ${describeValue(issue.input)}`,
  })
  .superRefine(
    (events: readonly unknown[], context) => {
      if (events.length === 0) {
        context.addIssue({
          code: "custom",
          message: `must name at least one event (${listChoices(WEBHOOK_EVENTS)})`,
          input: events,
        });
        return;
      }
      const firstIndex = new Map<unknown, number>();
      events.forEach((event, index) => {
        if (!eventNames.has(event as string)) return;
        const first = firstIndex.get(event);
        if (first === undefined) firstIndex.set(event, index);
        else {
          context.addIssue({
            code: "custom",
            path: [index],
            message: `duplicates eventFilter[${first}] (${String(event)}); list each event once`,
            input: event,
          });
        }
      });
    },
    // Runs even when an element is unknown, so duplicates are reported in the same pass.
    { when: (payload) => Array.isArray(payload.value) },
  );

/** A list of event names, or the same names as one space-separated string (validated alike). */
const eventFilterSchema = z.preprocess(splitEventFilter, eventListSchema);

/**
 * Builds the schema of a webhook's resource inputs. Unknown properties are stripped.
 * The secret is never echoed in messages.
 *
 * @param options - see {@link WebhookSchemaOptions}.
 */
export function createWebhookInputsSchema(options: WebhookSchemaOptions = {}) {
  const allowLoopbackHttp = options.allowLoopbackHttp ?? true;
  return z.object({
    name: requiredText(NAME_MAX_LENGTH),
    enabled: booleanWithDefault(true),
    targetURL: z
      .string({
        error: (issue) => (issue.input === undefined ? "is required" : `must be a URL string, got ${describeValue(issue.input)}`),
      })
      .superRefine((url, context) => {
        const problem = targetUrlProblem(url, allowLoopbackHttp);
        // `input` is left out on purpose: the URL may contain a token.
        if (problem) context.addIssue({ code: "custom", message: problem, input: undefined });
      }),
    eventFilter: eventFilterSchema,
    format: fixedChoice(WEBHOOK_FORMATS).default("json"),
    secret: z
      .string({ error: (issue) => (issue.input === undefined ? "is required" : "must be a string") })
      .refine((secret) => secret.length >= WEBHOOK_SECRET_MIN_LENGTH, {
        error: `must be at least ${WEBHOOK_SECRET_MIN_LENGTH} characters long`,
      })
      .optional(),
  });
}

/** The webhook input schema with default options. */
export const webhookInputsSchema = createWebhookInputsSchema();

/** Parsed webhook inputs, as produced by {@link webhookInputsSchema} (defaults filled in). */
export type WebhookInputs = z.output<typeof webhookInputsSchema>;

/** The zod-free public mirror of {@link WebhookInputs} must stay the same shape. */
true satisfies SameShape<WebhookInputs, PublicWebhookInputs>;

/** Webhook inputs as a program writes them (optional fields may be omitted). */
export type WebhookInputsInput = z.input<typeof webhookInputsSchema>;
