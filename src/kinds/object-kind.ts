import type { CheckFailure } from "../validation";
import type { CxoneClient, ResourcesApi } from "../client";

/**
 * What a kind's mapping needs to know of the stack it serves: the owner tag that goes into every
 * name on the wire, the configured condition limit, and (in the provider) how to look up a rule's
 * name by id. Passed explicitly by each process (provider run context, program, CLI): a kind holds
 * no state of its own.
 */
export interface KindScope {
  /** This stack's `cxone:owner` (see settings/ownership.ts); undefined without one. */
  readonly owner?: string | undefined;
  /** `cxone:maxConditions`, when set. */
  readonly maxConditions?: number | undefined;
  /** The name of the rule with this id, for display fields; undefined when unknown. */
  readonly ruleName?: (id: string) => Promise<string | undefined>;
}

/**
 * What differs between the resource kinds; everything else (CRUD, If-Match, audit, diff) is
 * shared by the provider's operations (src/provider/operations).
 */
export interface ObjectKind<Fields extends Record<string, unknown>, Wire extends { name: string }, ServerObject extends { id: string }> {
  /** "RoutingRule" or "Webhook": used in messages and the audit log. */
  readonly kind: string;
  api(client: CxoneClient): ResourcesApi<Wire, ServerObject>;
  /** Validates and normalizes the domain fields of the inputs. */
  validate(raw: Record<string, unknown>, scope?: KindScope): { ok: true; value: Fields } | { ok: false; failures: CheckFailure[] };
  /** The domain fields the resource owns, as they appear in inputs and outputs. */
  readonly fields: readonly string[];
  /** Fields whose lists compare as sets: reordering is not a change. */
  readonly setFields: readonly string[];
  /** Write-only fields: sent, never returned by the server, so state keeps the input value. */
  readonly writeOnlyFields: readonly string[];
  /** Secret inputs: never printed in a failure or message (see provider/check-inputs.ts). */
  readonly secretFields: readonly string[];
  /**
   * Display-only inputs (never sent to the API, never a change on their own): values that make the
   * engine's input diff readable, such as `fallbackRuleName` next to `fallbackRuleId`.
   */
  readonly displayFields: readonly string[];
  /** Fills display fields the program (or, for read, the state: `known`) did not give, from the tenant. */
  display(fields: Record<string, unknown>, known: Record<string, unknown> | undefined, scope: KindScope): Promise<Record<string, unknown>>;
  /** Other objects may point at objects of this kind (a rule's fallback): a delete checks them first. */
  readonly hasDependents: boolean;
  toWire(fields: Fields, scope?: KindScope): Wire;
  /** The server's object as normalized domain fields (the shape validate() returns). */
  fromServer(object: ServerObject, scope?: KindScope): Record<string, unknown>;
  /** Server fields kept in the outputs next to `etag`. */
  serverFields(object: ServerObject): Record<string, unknown>;
}

/** Any object kind, for helpers that do not depend on its field types. */
// biome-ignore lint/suspicious/noExplicitAny: the kinds' own types vary by resource
export type AnyObjectKind = ObjectKind<any, any, any>;
