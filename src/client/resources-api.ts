import { storedMatchesSent } from "./body-match";
import { ForbiddenError } from "./errors/forbidden-error";
import { NotFoundError } from "./errors/not-found-error";
import { UnguardedWriteError } from "./errors/unguarded-write-error";
import type { ApiResponse, RequestFunction } from "./request";
import type { z } from "zod";
import { listPageSchema } from "./wire-schemas";
import type { ListPage } from "./wire-types";
import type { CollectionSnapshot, ResourcesApi, ResourcesApiOptions, SnapshotEntry } from "./resources-api-types";

export type {
  ListParams,
  CreateOptions,
  SnapshotEntry,
  CollectionSnapshot,
  ResourcesApiOptions,
  ResourcesApi,
} from "./resources-api-types";

const PAGE_SIZE = 100;
/** Guards against a server whose `total` never stops growing. */
const MAX_PAGES = 10_000;

export function createResourcesApi<TInput extends { name: string }, TObject extends { id: string }>(
  request: RequestFunction,
  collectionPath: string,
  /** Zod schema of one object as served (wire-types.ts); every reply is checked against it. */
  /** The zod schema of one object (wire-schemas.ts); typed loosely so no public .d.ts names zod. */
  schemaArg: object,
  options: ResourcesApiOptions = {},
): ResourcesApi<TInput, TObject> {
  const schema = schemaArg as z.ZodType;
  const pageSchema = listPageSchema(schema);
  const snapshotTtlMs = options.snapshotTtlMs ?? 60_000;
  const now = options.now ?? Date.now;
  let cached: CollectionSnapshot<TObject> | undefined;
  let listing: Promise<CollectionSnapshot<TObject>> | undefined;
  // Bumped by every write: a listing that started before a write is returned but not kept.
  let writes = 0;
  const afterWrite = <R>(write: Promise<R>): Promise<R> => {
    const forget = () => {
      writes++;
      cached = undefined;
      listing = undefined;
    };
    return write.then(
      (value) => {
        forget();
        return value;
      },
      (error: unknown) => {
        // A failed write may still have been applied (lost response, unusable reply).
        forget();
        throw error;
      },
    );
  };

  const listPageRaw = (skip: number) =>
    request<ListPage<TObject & { etag?: string }>>({
      method: "GET",
      path: collectionPath,
      pathTemplate: collectionPath,
      query: { skip, top: PAGE_SIZE },
      expect: { schema: pageSchema },
    });

  const takeSnapshot = async (): Promise<CollectionSnapshot<TObject>> => {
    const takenAt = now();
    const startedAfterWrites = writes;
    const items = new Map<string, SnapshotEntry<TObject>>();
    let carriesETags = true;
    let seen = 0;
    let pages = 0;
    for (; pages < MAX_PAGES; ) {
      const { body } = await listPageRaw(seen);
      pages++;
      for (const item of body.items) {
        const { etag, ...object } = item;
        if (etag === undefined) carriesETags = false;
        // Objects created or deleted between pages shift the offsets: a duplicate is harmless here,
        // a missed object is fetched by get(id) (the documented fallback for ids not held).
        items.set(object.id, { object: object as unknown as TObject, etag });
      }
      seen += body.items.length;
      if (body.items.length === 0 || seen >= body.total) break;
    }
    const snapshot: CollectionSnapshot<TObject> = { items, carriesETags, pages, takenAt };
    if (writes === startedAfterWrites) cached = snapshot;
    return snapshot;
  };
  // A write-only secret in the body (webhook secret) must never come back in a message or event.
  const secretsOf = (body: TInput): string[] => {
    const secret = (body as { secret?: unknown }).secret;
    return typeof secret === "string" ? [secret] : [];
  };
  const itemPath = (id: string) => `${collectionPath}/${encodeURIComponent(id)}`;
  const itemTemplate = `${collectionPath}/{id}`;

  const api: ResourcesApi<TInput, TObject> = {
    collectionPath,

    snapshot() {
      if (cached && now() - cached.takenAt < snapshotTtlMs) return Promise.resolve(cached);
      listing ??= takeSnapshot().finally(() => {
        listing = undefined;
      });
      return listing;
    },

    invalidateSnapshot() {
      cached = undefined;
      listing = undefined;
    },

    async list(params = {}) {
      const response = await request<ListPage<TObject & { etag?: string }>>({
        method: "GET",
        path: collectionPath,
        pathTemplate: collectionPath,
        query: { skip: params.skip, top: params.top, name: params.name },
        expect: { schema: pageSchema },
      });
      // List items may carry their etag (snapshot() uses it); list() keeps returning plain objects.
      const items = response.body.items.map(({ etag: _etag, ...object }) => object as unknown as TObject);
      return { ...response, body: { ...response.body, items } };
    },

    async listAll(params = {}) {
      const items: TObject[] = [];
      for (let page = 0; page < MAX_PAGES; page++) {
        const { body } = await api.list({ skip: items.length, top: PAGE_SIZE, name: params.name });
        items.push(...body.items);
        if (body.items.length === 0 || items.length >= body.total) return items;
      }
      return items;
    },

    get(id) {
      return request<TObject>({
        method: "GET",
        path: itemPath(id),
        pathTemplate: itemTemplate,
        expect: { schema, etag: true, objectId: id },
      });
    },

    async findByName(name) {
      const { body } = await api.list({ name, top: PAGE_SIZE });
      const match = body.items.find((item) => (item as unknown as { name?: unknown }).name === name);
      if (!match) return undefined;
      try {
        // List items carry no ETag; the item endpoint does.
        return await api.get(match.id);
      } catch (error) {
        if (error instanceof NotFoundError) return undefined;
        throw error;
      }
    },

    create(body, options = {}) {
      return afterWrite(
        request<TObject>({
          method: "POST",
          path: collectionPath,
          pathTemplate: collectionPath,
          body,
          idempotencyKey: options.idempotencyKey,
          expect: { schema, etag: true, objectName: body.name },
          secrets: secretsOf(body),
          recovery: {
            async beforeResend() {
              let existing: ApiResponse<TObject> | undefined;
              try {
                existing = await api.findByName(body.name);
              } catch (error) {
                // Without read scope the lookup is impossible; the same Idempotency-Key still prevents a duplicate.
                if (error instanceof ForbiddenError) return undefined;
                throw error;
              }
              if (existing && storedMatchesSent(body, existing.body)) return { ...existing, status: 201 };
              // Not there, or an object of that name we cannot prove is ours: re-send with the same
              // Idempotency-Key; the server replays our first answer or reports the name conflict.
              return undefined;
            },
          },
        }),
      );
    },

    replace(id, body, ifMatch) {
      if (!ifMatch) return Promise.reject(new UnguardedWriteError("PUT", itemPath(id)));
      return afterWrite(
        request<TObject>({
          method: "PUT",
          path: itemPath(id),
          pathTemplate: itemTemplate,
          body,
          ifMatch,
          expect: { schema, etag: true, objectId: id, objectName: body.name },
          secrets: secretsOf(body),
          recovery: {
            async afterRefusedResend(status) {
              if (status !== 412) return undefined;
              // Our earlier attempt may be what changed the ETag: if the stored object is what we sent, it was.
              try {
                const current = await api.get(id);
                return storedMatchesSent(body, current.body) ? current : undefined;
              } catch (error) {
                if (error instanceof NotFoundError) return undefined;
                throw error;
              }
            },
          },
        }),
      );
    },

    async remove(id, ifMatch) {
      if (!ifMatch) throw new UnguardedWriteError("DELETE", itemPath(id));
      const response = await afterWrite(
        request<unknown>({
          method: "DELETE",
          path: itemPath(id),
          pathTemplate: itemTemplate,
          ifMatch,
          recovery: {
            // The earlier attempt deleted it; the resend finding nothing is the expected outcome.
            afterRefusedResend: async (status) =>
              status === 404
                ? { status: 204, body: undefined, etag: undefined, correlationId: undefined, headers: {}, attempts: 0 }
                : undefined,
          },
        }),
      );
      return { status: response.status, correlationId: response.correlationId, attempts: response.attempts };
    },
  };
  return api;
}
