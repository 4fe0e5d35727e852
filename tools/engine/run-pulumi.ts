import { spawn } from "node:child_process";
import path from "node:path";
import { engineBinDir } from "./local-engine";

export interface RunPulumiOptions {
  /** The Pulumi project folder (holds Pulumi.yaml). */
  cwd: string;
  /** Added to this process's environment; PATH gets the engine folder and Node 22 first. */
  env?: NodeJS.ProcessEnv;
  /** Echo the engine's output as it comes (default false). */
  echo?: boolean;
  /** Aborting kills the CLI with SIGKILL, as a crash or `kill -9` would (crash-recovery tests). */
  signal?: AbortSignal;
}

export interface RunPulumiResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the plain `pulumi` CLI, as a user types it: the engine, the Node.js language host and the
 * dynamic-provider plugin come from the engine folder, Node.js from this process. Asynchronous on
 * purpose: simulators in this process must keep serving while the engine runs.
 */
export function runPulumi(args: readonly string[], options: RunPulumiOptions): Promise<RunPulumiResult> {
  const binDir = engineBinDir();
  const basePath = options.env?.PATH ?? process.env.PATH ?? "";
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PULUMI_SKIP_UPDATE_CHECK: "true",
    PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
    ...options.env,
    PATH: [binDir, path.dirname(process.execPath), basePath].join(path.delimiter),
  };
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(binDir, "pulumi"), args, {
      cwd: options.cwd,
      env,
      stdio: ["ignore", "pipe", "pipe"],
      ...(options.signal ? { signal: options.signal, killSignal: "SIGKILL" as const } : {}),
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk;
      if (options.echo) process.stdout.write(chunk);
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk;
      if (options.echo) process.stderr.write(chunk);
    });
    child.on("error", (error: NodeJS.ErrnoException) => {
      // Killed on purpose: report it like the shell would (exit 137), with what was printed.
      if (error.name === "AbortError") resolve({ code: 137, stdout, stderr });
      else reject(error);
    });
    child.on("close", (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}
