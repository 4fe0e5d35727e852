import { randomUUID } from "node:crypto";
import { AuthenticationError } from "../errors/authentication-error";
import { describeRequest } from "../errors/cxone-api-error";
import { isRecord, parseErrorBody } from "../errors/error-body";
import { errorFromResponse } from "../errors/from-response";
import { RateLimitedError } from "../errors/rate-limited-error";
import { TransportError } from "../errors/transport-error";
import { UnexpectedResponseError } from "../errors/unexpected-response-error";
import { UnusableResponseError } from "../errors/unusable-response-error";
import type { ObserverHub, RequestKind, RequestOutcome } from "../observer";
import type { Redactor } from "../redact";
import { runRetryLoop, type AttemptResult, type RetryLoopSettings } from "../retry/retry-loop";
import { classifyTransportError } from "../retry/retry-policy";
import { parseJsonBody, type HttpResponse, type Transport } from "../transport";
import type { IssuedToken } from "./strategy";

/** What the token and discovery endpoints need from the client. */
export interface AuthEndpointContext {
  readonly transport: Transport;
  readonly clientId: string;
  readonly redactor: Redactor;
  readonly observers: ObserverHub;
  readonly retry: RetryLoopSettings;
  readonly userAgent: string;
  readonly random?: () => number;
}

export interface AuthCall {
  readonly kind: RequestKind;
  readonly method: "GET" | "POST";
  readonly url: URL;
  readonly headers: Record<string, string>;
  readonly body?: string;
  /** The configuration setting that produced the URL, for messages. */
  readonly setting: string;
}

/**
 * Sends a token or discovery request. These endpoints hold no state a repeat could corrupt (a
 * second token request just issues a second token), so connection errors, 429 and 5xx are simply
 * retried, through the same loop (retry/retry-loop.ts) as API calls: Retry-After, the rate-limit
 * deadline and maxAttempts mean the same here. Returns the final response; the caller maps statuses.
 */
export async function sendAuthCall(context: AuthEndpointContext, call: AuthCall): Promise<{ response: HttpResponse; attempts: number }> {
  const correlationId = randomUUID();
  const path = call.url.pathname;
  const redact = (text: string) => context.redactor.redact(text);
  return runRetryLoop(
    context.retry,
    async (attemptState): Promise<AttemptResult<{ response: HttpResponse; attempts: number }>> => {
      const attempt = attemptState.number;
      const started = performance.now();
      const emit = (status: number, outcome: RequestOutcome, responseCorrelationId: string | undefined, transportCode?: string) =>
        context.observers.emit({
          kind: call.kind,
          method: call.method,
          pathTemplate: path,
          path,
          status,
          latencyMs: performance.now() - started,
          attempt,
          correlationId: responseCorrelationId ?? correlationId,
          outcome,
          ...(transportCode ? { transportCode } : {}),
        });
      let response: HttpResponse;
      try {
        response = await context.transport.send({
          url: call.url,
          method: call.method,
          headers: { accept: "application/json", "user-agent": context.userAgent, correlationid: correlationId, ...call.headers },
          body: call.body,
        });
      } catch (error) {
        const failure = classifyTransportError(error);
        const decision = failure.sent === "fatal" ? undefined : attemptState.decide("failure");
        emit(0, decision?.retry ? "retry" : "error", undefined, failure.code);
        if (decision?.retry) return { againAfterMs: decision.waitMs };
        throw new TransportError(
          redact(
            `Could not reach ${call.url.origin} for ${describeRequest({ method: call.method, path, correlationId })} after ${attempt} attempt(s): ` +
              `${failure.code ?? "error"} (${(error as Error)?.message ?? String(error)}). Fix: check ${call.setting}, DNS, proxy and network access.`,
          ),
          { method: call.method, path, correlationId, transportCode: failure.code, attempts: attempt, cause: error },
        );
      }
      const responseCorrelationId = response.headers.correlationid;
      const retryable = response.status === 429 || response.status >= 500;
      if (!retryable) {
        emit(response.status, response.status < 400 ? "success" : "error", responseCorrelationId);
        return { done: { response, attempts: attempt } };
      }
      const decision = attemptState.decide(response.status === 429 ? "rate-limited" : "failure", response.headers["retry-after"]);
      emit(response.status, decision.retry ? "retry" : "error", responseCorrelationId);
      if (decision.retry) return { againAfterMs: decision.waitMs };
      const where = `The ${call.kind} endpoint ${call.url.origin}${path}`;
      if (decision.reason === "invalid-retry-after") {
        throw new UnusableResponseError(
          redact(
            `${where} answered ${response.status} and ${decision.explanation}, so the client cannot tell when to try again and stopped` +
              `${responseCorrelationId ? ` (CorrelationId ${responseCorrelationId})` : ""}. Fix: check ${call.setting}; if it is right, this is a server or proxy fault.`,
          ),
          {
            method: call.method,
            path,
            status: response.status,
            correlationId: responseCorrelationId,
            problem: "invalid-retry-after",
            issues: [
              { path: "header Retry-After", expected: "whole seconds or an HTTP date", got: JSON.stringify(decision.retryAfterRaw ?? "") },
            ],
            writeMayHaveApplied: false,
          },
        );
      }
      if (response.status === 429) {
        throw new RateLimitedError(
          `${where} kept answering 429 after ${attempt} attempt(s): ${decision.explanation}. Fix: wait a minute and run again, or raise rateLimitDeadlineMs (cxone:rateLimitWaitSeconds under Pulumi).`,
          {
            method: call.method,
            path,
            status: 429,
            correlationId: responseCorrelationId,
            attempts: attempt,
            retryAfterMs: decision.retryAfterMs,
            retryAfter: decision.retryAfterRaw,
          },
        );
      }
      // 5xx after the last attempt: the caller maps it (ServerError) with the body, redacted.
      return { done: { response, attempts: attempt } };
    },
    { random: context.random },
  );
}

