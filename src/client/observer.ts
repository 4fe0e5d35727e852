/** Which endpoint family a request went to; only "api" requests count against the rate limit. */
export type RequestKind = "api" | "token" | "discovery";

/**
 * What became of one HTTP attempt:
 * - success: 2xx, returned to the caller
 * - retry: 429 / 5xx / connection error, will be sent again after a delay
 * - refresh-token: 401, the token is refreshed and the request sent once more
 * - reconcile: a resend was refused (412/404) after an earlier attempt of the same write lost its
 *   response; the client checks whether that earlier attempt was applied
 * - error: the caller gets a typed error (includes 4xx such as 404 or 412)
 */
export type RequestOutcome = "success" | "retry" | "refresh-token" | "reconcile" | "error";

export interface RequestEvent {
  readonly kind: RequestKind;
  readonly method: string;
  /** Path with ids replaced by {id} and without the query, for grouping. */
  readonly pathTemplate: string;
  /** Path as sent, with the query. */
  readonly path: string;
  /** HTTP status, or 0 when no response arrived. */
  readonly status: number;
  readonly latencyMs: number;
  /** 1 for the first send of a logical request. */
  readonly attempt: number;
  readonly correlationId: string | undefined;
  readonly outcome: RequestOutcome;
  /** Socket-level code for status 0 (e.g. ECONNRESET). */
  readonly transportCode?: string;
}

export type RequestObserver = (event: RequestEvent) => void;

export interface ObserverHub {
  add(observer: RequestObserver): () => void;
  emit(event: RequestEvent): void;
}

export function createObserverHub(): ObserverHub {
  const observers = new Set<RequestObserver>();
  return {
    add(observer) {
      observers.add(observer);
      return () => observers.delete(observer);
    },
    emit(event) {
      for (const observer of observers) {
        // An audit sink that throws must not turn a successful write into a failed one.
        try {
          observer(event);
        } catch {
          /* ignored on purpose */
        }
      }
    },
  };
}
