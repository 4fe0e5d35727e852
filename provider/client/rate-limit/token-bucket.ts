/**
 * Token bucket with the server's shape: `capacity` tokens, refilled continuously at
 * `refillPerSecond`, starting full. Waiters are served strictly first come, first served, so a
 * request that has waited longest goes first and none starves.
 */
export interface TokenBucket {
  /** Resolves when a token was taken for the caller. */
  acquire(): Promise<void>;
  /** Takes a token if one is there and nobody is waiting. */
  tryAcquire(): boolean;
  /** Hands out nothing for `ms`; used when the server says Retry-After. */
  pauseFor(ms: number): void;
  /** Tokens available now (fractional). */
  available(): number;
  /** Callers waiting for a token. */
  waiting(): number;
  readonly capacity: number;
  readonly refillPerSecond: number;
}

export type CancelTimer = () => void;

export interface TokenBucketOptions {
  readonly capacity: number;
  readonly refillPerSecond: number;
  /** Milliseconds clock; injectable for tests. Default performance.now(). */
  readonly now?: () => number;
  /** Timer; injectable for tests. Default setTimeout. */
  readonly setTimer?: (callback: () => void, ms: number) => CancelTimer;
  /**
   * When a token is taken from a full bucket (or after a pause), refilling starts this much later.
   * The server's bucket starts refilling when our first request *arrives*; a later request that
   * travels faster than that first one (which also paid for TCP/TLS setup) would otherwise find the
   * server one token short. Covering that latency difference makes the client strictly the slower
   * of the two. Default 0 (exact server shape).
   */
  readonly safetyMarginMs?: number;
}

export function createTokenBucket(options: TokenBucketOptions): TokenBucket {
  const { capacity, refillPerSecond } = options;
  if (!(capacity >= 1) || !(refillPerSecond > 0)) {
    throw new RangeError(`token bucket needs capacity >= 1 and refillPerSecond > 0, got ${capacity} and ${refillPerSecond}`);
  }
  const now = options.now ?? (() => performance.now());
  const setTimer = options.setTimer ?? defaultTimer;
  const safetyMarginMs = options.safetyMarginMs ?? 0;

  let tokens = capacity;
  let updatedAt = now();
  let pausedUntil = -Infinity;
  const queue: Array<() => void> = [];
  let cancelTimer: CancelTimer | undefined;

  const refill = (): void => {
    const t = now();
    if (t > updatedAt) {
      tokens = Math.min(capacity, tokens + ((t - updatedAt) / 1000) * refillPerSecond);
      updatedAt = t;
    }
  };

  const canServe = (): boolean => tokens >= 1 && now() >= pausedUntil;

  const take = (): void => {
    if (tokens >= capacity) updatedAt = Math.max(updatedAt, now() + safetyMarginMs);
    tokens -= 1;
  };

  const drain = (): void => {
    cancelTimer = undefined;
    refill();
    while (queue.length > 0 && canServe()) {
      take();
      queue.shift()!();
    }
    schedule();
  };

  const schedule = (): void => {
    if (queue.length === 0 || cancelTimer !== undefined) return;
    const t = now();
    const untilToken = tokens >= 1 ? 0 : Math.max(0, updatedAt - t) + ((1 - tokens) / refillPerSecond) * 1000;
    const untilUnpaused = Math.max(0, pausedUntil - t);
    // +1 ms: timers may fire a hair early against the clock, which would only cost a re-arm.
    cancelTimer = setTimer(drain, Math.ceil(Math.max(untilToken, untilUnpaused)) + 1);
  };

  return {
    capacity,
    refillPerSecond,
    acquire() {
      refill();
      if (queue.length === 0 && canServe()) {
        take();
        return Promise.resolve();
      }
      return new Promise<void>((resolve) => {
        queue.push(resolve);
        schedule();
      });
    },
    tryAcquire() {
      refill();
      if (queue.length === 0 && canServe()) {
        take();
        return true;
      }
      return false;
    },
    pauseFor(ms) {
      const timeMs = now() + ms;
      if (timeMs <= pausedUntil) return;
      pausedUntil = timeMs;
      // The server's bucket was empty when it said 429; start ours from empty too so the burst
      // after the pause is not larger than what the server will accept.
      refill();
      tokens = Math.min(tokens, 0);
      updatedAt = Math.max(updatedAt, now() + safetyMarginMs);
      if (cancelTimer) {
        cancelTimer();
        cancelTimer = undefined;
      }
      schedule();
    },
    available() {
      refill();
      return tokens;
    },
    waiting: () => queue.length,
  };
}

function defaultTimer(callback: () => void, ms: number): CancelTimer {
  const handle = setTimeout(callback, ms);
  return () => clearTimeout(handle);
}
