import { randomUUID } from "node:crypto";
import { AuthenticationError } from "../errors/authentication-error";
import { describeRequest } from "../errors/cxone-api-error";
import { isRecord, parseErrorBody } from "../errors/error-body";
import { errorFromResponse } from "../errors/from-response";
import { RateLimitedError } from "../errors/rate-limited-error";
import { TransportError } from "../errors/transport-error";
import { UnexpectedResponseError } from "../errors/unexpected-response-error";
import type { ObserverHub, RequestKind } from "../observer";
import type { Redactor } from "../redact";
import { fullJitterDelayMs, type BackoffSettings } from "../retry/backoff";
import { parseRetryAfter } from "../retry/retry-after";
import { classifyTransportError } from "../retry/retry-policy";
import { sleep } from "../retry/sleep";
import { parseJsonBody, type HttpResponse, type Transport } from "../transport";
import type { IssuedToken } from "./strategy";

/** What the token and discovery endpoints need from the client. */
export interface AuthEndpointContext {
  readonly transport: Transport;
  readonly clientId: string;
  readonly redactor: Redactor;
  readonly observers: ObserverHub;
  readonly retry: BackoffSettings & { readonly maxAttempts: number; readonly maxRetryAfterMs: number };
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
 * Sends a token or discovery request. These endpoints are not rate limited and hold no state a
 * repeat could corrupt (a second token request just issues a second token), so connection errors,
 * 429 and 5xx are simply retried. Returns the final response; the caller maps statuses.
 * A small loop rather than undici's RetryAgent so that every attempt reaches the observer (audit
 * log) and exhaustion ends in our typed, redacted errors instead of undici's RequestRetryError.
 */
export async function sendAuthCall(context: AuthEndpointContext, call: AuthCall): Promise<{ response: HttpResponse; attempts: number }> {
  const correlationId = randomUUID();
  const path = call.url.pathname;
  for (let attempt = 1; ; attempt++) {
    const started = performance.now();
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
      const retry = failure.sent !== "fatal" && attempt < context.retry.maxAttempts;
      context.observers.emit({
        kind: call.kind,
        method: call.method,
        pathTemplate: path,
        path,
        status: 0,
        latencyMs: performance.now() - started,
        attempt,
        correlationId,
        outcome: retry ? "retry" : "error",
        transportCode: failure.code,
      });
      if (retry) {
        await sleep(fullJitterDelayMs(attempt, context.retry, context.random));
        continue;
      }
      throw new TransportError(
        context.redactor.redact(
          `Could not reach ${call.url.origin} for ${describeRequest({ method: call.method, path, correlationId })} after ${attempt} attempt(s): ` +
            `${failure.code ?? "error"} (${(error as Error)?.message ?? String(error)}). Fix: check ${call.setting}, DNS, proxy and network access.`,
        ),
        { method: call.method, path, correlationId, transportCode: failure.code, attempts: attempt, cause: error },
      );
    }
    const retryable = response.status === 429 || response.status >= 500;
    const retryAfterMs = parseRetryAfter(response.headers["retry-after"]);
    const waitMs = retryAfterMs ?? fullJitterDelayMs(attempt, context.retry, context.random);
    const retry = retryable && attempt < context.retry.maxAttempts && waitMs <= context.retry.maxRetryAfterMs;
    context.observers.emit({
      kind: call.kind,
      method: call.method,
      pathTemplate: path,
      path,
      status: response.status,
      latencyMs: performance.now() - started,
      attempt,
      correlationId: response.headers.correlationid ?? correlationId,
      outcome: response.status < 400 ? "success" : retry ? "retry" : "error",
    });
    if (retry) {
      await sleep(waitMs);
      continue;
    }
    if (response.status === 429) {
      throw new RateLimitedError(
        `The ${call.kind} endpoint ${call.url.origin}${path} kept answering 429 after ${attempt} attempt(s). Fix: wait a minute and run again.`,
        { method: call.method, path, status: 429, correlationId: response.headers.correlationid, attempts: attempt, retryAfterMs },
      );
    }
    return { response, attempts: attempt };
  }
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
  const context401 = { method: "POST", path, status: response.status, correlationId, oauthError };

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
