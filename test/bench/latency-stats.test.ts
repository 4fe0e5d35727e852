import { describe, expect, it } from "vitest";
import { percentile } from "../../bench/latency-stats";

describe("percentile (nearest rank)", () => {
  it("picks the sample at rank ceil(p/100 * n) of the sorted samples", () => {
    const samples = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];
    expect(percentile(samples, 50)).toBe(5);
    expect(percentile(samples, 95)).toBe(10);
    expect(percentile(samples, 10)).toBe(1);
    expect(percentile(samples, 0)).toBe(1);
  });

  it("is NaN without samples", () => {
    expect(percentile([], 50)).toBeNaN();
  });
});
