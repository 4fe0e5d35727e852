import type { RunningSimulator } from "../../src/simulator";

type Requests = ReturnType<RunningSimulator["admin"]["requests"]>;

/** API requests the simulator answered (token endpoint and admin API left out), from index `since`. */
export function apiRequests(sim: RunningSimulator, since = 0): Requests {
  return sim.admin
    .requests()
    .slice(since)
    .filter((r) => r.template.startsWith("/api/"));
}

/** API requests that change the tenant: anything but GET. */
export function apiWrites(sim: RunningSimulator, since = 0): Requests {
  return apiRequests(sim, since).filter((r) => r.method !== "GET");
}
