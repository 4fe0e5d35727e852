export interface BackoffSettings {
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

/**
 * "Full jitter" (AWS architecture blog, 2015): a uniform delay in [0, min(cap, base * 2^(n-1))).
 * Spreading retries over the whole window keeps many clients that failed together from retrying
 * together. `retryNumber` is 1 for the first retry.
 */
export function fullJitterDelayMs(retryNumber: number, settings: BackoffSettings, random: () => number = Math.random): number {
  return Math.floor(random() * backoffCeilingMs(retryNumber, settings));
}

export function backoffCeilingMs(retryNumber: number, settings: BackoffSettings): number {
  const exponent = Math.max(0, retryNumber - 1);
  // 2^exponent overflows to Infinity for huge exponents; min() still yields the cap.
  return Math.min(settings.maxDelayMs, settings.baseDelayMs * 2 ** exponent);
}
