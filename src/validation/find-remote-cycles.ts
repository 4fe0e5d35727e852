import type { AnalyzableRule } from "./analyzable-rule";
import { findCyclicComponents, shortestCycleThrough } from "./cyclic-components";
import type { Finding } from "./findings";
import { InvalidOptionsError } from "./invalid-options-error";
import { indexRules, isKnownId } from "./rule-index";

/** What {@link findRemoteCycles} needs to know about a rule that exists in CXone. */
export interface RemoteRule {
  readonly id: string;
  readonly name: string;
  readonly fallbackRuleId?: string;
}

/** Reads one rule from CXone by id (a GET); resolves to null when there is no such rule. */
export type FetchRemoteRule = (id: string) => Promise<RemoteRule | null>;

/** Options of {@link findRemoteCycles}. */
export interface RemoteCycleOptions {
  /** Most remote hops followed from a program rule. Default 20. */
  readonly maxDepth?: number;
  /** Most fetches in flight at once (they count against the API rate limit). Default 4. */
  readonly concurrency?: number;
}

const DEFAULT_MAX_DEPTH = 20;
const DEFAULT_CONCURRENCY = 4;

function positiveInteger(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 1) {
    throw new InvalidOptionsError(`${name} must be a positive integer, got ${value}`);
  }
  return value;
}

