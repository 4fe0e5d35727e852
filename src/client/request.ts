import { randomUUID } from "node:crypto";
import { noteRequestSent } from "./attempt-count";
import type { TokenCache } from "./auth/token-cache";
import { describeRequest } from "./errors/cxone-api-error";
import { errorFromResponse } from "./errors/from-response";
import { TransportError } from "./errors/transport-error";
import { UnusableResponseError } from "./errors/unusable-response-error";
import type { ObserverHub, RequestOutcome } from "./observer";
import { toPathTemplate } from "./path-template";
import type { TokenBucket } from "./rate-limit/token-bucket";
import type { Redactor } from "./redact";
import { runRetryLoop, type AttemptResult, type RetryDecision, type RetryLoopSettings } from "./retry/retry-loop";
import { classifyStatus, classifyTransportError, outcomeUncertain, type HttpMethod } from "./retry/retry-policy";
import { checkSuccessReply, type ResponseExpectation } from "./response-check";
import { parseJsonBody, type HttpResponse, type Transport } from "./transport";

export interface ApiResponse<T> {
  readonly status: number;
  readonly body: T;
  /** The quoted ETag header, when the server sent one. */
  readonly etag: string | undefined;
  readonly correlationId: string | undefined;
  /** Lower-case header names. */
  readonly headers: Readonly<Record<string, string>>;
  /** Sends it took, retries included. */
  readonly attempts: number;
}

/**
 * Hooks for writes whose response got lost. The pipeline knows only HTTP; finding out whether a
 * write happened needs resource knowledge (unique name, body comparison), so the caller supplies it.
 */
export interface LostResponseRecovery {
  /** POST only: called before sending again after an attempt that may have been applied. Return the created object if it exists. */
  beforeResend?(): Promise<ApiResponse<unknown> | undefined>;
  /**
   * PUT/DELETE: the resend was refused with this status (412 because our own earlier attempt
   * changed the ETag, 404 because it already deleted the object). Return the success response if
   * the earlier attempt is what happened, or undefined to surface the error.
   */
  afterRefusedResend?(status: number): Promise<ApiResponse<unknown> | undefined>;
}

export interface RequestOptions {
  readonly method: HttpMethod;
  /** Path below the API base URL, starting with "/". */
  readonly path: string;
  readonly query?: Readonly<Record<string, string | number | boolean | undefined>>;
  /** Serialized to JSON once, so every retry sends the identical bytes. */
  readonly body?: unknown;
  readonly ifMatch?: string;
  /** POST: sent as Idempotency-Key on every attempt; generated when omitted. */
  readonly idempotencyKey?: string;
  /** For the observer; derived from the path when omitted. */
  readonly pathTemplate?: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly recovery?: LostResponseRecovery;
  /**
   * What a 2xx reply must look like (schema, ETag). Without it only "is JSON" is checked. Either
   * way an unusable reply is an UnusableResponseError, never a returned body.
   */
  readonly expect?: ResponseExpectation;
  /** Values to redact from every message and event of this request (e.g. a webhook secret being written). */
  readonly secrets?: readonly string[];
}

export type RequestFunction = <T = unknown>(options: RequestOptions) => Promise<ApiResponse<T>>;

export interface PipelineDependencies {
  readonly transport: Transport;
  readonly tokens: TokenCache;
  readonly resolveBaseUrl: () => Promise<string>;
  /** The shared bucket for an API origin, or undefined when client-side limiting is off. */
  readonly bucketFor: (apiOrigin: string) => TokenBucket | undefined;
  readonly observers: ObserverHub;
  readonly redactor: Redactor;
  readonly clientId: string;
  readonly configuredScope: string | undefined;
  readonly retry: RetryLoopSettings;
  readonly userAgent: string;
  readonly collectionPaths: readonly string[];
  readonly random?: () => number;
}

