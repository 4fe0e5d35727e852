/** What a Retry-After header said (RFC 9110 §10.2.3). */
export type RetryAfter =
  | { readonly kind: "absent" }
  | { readonly kind: "delay"; readonly ms: number; readonly raw: string }
  /** Present but neither delay-seconds (a whole non-negative number) nor an HTTP-date: "1.5", "-5", "soon". */
  | { readonly kind: "invalid"; readonly raw: string };

/** The IMF-fixdate / RFC 850 / asctime shapes Date.parse reads; "5 apples" and "2026" are not dates. */
const HTTP_DATE = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,? /;

/**
 * Reads Retry-After strictly: delay-seconds must be digits only, a date must look like an HTTP
 * date. A date in the past means "now" (0 ms). Whether the wait is acceptable (deadline,
 * retry.maxRetryAfterMs) is the retry loop's decision, not the parser's.
 */
export function readRetryAfter(value: string | undefined, nowMs: number = Date.now()): RetryAfter {
  if (value === undefined) return { kind: "absent" };
  const raw = value.trim();
  if (raw === "") return { kind: "absent" };
  if (/^\d+$/.test(raw)) {
    const seconds = Number(raw);
    return Number.isSafeInteger(seconds) ? { kind: "delay", ms: seconds * 1000, raw } : { kind: "invalid", raw };
  }
  if (!HTTP_DATE.test(raw)) return { kind: "invalid", raw };
  const at = Date.parse(raw);
  if (Number.isNaN(at)) return { kind: "invalid", raw };
  return { kind: "delay", ms: Math.max(0, at - nowMs), raw };
}

/** Milliseconds to wait, or undefined when the header is absent or not valid. */
export function parseRetryAfter(value: string | undefined, nowMs: number = Date.now()): number | undefined {
  const parsed = readRetryAfter(value, nowMs);
  return parsed.kind === "delay" ? parsed.ms : undefined;
}
