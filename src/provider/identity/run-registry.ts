/**
 * Which CXone ids the resources of this run hold, keyed by URN. Part of the run context (one per
 * `configure`, so one per `pulumi` operation and provider), filled from every call that shows a
 * resource alive: check/diff (the program declares it), create/adopt, read, update. Used to tell a
 * rename inside the stack from a foreign object (409 messages, check-time name collisions), to let
 * a delete skip an object another resource has taken over, and to sequence name swaps.
 */
export interface Held {
  readonly id: string;
  /** The name in CXone now (as far as this run knows) and the name the program wants. */
  readonly currentName?: string;
  readonly plannedName?: string;
  readonly deleting?: boolean;
}

export interface RunRegistry {
  hold(urn: unknown, id: string, names?: { currentName?: unknown; plannedName?: unknown }): void;
  markDeleting(urn: unknown): void;
  release(urn: unknown): void;
  /** URNs other than `exceptUrn` that hold `id` and are not being deleted. */
  otherHolders(id: string, exceptUrn: unknown): string[];
  isHeld(id: string): boolean;
  entry(urn: string): Held | undefined;
  /** Waits until the registry changes (or `ms` pass). */
  change(ms: number): Promise<void>;
}

export function createRunRegistry(): RunRegistry {
  const byUrn = new Map<string, Held>();
  const waiters = new Set<() => void>();
  const notify = () => {
    for (const wake of [...waiters]) wake();
  };
  return {
    hold(urn, id, names = {}) {
      if (typeof urn !== "string" || urn === "" || !id) return;
      const entry: { -readonly [K in keyof Held]: Held[K] } = { ...byUrn.get(urn), id };
      if (typeof names.currentName === "string") entry.currentName = names.currentName;
      if (typeof names.plannedName === "string") entry.plannedName = names.plannedName;
      byUrn.set(urn, entry);
      notify();
    },
    markDeleting(urn) {
      const entry = typeof urn === "string" ? byUrn.get(urn) : undefined;
      if (entry) byUrn.set(urn as string, { ...entry, deleting: true });
    },
    release(urn) {
      if (typeof urn === "string" && byUrn.delete(urn)) notify();
    },
    otherHolders: (id, exceptUrn) =>
      [...byUrn.entries()].filter(([urn, held]) => urn !== exceptUrn && held.id === id && !held.deleting).map(([urn]) => urn),
    isHeld: (id) => [...byUrn.values()].some((held) => held.id === id),
    entry: (urn) => byUrn.get(urn),
    change(ms) {
      return new Promise((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          waiters.delete(wake);
          resolve();
        };
        const timer = setTimeout(wake, ms);
        waiters.add(wake);
      });
    },
  };
}

/** `urn:...::type::name` -> the logical name. */
export function logicalName(urn: string): string {
  return urn.slice(urn.lastIndexOf("::") + 2);
}
