import type { Reply } from "../http/reply";

const RETENTION_MS = 24 * 60 * 60 * 1000;

export interface IdempotencyRecord {
  /** Scope: client id, collection path and the client's key. */
  clientId: string;
  path: string;
  key: string;
  storedAt: number;
  reply: { status: number; body?: unknown; headers: Record<string, string> };
}

export interface IdempotencyStore {
  find(clientId: string, path: string, key: string): IdempotencyRecord | undefined;
  remember(clientId: string, path: string, key: string, reply: Reply): void;
  records(): IdempotencyRecord[];
  load(records: IdempotencyRecord[]): void;
  clear(): void;
}

/** Remembers the first successful response per (client id, collection, Idempotency-Key) for 24 h. */
export function createIdempotencyStore(now: () => number): IdempotencyStore {
  const byScope = new Map<string, IdempotencyRecord>();
  const scopeOf = (clientId: string, path: string, key: string): string => JSON.stringify([clientId, path, key]);
  const prune = (): void => {
    const cutoff = now() - RETENTION_MS;
    for (const [scope, record] of byScope) if (record.storedAt <= cutoff) byScope.delete(scope);
  };
  return {
    find(clientId, path, key) {
      prune();
      return byScope.get(scopeOf(clientId, path, key));
    },
    remember(clientId, path, key, reply) {
      byScope.set(scopeOf(clientId, path, key), {
        clientId,
        path,
        key,
        storedAt: now(),
        reply: { status: reply.status, body: reply.body, headers: { ...reply.headers } },
      });
    },
    records() {
      prune();
      return [...byScope.values()];
    },
    load(records) {
      for (const record of records) byScope.set(scopeOf(record.clientId, record.path, record.key), record);
      prune();
    },
    clear: () => byScope.clear(),
  };
}
