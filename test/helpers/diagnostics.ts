/**
 * The "Diagnostics:" section of what a pulumi command printed: where the engine reports each
 * error once. (In --non-interactive mode the progress lines above it repeat a failing resource's
 * error on its status lines; that display is the engine's own.)
 */
export function diagnosticsSection(printed: string): string {
  const start = printed.indexOf("\nDiagnostics:\n");
  if (start < 0) return "";
  const rest = printed.slice(start);
  const end = rest.search(/\n(Resources|Outputs|Duration):/);
  return end < 0 ? rest : rest.slice(0, end);
}

/** How many times `text` occurs in `within`. */
export function occurrences(within: string, text: string): number {
  return within.split(text).length - 1;
}
