/**
 * Token bucket with the server's shape: `capacity` tokens, refilled continuously at
 * `refillPerSecond`, starting full. Waiters are served strictly first come, first served, so a
 * request that has waited longest goes first and none starves.
 *
 * Adaptive (AIMD, as TCP congestion control): the configured limit is what the tenant grants one
 * client id, but other processes (a second stack, a CI job) may spend the same budget. On a 429
 * the bucket halves its refill rate and capacity (multiplicative decrease, once per "generation"
 * of requests so that the answers to requests already in flight do not cut it again), empties
 * itself and pauses until Retry-After. Without 429s the rate climbs back linearly toward the
 * configured limit (additive increase, 5% of it per second: a halved rate is back in 10 s).
 * Processes sharing a client id thus settle on shares that add up to the server's limit; the
 * server's own bucket (capacity = one minute's worth on the platform) absorbs the dips.
 * Measured (bench client-shared-budget, 2-3 clients): while they share, the server accepts
 * 0.99-1.0 of its limit; 0.5 gave about 40% fewer 429s than 0.8 or no adaptation. The cost is the
 * tail: a client left alone after the others finish runs below the limit until it has recovered.
 */
export interface TokenBucket {
  /** Resolves when a token was taken for the caller, with the generation to pass to rateLimited(). */
  acquire(): Promise<number>;
  /** Takes a token if one is there and nobody is waiting. */
  tryAcquire(): boolean;
  /** Hands out nothing for `ms`; used when the server says Retry-After. */
  pauseFor(ms: number): void;
  /**
   * The server answered 429 to a request whose token came from generation `generation`: lower the
   * rate (once per generation) and pause for `retryAfterMs` (0 / undefined: just empty the bucket).
   */
  rateLimited(retryAfterMs: number | undefined, generation: number): void;
  /** Tokens available now (fractional). */
  available(): number;
  /** Callers waiting for a token. */
  waiting(): number;
  /** The refill rate in force now (below refillPerSecond after 429s). */
  currentRefillPerSecond(): number;
  /** The configured capacity. */
  readonly capacity: number;
  /** The configured refill rate. */
  readonly refillPerSecond: number;
}

export type CancelTimer = () => void;

export interface AdaptiveOptions {
  /** Rate multiplier on a 429. Default 0.5. */
  readonly decreaseFactor?: number;
  /** Share of the configured rate regained per second without 429s. Default 0.05 (a halved rate is back in 10 s). */
  readonly recoveryPerSecond?: number;
  /** Floor as a share of the configured rate. Default 0.02. */
  readonly minShare?: number;
}

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
  /** AIMD on 429s; `false` keeps the configured rate whatever the server says. Default on. */
  readonly adaptive?: AdaptiveOptions | false;
}

export function createTokenBucket(options: TokenBucketOptions): TokenBucket {
  const { capacity, refillPerSecond } = options;
  if (!(capacity >= 1) || !(refillPerSecond > 0)) {
    throw new RangeError(`token bucket needs capacity >= 1 and refillPerSecond > 0, got ${capacity} and ${refillPerSecond}`);
  }
  const now = options.now ?? (() => performance.now());
  const setTimer = options.setTimer ?? defaultTimer;
  const safetyMarginMs = options.safetyMarginMs ?? 0;
  const adaptive = options.adaptive === false ? undefined : (options.adaptive ?? {});
  const decreaseFactor = adaptive?.decreaseFactor ?? 0.5;
  const recoveryPerSecond = (adaptive?.recoveryPerSecond ?? 0.05) * refillPerSecond;
  const minRate = (adaptive?.minShare ?? 0.02) * refillPerSecond;

  let rate = refillPerSecond;
  let tokens = capacity;
  let updatedAt = now();
  let pausedUntil = -Infinity;
  let generation = 0;
  const queue: Array<(generation: number) => void> = [];
  let cancelTimer: CancelTimer | undefined;

  const currentCapacity = (): number => Math.max(1, capacity * (rate / refillPerSecond));

  const refill = (): void => {
    const t = now();
    if (t > updatedAt) {
      const seconds = (t - updatedAt) / 1000;
      // Additive increase only while sending is allowed: a pause is the server saying "not yet".
      const before = rate;
      const unpausedSeconds = (t - Math.max(updatedAt, pausedUntil)) / 1000;
      if (rate < refillPerSecond && unpausedSeconds > 0) rate = Math.min(refillPerSecond, rate + recoveryPerSecond * unpausedSeconds);
      tokens = Math.min(currentCapacity(), tokens + seconds * ((before + rate) / 2));
      updatedAt = t;
    }
  };

  const canServe = (): boolean => tokens >= 1 && now() >= pausedUntil;

  const take = (): void => {
    if (tokens >= currentCapacity()) updatedAt = Math.max(updatedAt, now() + safetyMarginMs);
    tokens -= 1;
  };

  const drain = (): void => {
    cancelTimer = undefined;
    refill();
    while (queue.length > 0 && canServe()) {
      take();
      queue.shift()!(generation);
    }
    schedule();
  };

  const schedule = (): void => {
    if (queue.length === 0 || cancelTimer !== undefined) return;
    const t = now();
    const untilToken = tokens >= 1 ? 0 : Math.max(0, updatedAt - t) + ((1 - tokens) / rate) * 1000;
    const untilUnpaused = Math.max(0, pausedUntil - t);
    // +1 ms: timers may fire a hair early against the clock, which would only cost a re-arm.
    cancelTimer = setTimer(drain, Math.ceil(Math.max(untilToken, untilUnpaused)) + 1);
  };

  const pauseFor = (ms: number): void => {
    refill();
    const timeMs = now() + ms;
    if (timeMs > pausedUntil) pausedUntil = timeMs;
    // The server's bucket was empty when it said 429; start ours from empty too so the burst
    // after the pause is not larger than what the server will accept.
    tokens = Math.min(tokens, 0);
    updatedAt = Math.max(updatedAt, now() + safetyMarginMs);
    if (cancelTimer) {
      cancelTimer();
      cancelTimer = undefined;
    }
    schedule();
  };

  return {
    capacity,
    refillPerSecond,
    acquire() {
      refill();
      if (queue.length === 0 && canServe()) {
        take();
        return Promise.resolve(generation);
      }
      return new Promise<number>((resolve) => {
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
    pauseFor,
    rateLimited(retryAfterMs, tokenGeneration) {
      refill();
      if (adaptive && tokenGeneration === generation) {
        // Requests sent after this point belong to the next generation; only their 429s lower the rate again.
        generation++;
        rate = Math.max(minRate, rate * decreaseFactor);
      }
      pauseFor(retryAfterMs ?? 0);
    },
    available() {
      refill();
      return tokens;
    },
    waiting: () => queue.length,
    currentRefillPerSecond() {
      refill();
      return rate;
    },
  };
}

function defaultTimer(callback: () => void, ms: number): CancelTimer {
  const handle = setTimeout(callback, ms);
  return () => clearTimeout(handle);
}
