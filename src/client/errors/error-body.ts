import type { FieldError } from "./validation-error";

/** The two error shapes CXone uses: API `{errors:[...]}` and OAuth `{error, error_description}`. */
export interface ParsedErrorBody {
  readonly fieldErrors: FieldError[];
  readonly oauthError: string | undefined;
  readonly oauthDescription: string | undefined;
  readonly currentETag: string | undefined;
}

export function parseErrorBody(body: unknown): ParsedErrorBody {
  const record = isRecord(body) ? body : {};
  const rawErrors = Array.isArray(record.errors) ? record.errors : [];
  const fieldErrors: FieldError[] = rawErrors.filter(isRecord).map((entry) => ({
    field: typeof entry.field === "string" ? entry.field : null,
    message: typeof entry.message === "string" ? entry.message : "",
    errorCode: typeof entry.errorCode === "string" ? entry.errorCode : "",
  }));
  return {
    fieldErrors,
    oauthError: typeof record.error === "string" ? record.error : undefined,
    oauthDescription: typeof record.error_description === "string" ? record.error_description : undefined,
    currentETag: typeof record.currentETag === "string" ? record.currentETag : undefined,
  };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Reads `scope="a b"` from `WWW-Authenticate: Bearer error="insufficient_scope", scope="..."`. */
export function scopeFromWwwAuthenticate(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const match = /\bscope="([^"]*)"/i.exec(header) ?? /\bscope=([^\s,]+)/i.exec(header);
  return match?.[1] || undefined;
}

/** Reads the scope out of a message such as "token lacks scope routing:rules:write". */
export function scopeFromMessage(message: string): string | undefined {
  const match = /\bscope[:\s]+["']?([A-Za-z0-9_.:-]+:[A-Za-z0-9_.:-]+)/i.exec(message);
  return match?.[1];
}
