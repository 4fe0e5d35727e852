import { AuthenticationError } from "./authentication-error";
import { ConflictError } from "./conflict-error";
import { type CxoneApiError, describeRequest, type CxoneErrorContext } from "./cxone-api-error";
import { parseErrorBody, scopeFromMessage, scopeFromWwwAuthenticate } from "./error-body";
import { ForbiddenError } from "./forbidden-error";
import { NotFoundError } from "./not-found-error";
import { PreconditionFailedError } from "./precondition-failed-error";
import { PreconditionRequiredError } from "./precondition-required-error";
import { RateLimitedError } from "./rate-limited-error";
import { ServerError } from "./server-error";
import { UnexpectedResponseError } from "./unexpected-response-error";
import { ValidationError, type FieldError } from "./validation-error";

export interface ErrorResponse {
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly correlationId: string | undefined;
  /** Lower-case header names. */
  readonly headers: Readonly<Record<string, string>>;
  /** Parsed JSON body, or the raw text when it was not JSON. */
  readonly body: unknown;
  readonly attempts: number;
  readonly clientId: string;
  /** The space-separated scope the client requests; undefined = all scopes the client is allowed. */
  readonly configuredScope: string | undefined;
  readonly sentETag?: string;
  readonly retryAfterMs?: number;
  /** Why the retry loop stopped (retry-loop.ts RetryDecision.explanation), for the message. */
  readonly gaveUpBecause?: string;
  readonly redact: (text: string) => string;
}

/** Maps a final (not retried) error response to the typed error a person can act on. */
export function errorFromResponse(response: ErrorResponse): CxoneApiError {
  const parsed = parseErrorBody(response.body);
  const context: CxoneErrorContext = {
    method: response.method,
    path: response.path,
    status: response.status,
    correlationId: response.correlationId,
  };
  const request = describeRequest(context);
  const serverText = summarize(parsed.fieldErrors, parsed.oauthDescription ?? parsed.oauthError, response.body, response.redact);
  const firstCode = parsed.fieldErrors.find((e) => e.errorCode)?.errorCode;
  const firstCodeRedacted = firstCode === undefined ? undefined : response.redact(firstCode);

  switch (response.status) {
    case 400:
      return new ValidationError(response.redact(validationMessage(request, parsed.fieldErrors, serverText)), {
        ...context,
        fieldErrors: parsed.fieldErrors.map((e) => ({
          field: e.field === null ? null : response.redact(e.field),
          message: response.redact(e.message),
          errorCode: response.redact(e.errorCode),
        })),
      });
    case 401:
      return new AuthenticationError(
        `CXone answered 401 Unauthorized to ${request} even with a freshly issued token${serverText ? ` (${serverText})` : ""}. ` +
          `Fix: check that client "${response.clientId}" is still active, that its token endpoint (authUrl) belongs to the same ` +
          `CXone environment as baseUrl, and that the credentials were not revoked.`,
        { ...context, oauthError: response.redact(parsed.oauthError ?? firstCode ?? "") || undefined },
      );
    case 403: {
      const missingScope =
        scopeFromWwwAuthenticate(response.headers["www-authenticate"]) ??
        parsed.fieldErrors.map((e) => scopeFromMessage(e.message)).find((s) => s !== undefined);
      const configured = response.configuredScope
        ? `"${response.configuredScope}"`
        : "not set, so the token carries every scope the client is allowed";
      const message = missingScope
        ? `CXone refused ${request}: the access token lacks scope "${missingScope}". ` +
          `Fix: allow scope "${missingScope}" for client "${response.clientId}" in CXone and add it to the client's scope setting (currently ${configured}).`
        : `CXone refused ${request} with 403 Forbidden${serverText ? ` (${serverText})` : ""}. ` +
          `Fix: check the permissions of client "${response.clientId}" and the client's scope setting (currently ${configured}).`;
      return new ForbiddenError(response.redact(message), { ...context, missingScope });
    }
    case 404:
      return new NotFoundError(
        `${request}: not found (404). The object was deleted outside this program or never existed. ` +
          `Fix: if Pulumi state still lists it, run "pulumi refresh" to drop it, then "pulumi up" to recreate it.`,
        context,
      );
    case 409:
      return new ConflictError(response.redact(conflictMessage(request, firstCode, serverText)), {
        ...context,
        errorCode: firstCodeRedacted,
      });
    case 412: {
      const currentETag = parsed.currentETag ?? response.headers.etag;
      return new PreconditionFailedError(
        `${request}: the object changed since it was read (sent If-Match ${response.sentETag ?? "(none)"}, ` +
          `current ETag ${currentETag ?? "(unknown)"}); nothing was written. ` +
          `Fix: run "pulumi refresh" to read the current version, review the difference, then run "pulumi up" again.`,
        { ...context, currentETag, sentETag: response.sentETag },
      );
    }
    case 428:
      return new PreconditionRequiredError(
        `${request} was sent without If-Match; CXone requires it on updates and deletes so that no concurrent change is overwritten. ` +
          `Fix: read the object first (GET returns its ETag) and pass that ETag as ifMatch; under Pulumi, run "pulumi refresh" so that the state holds the ETag.`,
        context,
      );
    case 429:
      return new RateLimitedError(
        `CXone kept answering 429 Too Many Requests to ${request} after ${response.attempts} attempt(s)` +
          `${response.gaveUpBecause ? `: ${response.gaveUpBecause}` : response.retryAfterMs !== undefined ? ` (last Retry-After ${Math.ceil(response.retryAfterMs / 1000)} s)` : ""}. ` +
          `Fix: another program may be sharing client "${response.clientId}"'s request budget; raise rateLimitDeadlineMs (how long 429s are waited out; cxone:rateLimitWaitSeconds under Pulumi), ` +
          `set rateLimitPerMinute to the limit your tenant grants (default 100), or run "pulumi up --parallel" with a smaller number.`,
        { ...context, attempts: response.attempts, retryAfterMs: response.retryAfterMs, retryAfter: response.headers["retry-after"] },
      );
    default:
      if (response.status >= 500) {
        return new ServerError(
          response.redact(
            `CXone answered ${response.status} to ${request} after ${response.attempts} attempt(s)${serverText ? ` (${serverText})` : ""}` +
              `${response.gaveUpBecause ? `; stopped retrying: ${response.gaveUpBecause}` : ""}. ` +
              `This is a server-side failure, not a problem with your inputs. Fix: run again later; if it persists, give NICE support the CorrelationId.`,
          ),
          { ...context, attempts: response.attempts },
        );
      }
      return new UnexpectedResponseError(
        response.redact(
          `CXone answered ${response.status} to ${request}, which this client does not expect${serverText ? ` (${serverText})` : ""}. ` +
            `Fix: check that baseUrl and the resource paths (rulesPath, webhooksPath) point at the CXone API.`,
        ),
        context,
      );
  }
}

