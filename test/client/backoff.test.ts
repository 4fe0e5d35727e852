import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { backoffCeilingMs, fullJitterDelayMs } from "../../src/client/index";

const settings = { baseDelayMs: 250, maxDelayMs: 20_000 };

describe("exponential backoff with full jitter", () => {
  it("doubles the ceiling per retry up to the cap", () => {
    expect([1, 2, 3, 4, 7, 8, 50].map((n) => backoffCeilingMs(n, settings))).toEqual([250, 500, 1000, 2000, 16_000, 20_000, 20_000]);
  });

  it("spans the whole window: random 0 gives 0, random just below 1 gives just below the ceiling", () => {
    expect(fullJitterDelayMs(3, settings, () => 0)).toBe(0);
    expect(fullJitterDelayMs(3, settings, () => 0.999_999)).toBe(999);
    expect(fullJitterDelayMs(30, settings, () => 0.999_999)).toBe(19_999);
  });

  it("always stays within [0, ceiling) for any retry number and random value", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2000 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (n, r) => {
        const delay = fullJitterDelayMs(n, settings, () => r);
        return delay >= 0 && delay < Math.max(1, backoffCeilingMs(n, settings)) && delay <= settings.maxDelayMs;
      }),
    );
  });
});
