import { describe, expect, it } from "vitest";
import { runConcurrently } from "../../bench/load-runner";

describe("runConcurrently", () => {
  it("runs every index exactly once with never more than `concurrency` tasks in flight", async () => {
    const seen: number[] = [];
    let inFlight = 0;
    let maxInFlight = 0;
    const run = await runConcurrently(50, 4, async (index) => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise((resolve) => setImmediate(resolve));
      seen.push(index);
      inFlight--;
    });
    expect([...seen].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(maxInFlight).toBe(4);
    expect(run.latenciesMs).toHaveLength(50);
  });

  it("rejects with the error of a failing task", async () => {
    await expect(
      runConcurrently(5, 2, async (index) => {
        if (index === 3) throw new Error("task 3 failed");
      }),
    ).rejects.toThrow("task 3 failed");
  });
});
