/** Thrown when the command line names a benchmark that is not registered in `entries.ts`. */
export class UnknownBenchmarkError extends Error {
  readonly code = "unknown_benchmark";

  constructor(
    readonly unknownNames: readonly string[],
    readonly knownNames: readonly string[],
  ) {
    super(`unknown benchmark(s): ${unknownNames.join(", ")}; known: ${knownNames.join(", ") || "(none)"}`);
    this.name = "UnknownBenchmarkError";
  }
}
