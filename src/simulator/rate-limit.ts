export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export interface RateLimiter {
  take(clientId: string): RateDecision;
  reset(): void;
}

/**
 * Token bucket per client id: capacity = limit (or `capacity`), refilled continuously at
 * limit/60 per second, so a burst of `capacity` calls passes and then one call per 60/limit seconds.
 */
export function createRateLimiter(limitPerMinute: number, now: () => number, capacity: number = limitPerMinute): RateLimiter {
  const buckets = new Map<string, { tokens: number; updatedAt: number }>();
  const refillPerMs = limitPerMinute / 60_000;
  return {
    take(clientId) {
      if (limitPerMinute <= 0) return { allowed: true };
      const at = now();
      const bucket = buckets.get(clientId) ?? { tokens: capacity, updatedAt: at };
      bucket.tokens = Math.min(capacity, bucket.tokens + Math.max(0, at - bucket.updatedAt) * refillPerMs);
      bucket.updatedAt = at;
      buckets.set(clientId, bucket);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return { allowed: true };
      }
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / refillPerMs / 1000)) };
    },
    reset: () => buckets.clear(),
  };
}
