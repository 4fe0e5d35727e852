import { AsyncLocalStorage } from "node:async_hooks";

/**
 * Counts the HTTP requests one unit of work sends (every attempt, retries included), so that the
 * audit log records what was measured rather than what the code expects. The count follows the
 * async context: provider operations run in parallel on one shared client, and each request is
 * attributed to the operation whose call chain sent it. A request outside any measured unit is
 * not counted anywhere.
 */
const current = new AsyncLocalStorage<{ sent: number }>();

/** Runs `work`, counting into `counter.sent` every API request it sends (also when it fails). */
export function countRequests<T>(counter: { sent: number }, work: () => Promise<T>): Promise<T> {
  return current.run(counter, work);
}

/** Called by the request loop right before each send. */
export function noteRequestSent(): void {
  const counter = current.getStore();
  if (counter) counter.sent++;
}