/** Runs at most `limit` of the given tasks at once. */
function limiter(limit: number): <T>(task: () => Promise<T>) => Promise<T> {
  let active = 0;
  const waiting: Array<() => void> = [];
  return async (task) => {
    if (active >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    active++;
    try {
      return await task();
    } finally {
      active--;
      waiting.shift()?.();
    }
  };
}

/**
 * Node names of the combined graph: `L<index>` for a program rule, `R<id>` for a CXone rule
 * outside the program.
 */
const localNode = (index: number): string => `L${index}`;
const remoteNode = (id: string): string => `R${id}`;

/**
 * Follows every `fallbackRuleId` that leaves the program into CXone and reports what the
 * program-only analysis cannot see:
 * - cycles that pass through rules outside the stack (remote rules shown as `name (id)`),
 *   including a chain that leads into a loop among remote rules only;
 * - a fallback id that does not exist in CXone (`fetchRule` resolved to null), at any depth.
 *
 * Only reads: `fetchRule` is called at most once per remote id during one call, also when
 * several chains reach the same rule concurrently, and chains are followed breadth-first for at
 * most `options.maxDepth` remote hops. A remote rule whose `fallbackRuleId` is the known `id`
 * of a program rule continues into the program's declared (not the remote) configuration.
 * All findings are errors. Cycles made only of program rules are left to {@link analyzeRuleSet}.
 *
 * @param rules - every rule the program declares (same input as `analyzeRuleSet`).
 * @param fetchRule - reads a rule by id; its rejections propagate unchanged.
 * @param options - see {@link RemoteCycleOptions}.
 */
export async function findRemoteCycles(
  rules: readonly AnalyzableRule[],
  fetchRule: FetchRemoteRule,
  options: RemoteCycleOptions = {},
): Promise<Finding[]> {
  const maxDepth = positiveInteger("maxDepth", options.maxDepth ?? DEFAULT_MAX_DEPTH);
  const limit = limiter(positiveInteger("concurrency", options.concurrency ?? DEFAULT_CONCURRENCY));
  const index = indexRules(rules);

  const successors = new Map<string, string[]>();
  const addEdge = (from: string, to: string): void => {
    const list = successors.get(from);
    if (!list) successors.set(from, [to]);
    else if (!list.includes(to)) list.push(to);
  };
  /** For each remote node: the node it was first reached from, and the program rule whose chain reached it. */
  const parent = new Map<string, string>();
  const origin = new Map<string, number>();
  const discoveryOrder = new Map<string, number>();
  const fetched = new Map<string, RemoteRule | null>();
  const inFlight = new Map<string, Promise<RemoteRule | null>>();
  const fetchOnce = (id: string): Promise<RemoteRule | null> => {
    let pending = inFlight.get(id);
    if (!pending) inFlight.set(id, (pending = limit(() => fetchRule(id))));
    return pending;
  };

  let frontier: string[] = [];
  const discover = (id: string, from: string, originIndex: number): void => {
    const node = remoteNode(id);
    if (discoveryOrder.has(node)) return;
    discoveryOrder.set(node, discoveryOrder.size);
    parent.set(node, from);
    origin.set(node, originIndex);
    frontier.push(id);
  };

  /** Where a fallback id leads: a program rule with that known id, else a remote rule. */
  const targetOf = (id: string): string => {
    const local = index.indexById.get(id);
    return local === undefined ? remoteNode(id) : localNode(local);
  };

  index.rules.forEach((rule, v) => {
    if (typeof rule.fallback === "string") {
      const target = index.indexByKey.get(rule.fallback);
      if (target !== undefined) addEdge(localNode(v), localNode(target));
    }
    if (isKnownId(rule.fallbackRuleId)) {
      const target = targetOf(rule.fallbackRuleId);
      addEdge(localNode(v), target);
      if (target.startsWith("R")) discover(rule.fallbackRuleId, localNode(v), v);
    }
  });

  for (let depth = 1; depth <= maxDepth && frontier.length > 0; depth++) {
    const level = frontier;
    frontier = [];
    const results = await Promise.all(level.map(fetchOnce));
    level.forEach((id, i) => {
      const remote = results[i] ?? null;
      fetched.set(id, remote);
      if (remote === null || !isKnownId(remote.fallbackRuleId)) return;
      const from = remoteNode(id);
      const target = targetOf(remote.fallbackRuleId);
      addEdge(from, target);
      if (target.startsWith("R")) discover(remote.fallbackRuleId, from, origin.get(from)!);
    });
  }

  const label = (node: string): string => {
    if (node.startsWith("L")) return index.rules[Number(node.slice(1))]!.key;
    const id = node.slice(1);
    const remote = fetched.get(id);
    return remote ? `${remote.name} (${id})` : id;
  };
  /** The program rule, then remote rules, leading to `node` (inclusive), as labels. */
  const chainTo = (node: string): string[] => {
    const chain: string[] = [];
    for (let current: string | undefined = node; current !== undefined; current = parent.get(current)) {
      chain.push(label(current));
    }
    return chain.reverse();
  };
  const keyOf = (programIndex: number): string => index.rules[programIndex]!.key;
  const fieldOf = (from: string, to: string): string => {
    const rule = index.rules[Number(from.slice(1))]!;
    return typeof rule.fallback === "string" && localNode(index.indexByKey.get(rule.fallback) ?? -1) === to ? "fallback" : "fallbackRuleId";
  };

  const cycleFindings = remoteCycleFindings(
    [...discoveryOrder.keys()],
    (node) => successors.get(node) ?? [],
    (node) => discoveryOrder.get(node),
  ).map(({ cycle, programStart }): { order: number; finding: Finding } => {
    const path = cycle.map(label).join(" -> ");
    if (programStart) {
      const v = Number(cycle[0]!.slice(1));
      return {
        order: v,
        finding: {
          key: keyOf(v),
          field: fieldOf(cycle[0]!, cycle[1]!),
          reason: `fallback cycle through rules outside this stack: ${path}`,
          code: "remote_fallback_cycle",
        },
      };
    }
    const entry = cycle[0]!;
    const v = origin.get(entry)!;
    const lead = chainTo(parent.get(entry)!).join(" -> ");
    return {
      order: v,
      finding: {
        key: keyOf(v),
        field: "fallbackRuleId",
        reason: `fallback chain ${lead} -> ${path} loops among rules outside this stack`,
        code: "remote_fallback_cycle",
      },
    };
  });

  const referencesToMissing = new Map<string, string[]>();
  for (const [from, targets] of successors) {
    for (const to of targets) {
      if (!to.startsWith("R") || fetched.get(to.slice(1)) !== null) continue;
      const list = referencesToMissing.get(to);
      if (list) list.push(from);
      else referencesToMissing.set(to, [from]);
    }
  }
  const missingFindings: Array<{ order: number; finding: Finding }> = [];
  const reported = new Set<string>();
  for (const [node, referrers] of referencesToMissing) {
    const id = node.slice(1);
    for (const from of referrers) {
      const v = from.startsWith("L") ? Number(from.slice(1)) : origin.get(from)!;
      if (reported.has(`${v}\u0000${id}`)) continue;
      reported.add(`${v}\u0000${id}`);
      const reason = from.startsWith("L")
        ? `fallbackRuleId ${JSON.stringify(id)} names no routing rule in CXone`
        : `fallback chain ${chainTo(from).join(" -> ")} -> ${id} ends at rule id ${JSON.stringify(id)}, which does not exist in CXone`;
      missingFindings.push({ order: v, finding: { key: keyOf(v), field: "fallbackRuleId", reason, code: "remote_fallback_missing" } });
    }
  }

  const byProgramOrder = (a: { order: number }, b: { order: number }): number => a.order - b.order;
  return [...cycleFindings.sort(byProgramOrder), ...missingFindings.sort(byProgramOrder)].map((entry) => entry.finding);
}

/**
 * Cyclic components of the combined graph that contain at least one remote rule. Every such
 * component is reachable from a remote rule, so only the part reachable from remote rules is
 * searched. Each yields one cycle through its earliest-discovered remote rule, rotated to start
 * at its first program rule when it passes one (`programStart`); otherwise it starts at that
 * remote rule, which is where the chain from the program enters the loop.
 */
function remoteCycleFindings(
  remoteNodes: readonly string[],
  successors: (node: string) => readonly string[],
  discoveryOrder: (node: string) => number | undefined,
): Array<{ cycle: string[]; programStart: boolean }> {
  const reachable = new Set<string>(remoteNodes);
  const stack = [...remoteNodes];
  while (stack.length > 0) {
    for (const w of successors(stack.pop()!)) {
      if (!reachable.has(w)) {
        reachable.add(w);
        stack.push(w);
      }
    }
  }
  const isRemote = (node: string): boolean => node.startsWith("R");
  return findCyclicComponents([...reachable], successors)
    .filter((component) => component.some(isRemote))
    .map((component) => {
      const anchor = component.filter(isRemote).reduce((a, b) => ((discoveryOrder(a) ?? 0) <= (discoveryOrder(b) ?? 0) ? a : b));
      const cycle = shortestCycleThrough(anchor, new Set(component), successors);
      const locals = cycle.slice(0, -1).filter((node) => !isRemote(node));
      if (locals.length === 0) return { cycle, programStart: false };
      const first = locals.reduce((a, b) => (Number(a.slice(1)) <= Number(b.slice(1)) ? a : b));
      const open = cycle.slice(0, -1);
      const at = open.indexOf(first);
      const rotated = [...open.slice(at), ...open.slice(0, at)];
      return { cycle: [...rotated, first], programStart: true };
    });
}
