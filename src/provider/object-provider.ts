import type * as dynamic from "@pulumi/pulumi/dynamic";
import type { ObjectKind } from "../kinds/object-kind";
import { check } from "./operations/check";
import { create } from "./operations/create";
import { remove } from "./operations/delete";
import { diff } from "./operations/diff";
import { operationOf, type Props } from "./operations/operation";
import { read } from "./operations/read";
import { update } from "./operations/update";
import type { RunContext } from "./run-context";

export type ObjectProvider = Required<Omit<dynamic.ResourceProvider, "configure">>;

/**
 * The dynamic provider of one object kind: each method is one module of operations/, run against
 * the current run context (made by `configure`). Every write sends If-Match (write-safety/), so an
 * edit made outside Pulumi is refused by the server instead of silently overwritten.
 */
export function createObjectProvider<F extends Props, W extends { name: string }, S extends { id: string }>(
  kind: ObjectKind<F, W, S>,
  currentRun: () => RunContext,
): ObjectProvider {
  const op = () => operationOf(kind as never, currentRun());
  return {
    check: (olds, news) => check(op(), olds, news),
    diff: (id, olds, news) => diff(op(), id, olds, news),
    create: (inputs) => create(op(), inputs),
    read: (id, props = {}) => read(op(), id, props),
    update: (id, olds, news) => update(op(), id, olds, news),
    delete: (id, props) => remove(op(), id, props),
  };
}
