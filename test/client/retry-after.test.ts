import { describe, expect, it } from "vitest";
import { parseRetryAfter } from "../../src/client/index";

describe("Retry-After parsing", () => {
  const now = Date.parse("2026-01-01T12:00:00Z");

  it("reads delay-seconds", () => {
    expect(parseRetryAfter("0", now)).toBe(0);
    expect(parseRetryAfter("3", now)).toBe(3000);
    expect(parseRetryAfter(" 120 ", now)).toBe(120_000);
  });

  it("reads an HTTP date relative to now", () => {
    expect(parseRetryAfter("Thu, 01 Jan 2026 12:00:07 GMT", now)).toBe(7000);
  });

  it("treats a date in the past as no wait", () => {
    expect(parseRetryAfter("Thu, 01 Jan 2026 11:59:00 GMT", now)).toBe(0);
  });

  it("ignores absent, empty, negative and unreadable values", () => {
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
    expect(parseRetryAfter("", now)).toBeUndefined();
    expect(parseRetryAfter("-5", now)).toBeUndefined();
    expect(parseRetryAfter("soon", now)).toBeUndefined();
    expect(parseRetryAfter("5 apples", now)).toBeUndefined();
    // delay-seconds is 1*DIGIT: a fraction is nonsense, not "one and a half seconds".
    expect(parseRetryAfter("1.5", now)).toBeUndefined();
  });
});
