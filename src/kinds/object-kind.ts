import type { CheckFailure } from "../validation";
import type { CxoneClient, ResourcesApi } from "../client";

/**
 * What differs between the resource kinds; everything else (CRUD, If-Match, audit, diff) is
 * shared by createObjectProvider.
 */
export interface ObjectKind<Fields extends Record<string, unknown>, Wire extends { name: string }, ServerObject extends { id: string }> {
  /** "RoutingRule" or "Webhook": used in messages and the audit log. */
  readonly kind: string;
  api(client: CxoneClient): ResourcesApi<Wire, ServerObject>;
  /** Validates and normalizes the domain fields of the inputs. */
  validate(raw: Record<string, unknown>): { ok: true; value: Fields } | { ok: false; failures: CheckFailure[] };
  /** The domain fields the resource owns, as they appear in inputs and outputs. */
  readonly fields: readonly string[];
  /** Fields whose lists compare as sets: reordering is not a change. */
  readonly setFields: readonly string[];
  /** Write-only fields: sent, never returned by the server, so state keeps the input value. */
  readonly writeOnlyFields: readonly string[];
  /** Secret inputs: never printed in a failure or message (see check-inputs.ts). */
  readonly secretFields: readonly string[];
  /**
   * Display-only inputs (never sent to the API, never a change on their own): values that make the
   * engine's input diff readable, such as `fallbackRuleName` next to `fallbackRuleId`.
   */
  readonly displayFields: readonly string[];
  /** Fills display fields the program (or, for read, the state: `known`) did not give, from the tenant. */
  display(fields: Record<string, unknown>, known?: Record<string, unknown>): Promise<Record<string, unknown>>;
  /** Refuses a delete that would break objects outside the stack (before anything is sent). */
  beforeDelete?(client: CxoneClient, id: string, name: string): Promise<void>;
  toWire(fields: Fields): Wire;
  /** The server's object as normalized domain fields (the shape validate() returns). */
  fromServer(object: ServerObject): Record<string, unknown>;
  /** Server fields kept in the outputs next to `etag`. */
  serverFields(object: ServerObject): Record<string, unknown>;
}

/** Any object kind, for helpers that do not depend on its field types. */
// biome-ignore lint/suspicious/noExplicitAny: the kinds' own types vary by resource
export type AnyObjectKind = ObjectKind<any, any, any>;
