import { mulberry32 } from "./prng";
import { isPlainObject } from "./http/body";
import { MALFORMED_SHAPES, type MalformedShape } from "./malformed-reply";

/** Failure modes the simulator can inject into API calls (rules and webhooks endpoints). */
export interface FaultConfig {
  /** Delay added before every non-admin request is handled. */
  latencyMs?: number;
  /** Share (0..1) of API calls answered with errorStatus instead of being handled. */
  errorRate?: number;
  /** 500 or 503; default 500. */
  errorStatus?: 500 | 503;
  /** The next N API calls get 429. */
  rateLimitBurst?: number;
  /** The next N committed POST/PUT/DELETE calls lose their response (socket reset). */
  dropResponseCount?: number;
  /** Share (0..1) of committed POST/PUT/DELETE calls that lose their response. */
  dropResponseRate?: number;
  /** Successful rules/webhooks replies are replaced by this broken shape (see malformed-reply.ts), after the request was handled. */
  malformedShape?: MalformedShape;
  /** How many replies get malformedShape; absent = every one while the fault is set. */
  malformedCount?: number;
  /** Reseeds the PRNG; otherwise every setFaults restarts the sequence from the simulator's faultSeed. */
  seed?: number;
}

const FAULT_KEYS = [
  "latencyMs",
  "errorRate",
  "errorStatus",
  "rateLimitBurst",
  "dropResponseCount",
  "dropResponseRate",
  "malformedShape",
  "malformedCount",
  "seed",
];

export function normalizeFaults(raw: unknown, makeError: (message: string) => Error): FaultConfig {
  if (!isPlainObject(raw)) throw makeError("faults must be an object");
  const unknown = Object.keys(raw).filter((key) => !FAULT_KEYS.includes(key));
  if (unknown.length > 0) throw makeError(`unknown fault setting(s): ${unknown.join(", ")}; known: ${FAULT_KEYS.join(", ")}`);
  const faults: FaultConfig = {};
  const count = (key: "latencyMs" | "rateLimitBurst" | "dropResponseCount" | "malformedCount"): void => {
    const value = raw[key];
    if (value === undefined) return;
    if (!Number.isSafeInteger(value) || (value as number) < 0) throw makeError(`${key} must be a non-negative integer`);
    faults[key] = value as number;
  };
  const rate = (key: "errorRate" | "dropResponseRate"): void => {
    const value = raw[key];
    if (value === undefined) return;
    if (typeof value !== "number" || !(value >= 0 && value <= 1)) throw makeError(`${key} must be a number between 0 and 1`);
    faults[key] = value;
  };
  count("latencyMs");
  count("rateLimitBurst");
  count("dropResponseCount");
  count("malformedCount");
  if (raw.malformedShape !== undefined) {
    if (!(MALFORMED_SHAPES as readonly unknown[]).includes(raw.malformedShape)) {
      throw makeError(`malformedShape must be one of ${MALFORMED_SHAPES.join(", ")}`);
    }
    faults.malformedShape = raw.malformedShape as MalformedShape;
  }
  rate("errorRate");
  rate("dropResponseRate");
  if (raw.errorStatus !== undefined) {
    if (raw.errorStatus !== 500 && raw.errorStatus !== 503) throw makeError("errorStatus must be 500 or 503");
    faults.errorStatus = raw.errorStatus;
  }
  if (raw.seed !== undefined) {
    if (!Number.isSafeInteger(raw.seed)) throw makeError("seed must be an integer");
    faults.seed = raw.seed as number;
  }
  return faults;
}

export interface FaultInjector {
  /** Replaces the whole fault configuration and restarts the PRNG sequence. */
  set(faults: FaultConfig): void;
  clear(): void;
  /** The configuration in force, with counters showing what remains. */
  current(): FaultConfig;
  latencyMs(): number;
  /** The status to fail this API call with, if the error rate strikes. */
  drawError(): 500 | 503 | undefined;
  takeRateLimitBurst(): boolean;
  /** Whether this committed write loses its response. */
  drawDrop(): boolean;
  /** The broken shape for this successful reply, if the malformed fault applies. */
  takeMalformed(): MalformedShape | undefined;
}

export function createFaultInjector(defaultSeed: number, initial: FaultConfig): FaultInjector {
  let faults: FaultConfig = {};
  let random = mulberry32(defaultSeed);
  const injector: FaultInjector = {
    set(next) {
      faults = { ...next };
      random = mulberry32(next.seed ?? defaultSeed);
    },
    clear() {
      injector.set({});
    },
    current: () => ({ ...faults }),
    latencyMs: () => faults.latencyMs ?? 0,
    drawError() {
      const rateValue = faults.errorRate ?? 0;
      if (rateValue <= 0) return undefined;
      return random() < rateValue ? (faults.errorStatus ?? 500) : undefined;
    },
    takeRateLimitBurst() {
      if ((faults.rateLimitBurst ?? 0) <= 0) return false;
      faults.rateLimitBurst = (faults.rateLimitBurst ?? 0) - 1;
      return true;
    },
    drawDrop() {
      if ((faults.dropResponseCount ?? 0) > 0) {
        faults.dropResponseCount = (faults.dropResponseCount ?? 0) - 1;
        return true;
      }
      const rateValue = faults.dropResponseRate ?? 0;
      return rateValue > 0 && random() < rateValue;
    },
    takeMalformed() {
      if (faults.malformedShape === undefined) return undefined;
      if (faults.malformedCount !== undefined) {
        if (faults.malformedCount <= 0) return undefined;
        faults.malformedCount -= 1;
      }
      return faults.malformedShape;
    },
  };
  injector.set(initial);
  return injector;
}
