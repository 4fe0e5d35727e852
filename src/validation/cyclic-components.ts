/**
 * Cycle search without recursion: Tarjan's strongly connected components with explicit stacks
 * over typed arrays, and a breadth-first shortest cycle per component. Both are linear in nodes +
 * edges, for a 50,000-rule cycle as for 25,000 two-rule cycles (issue 16: graphlib's recursive
 * Tarjan threw RangeError past a few thousand rules and is no longer used).
 */

/** A directed graph over nodes `0 .. nodeCount-1`, successors in CSR form: those of v are `targets[start[v] .. start[v + 1])`. */
export interface IndexGraph {
  readonly nodeCount: number;
  readonly start: Int32Array;
  readonly targets: Int32Array;
}

/** Builds an {@link IndexGraph} from a successor function (duplicates kept, order kept). */
export function indexGraph(nodeCount: number, successors: (v: number) => readonly number[]): IndexGraph {
  const start = new Int32Array(nodeCount + 1);
  const lists: (readonly number[])[] = new Array(nodeCount);
  for (let v = 0; v < nodeCount; v++) {
    lists[v] = successors(v);
    start[v + 1] = start[v]! + lists[v]!.length;
  }
  const targets = new Int32Array(start[nodeCount]!);
  for (let v = 0; v < nodeCount; v++) targets.set(lists[v]!, start[v]!);
  return { nodeCount, start, targets };
}

function hasSelfLoop(graph: IndexGraph, v: number): boolean {
  for (let i = graph.start[v]!; i < graph.start[v + 1]!; i++) if (graph.targets[i] === v) return true;
  return false;
}

/**
 * Strongly connected components that contain a cycle (several nodes, or one node with a
 * self-loop), each as its node indexes. Iterative Tarjan: O(nodes + edges), no recursion.
 */
export function cyclicComponentsOf(graph: IndexGraph): number[][] {
  const n = graph.nodeCount;
  const { start, targets } = graph;
  const order = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const componentStack = new Int32Array(n);
  const callNode = new Int32Array(n);
  const callEdge = new Int32Array(n);
  const components: number[][] = [];
  let counter = 0;
  let sp = 0;
  for (let root = 0; root < n; root++) {
    if (order[root] !== -1) continue;
    let csp = 0;
    order[root] = low[root] = counter++;
    componentStack[sp++] = root;
    onStack[root] = 1;
    callNode[csp] = root;
    callEdge[csp++] = start[root]!;
    while (csp > 0) {
      const v = callNode[csp - 1]!;
      const edge = callEdge[csp - 1]!;
      if (edge < start[v + 1]!) {
        callEdge[csp - 1] = edge + 1;
        const w = targets[edge]!;
        if (order[w] === -1) {
          order[w] = low[w] = counter++;
          componentStack[sp++] = w;
          onStack[w] = 1;
          callNode[csp] = w;
          callEdge[csp++] = start[w]!;
        } else if (onStack[w] && order[w]! < low[v]!) {
          low[v] = order[w]!;
        }
        continue;
      }
      csp--;
      if (csp > 0) {
        const parent = callNode[csp - 1]!;
        if (low[v]! < low[parent]!) low[parent] = low[v]!;
      }
      if (low[v] !== order[v]) continue;
      const component: number[] = [];
      let w: number;
      do {
        w = componentStack[--sp]!;
        onStack[w] = 0;
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || hasSelfLoop(graph, v)) components.push(component);
    }
  }
  return components;
}

/**
 * For each component (disjoint node sets, e.g. from {@link cyclicComponentsOf}), a shortest cycle
 * through `startOf(component)` that stays inside the component, as `[start, ..., start]`. One
 * breadth-first search per component over its own nodes: linear in nodes + edges overall.
 */
export function shortestCycles(
  graph: IndexGraph,
  components: readonly (readonly number[])[],
  startOf: (component: readonly number[]) => number,
): number[][] {
  const { start, targets } = graph;
  const componentOf = new Int32Array(graph.nodeCount).fill(-1);
  components.forEach((component, c) => {
    for (const v of component) componentOf[v] = c;
  });
  const parent = new Int32Array(graph.nodeCount).fill(-1);
  const seen = new Uint8Array(graph.nodeCount);
  return components.map((component, c) => {
    const first = startOf(component);
    const queue = [first];
    seen[first] = 1;
    try {
      for (let head = 0; head < queue.length; head++) {
        const v = queue[head]!;
        for (let i = start[v]!; i < start[v + 1]!; i++) {
          const w = targets[i]!;
          if (w === first) {
            const between: number[] = [];
            for (let u = v; u !== first; u = parent[u]!) between.push(u);
            return [first, ...between.reverse(), first];
          }
          if (componentOf[w] === c && !seen[w]) {
            seen[w] = 1;
            parent[w] = v;
            queue.push(w);
          }
        }
      }
      return [first, first]; // not reached for a cyclic component
    } finally {
      for (const v of queue) seen[v] = 0;
    }
  });
}

/**
 * {@link cyclicComponentsOf} over named nodes (the remote-fallback graph): `successors` names
 * outside `nodes` are ignored. Names are Map keys, so any string is safe.
 */
export function findCyclicComponents(nodes: readonly string[], successors: (node: string) => readonly string[]): string[][] {
  const indexOf = new Map(nodes.map((node, i) => [node, i]));
  const graph = indexGraph(nodes.length, (v) =>
    successors(nodes[v]!)
      .map((w) => indexOf.get(w))
      .filter((w): w is number => w !== undefined),
  );
  return cyclicComponentsOf(graph).map((component) => component.map((v) => nodes[v]!));
}

/**
 * A shortest cycle through `start` that stays inside `component`, found by breadth-first
 * search, as `[start, ..., start]`. Every node of a cyclic component lies on such a cycle.
 */
export function shortestCycleThrough<T>(start: T, component: ReadonlySet<T>, successors: (node: T) => readonly T[]): T[] {
  const parent = new Map<T, T>();
  const queue: T[] = [start];
  const seen = new Set<T>([start]);
  for (let head = 0; head < queue.length; head++) {
    const v = queue[head]!;
    for (const w of successors(v)) {
      if (w === start) {
        const between: T[] = [];
        for (let u = v; u !== start; u = parent.get(u)!) between.push(u);
        return [start, ...between.reverse(), start];
      }
      if (component.has(w) && !seen.has(w)) {
        seen.add(w);
        parent.set(w, v);
        queue.push(w);
      }
    }
  }
  return [start, start]; // not reached for a cyclic component
}
