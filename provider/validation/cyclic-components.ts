import { Graph, alg } from "@dagrejs/graphlib";

/**
 * Strongly connected components that contain a cycle (several nodes, or one node with a
 * self-loop), found with graphlib's `alg.findCycles` (Tarjan).
 *
 * graphlib's Tarjan is recursive and overflows the stack on a component of a few thousand
 * nodes; in that case the same algorithm runs again with an explicit stack. Node names must
 * not collide with Object members ("constructor"...) because graphlib stores nodes in plain
 * objects; callers use prefixed names such as `n12`.
 *
 * @param nodes - node names, in the order ties should be broken.
 * @param successors - outgoing neighbours of a node; names outside `nodes` are ignored.
 */
export function findCyclicComponents(nodes: readonly string[], successors: (node: string) => readonly string[]): string[][] {
  const members = new Set(nodes);
  const g = new Graph({ directed: true });
  for (const v of nodes) g.setNode(v);
  for (const v of nodes) for (const w of successors(v)) if (members.has(w)) g.setEdge(v, w);
  try {
    return alg.findCycles(g);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return iterativeCyclicComponents(nodes, (v) => successors(v).filter((w) => members.has(w)));
  }
}

/** Tarjan's algorithm with an explicit stack; same components as graphlib's `findCycles`. */
function iterativeCyclicComponents(nodes: readonly string[], successors: (node: string) => readonly string[]): string[][] {
  const order = new Map<string, number>();
  const lowLink = new Map<string, number>();
  const onStack = new Set<string>();
  const componentStack: string[] = [];
  const components: string[][] = [];
  let counter = 0;
  for (const root of nodes) {
    if (order.has(root)) continue;
    const callStack: Array<{ v: string; next: readonly string[]; position: number }> = [];
    const enter = (v: string): void => {
      order.set(v, counter);
      lowLink.set(v, counter++);
      componentStack.push(v);
      onStack.add(v);
      callStack.push({ v, next: successors(v), position: 0 });
    };
    enter(root);
    while (callStack.length > 0) {
      const frame = callStack[callStack.length - 1]!;
      if (frame.position < frame.next.length) {
        const w = frame.next[frame.position++]!;
        if (!order.has(w)) enter(w);
        else if (onStack.has(w)) lowLink.set(frame.v, Math.min(lowLink.get(frame.v)!, order.get(w)!));
        continue;
      }
      callStack.pop();
      const parent = callStack[callStack.length - 1];
      if (parent) lowLink.set(parent.v, Math.min(lowLink.get(parent.v)!, lowLink.get(frame.v)!));
      if (lowLink.get(frame.v) !== order.get(frame.v)) continue;
      const component: string[] = [];
      let w: string;
      do {
        w = componentStack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== frame.v);
      if (component.length > 1 || successors(frame.v).includes(frame.v)) components.push(component);
    }
  }
  return components;
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
