import { createTokenBucket, type TokenBucket } from "./token-bucket";

/**
 * One bucket per (API origin, client id) for the whole process: the server counts per client id,
 * so every client object, resource and retry of a `pulumi up` that uses the same id must draw from
 * the same bucket.
 */
const buckets = new Map<string, TokenBucket>();

export function sharedBucketKey(apiOrigin: string, clientId: string): string {
  return `${apiOrigin}\n${clientId}`;
}

/**
 * Returns the shared bucket for the key. If two configurations ask for different limits, the
 * stricter one wins: exceeding the server's limit costs 429s, being slower costs only time.
 */
export function getSharedBucket(key: string, requestsPerMinute: number, safetyMarginMs: number, adaptive = true): TokenBucket {
  const existing = buckets.get(key);
  if (existing && existing.capacity <= requestsPerMinute) return existing;
  const bucket = createBucket(requestsPerMinute, safetyMarginMs, adaptive);
  buckets.set(key, bucket);
  return bucket;
}

/** A bucket shaped like the server's for this per-minute limit (also for clients that must not share one). */
export function createBucket(requestsPerMinute: number, safetyMarginMs: number, adaptive = true): TokenBucket {
  return createTokenBucket({
    capacity: Math.max(1, requestsPerMinute),
    refillPerSecond: requestsPerMinute / 60,
    safetyMarginMs,
    adaptive: adaptive ? {} : false,
  });
}

/** For tests: forget every bucket. */
export function resetSharedBuckets(): void {
  buckets.clear();
}
