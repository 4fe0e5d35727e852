import type { FieldError } from "../validation/field-error";

/**
 * A request the simulator refuses, carrying everything needed to render the platform's error
 * envelope. Thrown by services so HTTP routes and the in-process admin share one failure path.
 */
export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly errors: FieldError[];
  readonly headers: Record<string, string>;
  readonly extraBody: Record<string, unknown>;

  constructor(
    status: number,
    code: string,
    message: string,
    details: { errors?: FieldError[]; headers?: Record<string, string>; extraBody?: Record<string, unknown> } = {},
  ) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.errors = details.errors ?? [{ field: null, message, errorCode: code }];
    this.headers = details.headers ?? {};
    this.extraBody = details.extraBody ?? {};
  }

  /** The JSON error body the API answers with. */
  body(): Record<string, unknown> {
    return { errors: this.errors, ...this.extraBody };
  }
}

export function notFound(kind: string, id: string): ApiError {
  return new ApiError(404, "not_found", `${kind} ${id} not found`);
}
