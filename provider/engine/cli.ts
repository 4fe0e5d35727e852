import { runPulumi } from "./run-program";

/**
 * `cxone-pulumi <pulumi args>`: the real Pulumi CLI, built locally at the SDK's version, for the
 * project in the current folder. Use it where `pulumi` would be used: preview, up, refresh,
 * destroy, stack, config.
 */
export async function main(argv: readonly string[]): Promise<void> {
  if (argv.length === 0 || argv[0] === "--help" && argv.length === 1) {
    process.stdout.write("usage: cxone-pulumi <pulumi command> [args]   e.g. cxone-pulumi preview --stack dev\n");
    process.exitCode = argv.length === 0 ? 2 : 0;
    return;
  }
  const result = await runPulumi(argv, { cwd: process.cwd() });
  process.exitCode = result.code;
}
