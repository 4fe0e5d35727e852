import { spawn } from "node:child_process";
import path from "node:path";
import { packageRoot } from "../../tools/engine";

/**
 * Runs `command` with exactly `env` (nothing inherited) asynchronously, so that a simulator in the
 * test process keeps serving while it runs; stdout and stderr together, as a terminal shows them.
 */
export function collectOutput(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv) {
  return new Promise<{ code: number; printed: string }>((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let printed = "";
    child.stdout.on("data", (c: Buffer) => (printed += c));
    child.stderr.on("data", (c: Buffer) => (printed += c));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? 1, printed }));
  });
}

/**
 * Runs a command of the repository's toolchain (node_modules/.bin first, then this Node). An
 * `env.PATH` goes first (a project's own node_modules/.bin, the engine's folder).
 */
export function runCommand(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}) {
  return collectOutput(command, args, cwd, {
    ...process.env,
    ...env,
    PATH: [
      ...(env.PATH ? [env.PATH] : []),
      path.join(packageRoot(), "node_modules", ".bin"),
      path.dirname(process.execPath),
      process.env.PATH,
    ].join(path.delimiter),
  });
}
