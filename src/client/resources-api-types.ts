/** The types of the generic CRUD API of one collection (resources-api.ts). */
import type { ApiResponse } from "./request";
import type { ListPage } from "./wire-types";

export interface ListParams {
  readonly skip?: number;
  /** 1..100; the server default is 100. */
  readonly top?: number;
  /** Exact name filter (names are unique per tenant). */
  readonly name?: string;
}

export interface CreateOptions {
  /**
   * Sent as Idempotency-Key on every attempt. Pass a deterministic key (e.g. derived from the
   * Pulumi URN and inputs) so that even a re-run of a crashed `pulumi up` cannot create twice.
   */
  readonly idempotencyKey?: string;
}

/** One object of a snapshot with the ETag the list gave for it (undefined when the list had none). */
export interface SnapshotEntry<TObject> {
  readonly object: TObject;
  readonly etag: string | undefined;
}

/** The whole collection as read by one paged listing. */
export interface CollectionSnapshot<TObject> {
  readonly items: ReadonlyMap<string, SnapshotEntry<TObject>>;
  /** Every listed item carried an ETag. False on tenants whose list has none: use GET per object then. */
  readonly carriesETags: boolean;
  /** List requests it took (ceil(N/100), at least 1). */
  readonly pages: number;
  /** Date.now() when the listing started. */
  readonly takenAt: number;
}

export interface ResourcesApiOptions {
  /** How long snapshot() reuses a listing. Default 60000; writes through this API discard it at once. */
  readonly snapshotTtlMs?: number;
  /** Clock for the TTL (tests). */
  readonly now?: () => number;
}

/** Generic CRUD for one collection path with ETag / If-Match semantics. */
export interface ResourcesApi<TInput extends { name: string }, TObject extends { id: string }> {
  readonly collectionPath: string;
  /**
   * The whole collection in pages of 100 (the most the server allows per page), as a map
   * id -> {object, etag}, cached for this client: reused for snapshotTtlMs, discarded by every
   * create/replace/remove through this API (and by invalidateSnapshot()). Concurrent callers share
   * one listing.
   *
   * How the resource layer should use it for `pulumi refresh` (issue 16): answer read(id) from the
   * snapshot when the entry exists and has an etag (object + etag are exactly what GET would have
   * returned when the list was taken); fall back to get(id) for ids the snapshot does not hold (a
   * 404 there still means "gone", and an object created after the listing is found) and for every
   * id when `carriesETags` is false. Refreshing N objects then costs ceil(N/100) list calls plus one
   * token request, instead of N GETs (500 rules at 100/min: 5 calls instead of 5 minutes).
   */
  snapshot(): Promise<CollectionSnapshot<TObject>>;
  /** Forget the cached snapshot (e.g. after writes that did not go through this API object). */
  invalidateSnapshot(): void;
  list(params?: ListParams): Promise<ApiResponse<ListPage<TObject>>>;
  /** Every object, following skip/top pages. */
  listAll(params?: Pick<ListParams, "name">): Promise<TObject[]>;
  get(id: string): Promise<ApiResponse<TObject>>;
  /** The object with this exact name, with its ETag, or undefined. */
  findByName(name: string): Promise<ApiResponse<TObject> | undefined>;
  /** POST. After a lost response the create is looked up by name before anything is re-sent; never duplicates. */
  create(body: TInput, options?: CreateOptions): Promise<ApiResponse<TObject>>;
  /** PUT with If-Match (full replacement). */
  replace(id: string, body: TInput, ifMatch: string): Promise<ApiResponse<TObject>>;
  /** DELETE with If-Match. */
  remove(id: string, ifMatch: string): Promise<{ status: number; correlationId: string | undefined; attempts: number }>;
}
