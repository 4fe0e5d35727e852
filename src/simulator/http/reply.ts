/** What a route produces; the server writes it, logs it, and may drop it (fault injection). */
export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Set when the request changed state: such replies persist first and may be dropped by a fault. */
  committed?: boolean;
  /** Set when the reply repeats a stored Idempotency-Key result. */
  replayed?: boolean;
  /** Sent as is instead of `body` (malformed-reply faults: HTML pages, cut-off JSON). */
  raw?: { text: string; contentType: string };
}

export function jsonReply(status: number, body: unknown, headers: Record<string, string> = {}): Reply {
  return { status, body, headers };
}

export function emptyReply(status = 204, headers: Record<string, string> = {}): Reply {
  return { status, headers };
}
