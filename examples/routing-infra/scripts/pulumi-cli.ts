import { spawn } from "node:child_process";

export interface PulumiResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the `pulumi` CLI on PATH in this project, the same binary a person uses; with `echo` its
 * output streams through as it comes.
 */
export function pulumi(args: readonly string[], options: { echo?: boolean; env?: Record<string, string> } = {}): Promise<PulumiResult> {
  return new Promise((resolve, reject) => {
    const child = spawn("pulumi", args, { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, ...options.env } });
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
    child.on("error", (error: NodeJS.ErrnoException) =>
      reject(
        error.code === "ENOENT" ? new Error("the pulumi CLI is not on PATH; install it (https://www.pulumi.com/docs/install/)") : error,
      ),
    );
    child.on("close", (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}