/**
 * The request pipeline: rate limit -> token -> send -> classify -> retry / refresh / reconcile /
 * typed error. The retries themselves (counting, Retry-After, deadline, backoff) are the shared
 * loop in retry/retry-loop.ts, which the token endpoint uses too.
 */
export function createRequestPipeline(deps: PipelineDependencies): RequestFunction {
  const redact = (text: string) => deps.redactor.redact(text);

  return async function request<T>(options: RequestOptions): Promise<ApiResponse<T>> {
    const { method } = options;
    for (const secret of options.secrets ?? []) deps.redactor.add(secret);
    const bodyText = options.body === undefined ? undefined : JSON.stringify(options.body);
    const correlationId = randomUUID();
    const idempotencyKey = method === "POST" ? (options.idempotencyKey ?? randomUUID()) : options.idempotencyKey;
    const path = `${options.path}${queryString(options.query)}`;
    const pathTemplate = options.pathTemplate ?? toPathTemplate(options.path, deps.collectionPaths);
    const baseUrl = await deps.resolveBaseUrl();
    const url = new URL(`${baseUrl}${path}`);
    const bucket = deps.bucketFor(url.origin);

    let refreshedAfter401 = false;
    // Set once an attempt of a write may have been applied without us seeing the answer.
    let maybeApplied = false;

    return runRetryLoop<ApiResponse<T>>(
      deps.retry,
      async (attemptState): Promise<AttemptResult<ApiResponse<T>>> => {
        const attempt = attemptState.number;
        const emit = (status: number, started: number, outcome: RequestOutcome, responseCorrelationId?: string, transportCode?: string) =>
          deps.observers.emit({
            kind: "api",
            method,
            pathTemplate,
            path,
            status,
            latencyMs: performance.now() - started,
            attempt,
            correlationId: responseCorrelationId ?? correlationId,
            outcome,
            ...(transportCode ? { transportCode } : {}),
          });

        if (maybeApplied && method === "POST" && options.recovery?.beforeResend) {
          const existing = await options.recovery.beforeResend();
          if (existing) return { done: existing as ApiResponse<T> };
        }
        // Token first, bucket second: the rate-limit token is taken as close to the send as possible,
        // so a slow token request does not make our clock run ahead of the server's.
        await deps.tokens.get();
        const generation = await bucket?.acquire();
        // Asked again: a long wait for the bucket may have outlived the token's refresh point (cached: no request).
        const token = await deps.tokens.get();
        const headers: Record<string, string> = {
          accept: "application/json",
          "user-agent": deps.userAgent,
          correlationid: correlationId,
          ...options.headers,
          authorization: `Bearer ${token.accessToken}`,
        };
        if (bodyText !== undefined) headers["content-type"] = "application/json";
        if (idempotencyKey !== undefined) headers["idempotency-key"] = idempotencyKey;
        if (options.ifMatch) headers["if-match"] = options.ifMatch;

        const started = performance.now();
        let response: HttpResponse;
        noteRequestSent();
        try {
          response = await deps.transport.send({ url, method, headers, body: bodyText });
        } catch (error) {
          const failure = classifyTransportError(error);
          const decision = failure.sent === "fatal" ? undefined : attemptState.decide("failure");
          emit(0, started, decision?.retry ? "retry" : "error", undefined, failure.code);
          if (decision?.retry) {
            if (failure.sent === "maybe" && method !== "GET") maybeApplied = true;
            return { againAfterMs: decision.waitMs };
          }
          throw new TransportError(
            redact(
              `Could not complete ${describeRequest({ method, path, correlationId })} against ${url.origin} after ${attempt} attempt(s): ` +
                `${failure.code ?? "error"} (${(error as Error)?.message ?? String(error)}). ` +
                `Fix: check baseUrl, DNS, proxy and network access; if the server is just slow, raise timeouts.headersMs.`,
            ),
            { method, path, correlationId, transportCode: failure.code, attempts: attempt, cause: error },
          );
        }

        const responseCorrelationId = response.headers.correlationid ?? correlationId;
        const body = parseJsonBody(response.text);
        const statusClass = classifyStatus(method, response.status);
        const fail = (decision?: RetryDecision) =>
          errorFromResponse({
            method,
            path,
            status: response.status,
            correlationId: responseCorrelationId,
            headers: response.headers,
            body,
            attempts: attempt,
            clientId: deps.clientId,
            configuredScope: deps.configuredScope,
            sentETag: options.ifMatch,
            retryAfterMs: decision?.retryAfterMs,
            gaveUpBecause: decision && !decision.retry ? decision.explanation : undefined,
            redact,
          });

        if (statusClass === "success") {
          let checked: unknown;
          try {
            checked = checkSuccessReply({
              method,
              path,
              status: response.status,
              correlationId: responseCorrelationId,
              headers: response.headers,
              text: response.text,
              expect: options.expect,
              redact,
            });
          } catch (error) {
            emit(response.status, started, "error", responseCorrelationId);
            throw error;
          }
          emit(response.status, started, "success", responseCorrelationId);
          return {
            done: {
              status: response.status,
              body: checked as T,
              etag: response.headers.etag,
              correlationId: responseCorrelationId,
              headers: response.headers,
              attempts: attempt,
            },
          };
        }

        if (statusClass === "unauthorized" && !refreshedAfter401) {
          // The cached token was revoked or expired early: one fresh token, one more try.
          refreshedAfter401 = true;
          emit(response.status, started, "refresh-token", responseCorrelationId);
          deps.tokens.invalidate(token.accessToken);
          return { againAfterMs: 0 };
        }

        if (statusClass === "rate-limited" || statusClass === "retryable") {
          const decision = attemptState.decide(
            statusClass === "rate-limited" ? "rate-limited" : "failure",
            response.headers["retry-after"],
          );
          emit(response.status, started, decision.retry ? "retry" : "error", responseCorrelationId);
          if (statusClass === "rate-limited" && decision.retry) {
            // The server's bucket for this client id is empty: hold every request of the process, and
            // take the 429 as news that someone else spends the same budget (adaptive rate).
            bucket?.rateLimited(decision.retryAfterMs, generation ?? 0);
          }
          if (!decision.retry) {
            if (decision.reason === "invalid-retry-after") throw invalidRetryAfter(decision);
            throw fail(decision);
          }
          if (outcomeUncertain(method, response.status)) maybeApplied = true;
          return { againAfterMs: decision.waitMs };
        }

        if (maybeApplied && options.recovery?.afterRefusedResend && response.status >= 400 && response.status < 500) {
          emit(response.status, started, "reconcile", responseCorrelationId);
          const recovered = await options.recovery.afterRefusedResend(response.status);
          if (recovered) return { done: recovered as ApiResponse<T> };
          throw fail();
        }

        emit(response.status, started, "error", responseCorrelationId);
        throw fail();

        function invalidRetryAfter(decision: RetryDecision & { retry: false }): UnusableResponseError {
          const applied = outcomeUncertain(method, response.status) || maybeApplied;
          return new UnusableResponseError(
            redact(
              `${describeRequest({ method, path, correlationId: responseCorrelationId })} answered ${response.status} and ${decision.explanation}, ` +
                `so the client cannot tell when to try again and stopped. ${applied ? "The write may have been applied. " : ""}` +
                `Fix: this is a server or proxy fault; report it with the CorrelationId. Run again later.`,
            ),
            {
              method,
              path,
              status: response.status,
              correlationId: responseCorrelationId,
              problem: "invalid-retry-after",
              issues: [
                {
                  path: "header Retry-After",
                  expected: "whole seconds or an HTTP date",
                  got: JSON.stringify(decision.retryAfterRaw ?? ""),
                },
              ],
              writeMayHaveApplied: applied,
            },
          );
        }
      },
      { random: deps.random },
    );
  };
}

function queryString(query: RequestOptions["query"]): string {
  if (!query) return "";
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}