function validationMessage(request: string, fieldErrors: readonly FieldError[], serverText: string): string {
  if (fieldErrors.length === 0) {
    return `CXone rejected ${request} as invalid (400)${serverText ? `: ${serverText}` : ""}. Fix: correct the resource inputs and run again.`;
  }
  const lines = fieldErrors.map((e) => `  - ${e.field ?? "(request)"}: ${e.message}${e.errorCode ? ` [${e.errorCode}]` : ""}`);
  return (
    `CXone rejected ${request}: ${fieldErrors.length} invalid field(s):\n${lines.join("\n")}\n` +
    `Fix: correct the listed fields in the resource inputs and run again.`
  );
}

function conflictMessage(request: string, errorCode: string | undefined, serverText: string): string {
  const detail = serverText ? ` (${serverText})` : "";
  switch (errorCode) {
    case "duplicate_name":
      return (
        `CXone refused ${request}: another object already has this name${detail}; names are unique per tenant. ` +
        `Fix: choose a different name, or take the existing object over (the Pulumi resources do that with adoptId).`
      );
    case "rule_in_use":
      return (
        `CXone refused ${request}: another rule names this rule as its fallbackRuleId${detail}. ` +
        `Fix: change or remove that fallbackRuleId first (Pulumi does this for you when both rules are in the same program and depend on each other).`
      );
    default:
      return `CXone refused ${request} with 409 Conflict${detail}. Fix: read the current state ("pulumi refresh") and resolve the conflict.`;
  }
}

/** Redacts before it shortens: a secret cut in half by the 200-character limit would no longer match. */
function summarize(
  fieldErrors: readonly FieldError[],
  oauthText: string | undefined,
  body: unknown,
  redact: (text: string) => string,
): string {
  if (fieldErrors.length > 0) {
    return redact(fieldErrors.map((e) => (e.errorCode ? `${e.errorCode}: ${e.message}` : e.message)).join("; "));
  }
  if (oauthText) return redact(oauthText);
  if (typeof body === "string") {
    // An HTML error page from a gateway says nothing useful in its markup; name it instead of quoting it.
    if (/^\s*<(!doctype|html|head|body)/i.test(body)) return "an HTML page, not the API's JSON";
    return redact(body).slice(0, 200);
  }
  return "";
}
