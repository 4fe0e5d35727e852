/**
 * Expected failures (a refusal, a conflict, a collision, a failed analysis) print as ONE block:
 * the message, which says what, which resource and field, why, and the fix. No stack trace.
 *
 * The dynamic-provider host (@pulumi/pulumi/cmd/dynamic-provider/index.js) reports a failed
 * check/diff/read/delete with `console.error(`${e}: ${e.stack}`)` before answering the gRPC call
 * with `e.message`, and a failed create/update with `e.message` alone. With `toString()` reduced
 * to "Name [code]" and `stack` set to the message, that line reads `Name [code]: <message>`:
 * the message once, without frames.
 */
export function quietStack(error: Error & { readonly code?: string }): void {
  // The SDK prefixes `error serializing property "name": ` to the message of an error that fails
  // an input, once per resource it fails; one analysis error fails every rule. The message is
  // already the whole report, so it stays as written.
  const message = error.message;
  Object.defineProperty(error, "message", { get: () => message, set: () => undefined, configurable: true, enumerable: false });
  Object.defineProperty(error, "stack", { value: error.message, writable: true, configurable: true, enumerable: false });
  Object.defineProperty(error, "toString", {
    value: () => `${error.name} [${error.code ?? "error"}]`,
    writable: true,
    configurable: true,
    enumerable: false,
  });
}
