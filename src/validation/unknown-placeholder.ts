/**
 * The string Pulumi substitutes for an output whose value is not known yet (during preview,
 * e.g. the id of a resource that will only be created by this update).
 */
export const UNKNOWN_PLACEHOLDER = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/**
 * Whether `value` is Pulumi's placeholder for a value that is not known yet.
 *
 * Checks that need the real value (self-reference, duplicates, URL scheme...) are skipped for
 * such values; they run again once Pulumi knows the value.
 */
export function isUnknownPlaceholder(value: unknown): boolean {
  return value === UNKNOWN_PLACEHOLDER;
}
