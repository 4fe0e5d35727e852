/** A served representation with the ETag of its current version. */
export interface Versioned<V> {
  view: V;
  etag: string;
}

/**
 * The CRUD contract rules and webhooks share. Every method commits synchronously (no await
 * between a precondition check and the write) and throws ApiError for refusals.
 */
export interface ResourceService<V extends { id: string; name: string }> {
  /** "rule" or "webhook", used in messages. */
  readonly kind: string;
  list(): Versioned<V>[];
  find(id: string): Versioned<V> | undefined;
  create(body: unknown): Versioned<V>;
  replace(id: string, body: unknown, ifMatch: string | undefined): Versioned<V>;
  remove(id: string, ifMatch: string | undefined): void;
}

export function isoTime(epochMs: number): string {
  return new Date(epochMs).toISOString();
}
