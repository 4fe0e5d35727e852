import { describe, expect, it } from "vitest";
import { createTokenBucket } from "../../src/client/index";

function manualClock() {
  let now = 0;
  return { now: () => now, advance: (ms: number) => void (now += ms), setTimer: () => () => undefined };
}

describe("the limiter learns the shared budget from 429s (AIMD)", () => {
  it("cuts the rate once per generation of requests, however many in-flight answers say 429", async () => {
    const clock = manualClock();
    const bucket = createTokenBucket({
      capacity: 100,
      refillPerSecond: 10,
      adaptive: { decreaseFactor: 0.5, recoveryPerSecond: 0.02 },
      now: clock.now,
      setTimer: clock.setTimer,
    });
    const generations = await Promise.all([bucket.acquire(), bucket.acquire(), bucket.acquire()]);
    for (const generation of generations) bucket.rateLimited(1000, generation);
    expect(bucket.currentRefillPerSecond()).toBe(5);
    // A request sent after the decrease that still meets a 429 lowers it again.
    clock.advance(1000);
    // Emptied at the 429, refilled during the pause at the lower rate (the server's bucket refills too).
    expect(bucket.available()).toBeCloseTo(5, 5);
    const later = await bucket.acquire();
    bucket.rateLimited(0, later);
    expect(bucket.currentRefillPerSecond()).toBe(2.5);
  });

  it("pauses until Retry-After and recovers linearly toward the configured rate", () => {
    const clock = manualClock();
    const bucket = createTokenBucket({
      capacity: 60,
      refillPerSecond: 1,
      adaptive: { decreaseFactor: 0.5, recoveryPerSecond: 0.02 },
      now: clock.now,
      setTimer: clock.setTimer,
    });
    bucket.rateLimited(3000, 0);
    expect(bucket.currentRefillPerSecond()).toBe(0.5);
    clock.advance(2999);
    expect(bucket.tryAcquire()).toBe(false);
    expect(bucket.currentRefillPerSecond()).toBe(0.5); // no recovery while paused
    clock.advance(1 + 10_000);
    expect(bucket.currentRefillPerSecond()).toBeCloseTo(0.5 + 0.02 * 10, 3);
    clock.advance(60_000);
    expect(bucket.currentRefillPerSecond()).toBe(1);
  });

  it("defaults: a 429 halves the rate, recovery is 5% of the configured rate per second", () => {
    const clock = manualClock();
    const bucket = createTokenBucket({ capacity: 10, refillPerSecond: 10, now: clock.now, setTimer: clock.setTimer });
    bucket.rateLimited(0, 0);
    expect(bucket.currentRefillPerSecond()).toBe(5);
    clock.advance(2000);
    expect(bucket.currentRefillPerSecond()).toBeCloseTo(6, 5);
  });

  it("adaptive: false keeps the configured rate", () => {
    const clock = manualClock();
    const bucket = createTokenBucket({ capacity: 10, refillPerSecond: 1, adaptive: false, now: clock.now, setTimer: clock.setTimer });
    bucket.rateLimited(1000, 0);
    expect(bucket.currentRefillPerSecond()).toBe(1);
  });
});
