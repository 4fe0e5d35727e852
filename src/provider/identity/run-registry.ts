/**
 * Which CXone ids the resources of this run hold, keyed by URN. Module-level state of the provider
 * process (one process per `pulumi` operation and provider), filled from every call that shows a
 * resource alive: check/diff (the program declares it), create/adopt, read, update. Used to tell a
 * rename inside the stack from a foreign object (409 messages, check-time name collisions), to let
 * a delete skip an object another resource has taken over, and to sequence name swaps.
 */
interface Held {
  id: string;
  /** The name in CXone now (as far as this run knows) and the name the program wants. */
  currentName?: string;
  plannedName?: string;
  deleting?: boolean;
}

const byUrn = new Map<string, Held>();
const waiters = new Set<() => void>();

function notify(): void {
  for (const wake of [...waiters]) wake();
}

export function holdId(urn: unknown, id: string, names: { currentName?: unknown; plannedName?: unknown } = {}): void {
  if (typeof urn !== "string" || urn === "" || !id) return;
  const entry: Held = { ...byUrn.get(urn), id };
  if (typeof names.currentName === "string") entry.currentName = names.currentName;
  if (typeof names.plannedName === "string") entry.plannedName = names.plannedName;
  byUrn.set(urn, entry);
  notify();
}

export function markDeleting(urn: unknown): void {
  if (typeof urn !== "string") return;
  const entry = byUrn.get(urn);
  if (entry) entry.deleting = true;
}

export function releaseUrn(urn: unknown): void {
  if (typeof urn === "string" && byUrn.delete(urn)) notify();
}

/** URNs other than `exceptUrn` that hold `id` and are not being deleted. */
export function otherHolders(id: string, exceptUrn: unknown): string[] {
  return [...byUrn.entries()].filter(([urn, held]) => urn !== exceptUrn && held.id === id && !held.deleting).map(([urn]) => urn);
}

export function isHeld(id: string): boolean {
  return [...byUrn.values()].some((held) => held.id === id);
}

export function heldEntry(urn: string): Readonly<Held> | undefined {
  return byUrn.get(urn);
}

/** Waits until the registry changes (or `ms` pass). */
export function registryChange(ms: number): Promise<void> {
  return new Promise((resolve) => {
    const wake = () => {
      clearTimeout(timer);
      waiters.delete(wake);
      resolve();
    };
    const timer = setTimeout(wake, ms);
    waiters.add(wake);
  });
}

/** `urn:...::type::name` -> the logical name. */
export function logicalName(urn: string): string {
  return urn.slice(urn.lastIndexOf("::") + 2);
}

/** For tests: a fresh run. */
export function resetRunRegistry(): void {
  byUrn.clear();
}
