import { describe, expect, it } from "vitest";
import { createTokenBucket } from "../../src/client/index";

/** A manual clock and timer queue, so the bucket can be driven without real time. */
function fakeTime() {
  let now = 0;
  let timers: Array<{ at: number; callback: () => void; cancelled: boolean }> = [];
  return {
    now: () => now,
    setTimer(callback: () => void, ms: number) {
      const timer = { at: now + ms, callback, cancelled: false };
      timers.push(timer);
      return () => {
        timer.cancelled = true;
      };
    },
    async advance(ms: number) {
      const target = now + ms;
      for (;;) {
        const due = timers.filter((t) => !t.cancelled && t.at <= target).sort((a, b) => a.at - b.at)[0];
        if (!due) break;
        now = due.at;
        timers = timers.filter((t) => t !== due);
        due.callback();
        await Promise.resolve();
      }
      now = target;
      await Promise.resolve();
    },
  };
}

describe("token bucket (injected clock)", () => {
  it("lets a burst of `capacity` through, then one request per 1/refill seconds", async () => {
    const time = fakeTime();
    const bucket = createTokenBucket({ capacity: 3, refillPerSecond: 2, now: time.now, setTimer: time.setTimer });
    const granted: number[] = [];
    for (let i = 0; i < 6; i++) void bucket.acquire().then(() => granted.push(i));
    await time.advance(0);
    expect(granted).toEqual([0, 1, 2]);
    await time.advance(499);
    expect(granted).toEqual([0, 1, 2]);
    await time.advance(2);
    expect(granted).toEqual([0, 1, 2, 3]);
    await time.advance(1000);
    expect(granted).toEqual([0, 1, 2, 3, 4, 5]);
    expect(bucket.waiting()).toBe(0);
  });

  it("serves waiters first come, first served and never lets a newcomer jump the queue", async () => {
    const time = fakeTime();
    const bucket = createTokenBucket({ capacity: 1, refillPerSecond: 1, now: time.now, setTimer: time.setTimer });
    const order: string[] = [];
    await bucket.acquire();
    void bucket.acquire().then(() => order.push("first"));
    void bucket.acquire().then(() => order.push("second"));
    await time.advance(1001);
    expect(bucket.tryAcquire()).toBe(false);
    void bucket.acquire().then(() => order.push("third"));
    await time.advance(3000);
    expect(order).toEqual(["first", "second", "third"]);
  });

  it("never holds more than capacity after a long idle time", async () => {
    const time = fakeTime();
    const bucket = createTokenBucket({ capacity: 5, refillPerSecond: 10, now: time.now, setTimer: time.setTimer });
    await time.advance(60_000);
    expect(bucket.available()).toBe(5);
  });

  it("pauseFor empties the bucket and hands out nothing until the pause ends", async () => {
    const time = fakeTime();
    const bucket = createTokenBucket({ capacity: 10, refillPerSecond: 10, now: time.now, setTimer: time.setTimer });
    bucket.pauseFor(2000);
    let granted = false;
    void bucket.acquire().then(() => (granted = true));
    await time.advance(1999);
    expect(granted).toBe(false);
    await time.advance(5);
    expect(granted).toBe(true);
  });

  it("with a safety margin, refilling starts that much later after the first token leaves a full bucket", async () => {
    const time = fakeTime();
    const bucket = createTokenBucket({ capacity: 1, refillPerSecond: 1, safetyMarginMs: 300, now: time.now, setTimer: time.setTimer });
    await bucket.acquire();
    let granted = false;
    void bucket.acquire().then(() => (granted = true));
    await time.advance(1250);
    expect(granted).toBe(false);
    await time.advance(100);
    expect(granted).toBe(true);
  });
});