export interface TokenRequest {
  readonly tokenUrl: URL;
  readonly grantType: string;
  readonly headers: Record<string, string>;
  readonly body: string;
  /** For messages: which credentials were rejected, e.g. 'client "abc"'. */
  readonly credentialsLabel: string;
  readonly fixHint: string;
  readonly requestedScope: string | undefined;
}

/** POSTs a token request and turns the reply into an IssuedToken or a typed error. */
export async function requestToken(context: AuthEndpointContext, request: TokenRequest): Promise<IssuedToken> {
  const { response, attempts } = await sendAuthCall(context, {
    kind: "token",
    method: "POST",
    url: request.tokenUrl,
    setting: "authUrl",
    headers: request.headers,
    body: request.body,
  });
  const body = parseJsonBody(response.text);
  const path = request.tokenUrl.pathname;
  const correlationId = response.headers.correlationid;
  const redact = (text: string) => context.redactor.redact(text);
  const where = `${request.tokenUrl.origin}${path}`;

  if (response.status === 200 || response.status === 201) {
    if (!isRecord(body) || typeof body.access_token !== "string" || body.access_token === "") {
      throw new UnexpectedResponseError(
        `The token endpoint ${where} answered ${response.status} without an access_token. Fix: check authUrl; it must be the CXone OAuth token endpoint.`,
        { method: "POST", path, status: response.status, correlationId },
      );
    }
    context.redactor.add(body.access_token);
    if (typeof body.refresh_token === "string") context.redactor.add(body.refresh_token);
    if (typeof body.id_token === "string") context.redactor.add(body.id_token);
    const expiresIn = Number(body.expires_in);
    return {
      accessToken: body.access_token,
      // Without expires_in assume the documented hour; a 401 refresh covers an earlier expiry.
      expiresInSeconds: Number.isFinite(expiresIn) && expiresIn > 0 ? expiresIn : 3600,
      scope: typeof body.scope === "string" ? body.scope : undefined,
      idToken: typeof body.id_token === "string" ? body.id_token : undefined,
    };
  }

  const parsed = parseErrorBody(body);
  const oauthError = parsed.oauthError ?? parsed.fieldErrors[0]?.errorCode;
  const detail = redact([oauthError, parsed.oauthDescription ?? parsed.fieldErrors[0]?.message].filter(Boolean).join(": "));
  const context401 = {
    method: "POST",
    path,
    status: response.status,
    correlationId,
    oauthError: oauthError === undefined ? undefined : redact(oauthError),
  };

  if (oauthError === "unsupported_grant_type") {
    throw new AuthenticationError(
      `The token endpoint ${where} does not accept grant_type=${request.grantType} (${detail}). ` +
        `Fix: use auth.kind "client-credentials" or "access-key" as your CXone application requires, and check authUrl.`,
      context401,
    );
  }
  if (oauthError === "invalid_scope") {
    throw new AuthenticationError(
      `The token endpoint ${where} refused the requested scope "${request.requestedScope ?? ""}" for ${request.credentialsLabel} (${detail}). ` +
        `Fix: request only scopes the application is allowed, or allow them in CXone.`,
      context401,
    );
  }
  if (response.status === 400 || response.status === 401 || response.status === 403) {
    throw new AuthenticationError(
      `CXone rejected the credentials: ${request.credentialsLabel} at ${where} answered ${response.status}${detail ? ` (${detail})` : ""}. ` +
        request.fixHint,
      context401,
    );
  }
  throw errorFromResponse({
    method: "POST",
    path,
    status: response.status,
    correlationId,
    headers: response.headers,
    body,
    attempts,
    clientId: context.clientId,
    configuredScope: request.requestedScope,
    redact,
  });
}
