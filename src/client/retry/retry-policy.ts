/**
 * Pure decisions of the request pipeline, kept apart so they can be tested without a server.
 *
 * Why the pipeline's loop is hand-written instead of undici's RetryAgent/RetryHandler: each attempt
 * must (1) take a token from the shared rate-limit bucket, (2) carry the current bearer token, which
 * changes after a 401 refresh, (3) for POST, look the object up by name before anything is sent
 * again, and (4) report itself to the observer. RetryHandler re-dispatches the same options
 * internally and exposes none of those points, so using it would mean bypassing the limiter and
 * the token cache on retries.
 */

export type HttpMethod = "GET" | "POST" | "PUT" | "DELETE";

export type StatusClass =
  /** 2xx/3xx: done. */
  | "success"
  /** 401: refresh the token and send once more. */
  | "unauthorized"
  /** 429: wait (Retry-After or backoff) and send again; the server did not process it. */
  | "rate-limited"
  /** 5xx that is safe to send again; for a write that may have been applied, request.ts checks first (LostResponseRecovery). */
  | "retryable"
  /** Everything else: the caller gets a typed error. */
  | "final";

export function classifyStatus(method: HttpMethod, status: number): StatusClass {
  if (status >= 200 && status < 400) return "success";
  if (status === 401) return "unauthorized";
  if (status === 429) return "rate-limited";
  if (status === 502 || status === 503 || status === 504) return "retryable";
  // A 500 on a write may have happened after the change was stored; GET is harmless to repeat and
  // POST goes through lost-response reconciliation, but a PUT/DELETE is surfaced as an error.
  if (status === 500 && (method === "GET" || method === "POST")) return "retryable";
  return "final";
}

/** A write answered like this may or may not have been applied. */
export function outcomeUncertain(method: HttpMethod, status: number): boolean {
  return method !== "GET" && status >= 500;
}

/** Errors raised before the request left the machine: nothing could have been applied. */
const NOT_SENT_CODES = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ENETUNREACH",
  "ENETDOWN",
  "EHOSTUNREACH",
  "EHOSTDOWN",
  "UND_ERR_CONNECT_TIMEOUT",
]);

/** Errors after the request may have reached the server: the response was lost. */
const MAYBE_SENT_CODES = new Set([
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "UND_ERR_SOCKET",
  "UND_ERR_CLOSED",
  "UND_ERR_HEADERS_TIMEOUT",
  "UND_ERR_BODY_TIMEOUT",
  "UND_ERR_RES_CONTENT_LENGTH_MISMATCH",
]);

export interface TransportFailure {
  readonly code: string | undefined;
  /** "no": safe to send again; "maybe": a write may have been applied; "fatal": do not retry. */
  readonly sent: "no" | "maybe" | "fatal";
}

export function classifyTransportError(error: unknown): TransportFailure {
  const code = errorCode(error);
  if (code !== undefined && NOT_SENT_CODES.has(code)) return { code, sent: "no" };
  if (code !== undefined && MAYBE_SENT_CODES.has(code)) return { code, sent: "maybe" };
  return { code, sent: "fatal" };
}

function errorCode(error: unknown): string | undefined {
  let current: unknown = error;
  // undici wraps socket errors (e.g. SocketError with cause ECONNRESET); the outermost known code wins.
  for (let depth = 0; depth < 4 && typeof current === "object" && current !== null; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && (NOT_SENT_CODES.has(code) || MAYBE_SENT_CODES.has(code))) return code;
    current = (current as { cause?: unknown }).cause;
  }
  const top = (error as { code?: unknown } | null)?.code;
  return typeof top === "string" ? top : undefined;
}
