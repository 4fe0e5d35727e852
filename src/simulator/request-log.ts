/** One API request the simulator answered. */
export interface RequestLogEntry {
  seq: number;
  time: string;
  method: string;
  path: string;
  query: string;
  /** The route pattern, e.g. /api/v2/routing/interactionroutingrules/{id}. */
  template: string;
  status: number;
  clientId: string | null;
  correlationId: string;
  ifMatch: string | null;
  idempotencyKey: string | null;
  /** True when the change was committed but the response was dropped by a fault. */
  dropped: boolean;
  /** True when the response was replayed from an Idempotency-Key record. */
  replayed: boolean;
  /** Latency injected by the latency fault, in ms. */
  injectedLatencyMs: number;
}

export interface RequestLog {
  record(entry: Omit<RequestLogEntry, "seq" | "time">): void;
  entries(): RequestLogEntry[];
  /** Calls per `METHOD template status`. */
  counters(): Record<string, number>;
  clear(): void;
}

/** Keeps the most recent `capacity` entries; counters cover every request since the last reset. */
export function createRequestLog(now: () => number, capacity = 10_000): RequestLog {
  let entries: RequestLogEntry[] = [];
  let counters = new Map<string, number>();
  let seq = 0;
  return {
    record(entry) {
      seq += 1;
      entries.push({ seq, time: new Date(now()).toISOString(), ...entry });
      if (entries.length > capacity) entries = entries.slice(entries.length - capacity);
      const key = `${entry.method} ${entry.template} ${entry.status}`;
      counters.set(key, (counters.get(key) ?? 0) + 1);
    },
    entries: () => entries.map((entry) => ({ ...entry })),
    counters: () => Object.fromEntries(counters),
    clear() {
      entries = [];
      counters = new Map();
      seq = 0;
    },
  };
}
