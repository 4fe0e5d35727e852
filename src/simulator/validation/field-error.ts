/** One entry of the platform's error envelope `{errors: [{field, message, errorCode}]}`. */
export interface FieldError {
  field: string | null;
  message: string;
  errorCode: string;
}

export type ValidationResult<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };
