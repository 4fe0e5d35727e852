import { spawn } from "node:child_process";
import { PulumiCommandError, StackNotFoundError } from "./errors";

export interface PulumiOutput {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface PulumiRunOptions {
  /** Added to this process's environment. */
  readonly env?: Readonly<Record<string, string>>;
  /** Streams the output as it comes (long runs show progress), besides collecting it. */
  readonly echo?: boolean;
}

/** Runs the `pulumi` on PATH, as the person running our command would. */
export function runPulumiCli(args: readonly string[], cwd: string, options: PulumiRunOptions = {}): Promise<PulumiOutput> {
  return new Promise((resolve, reject) => {
    const child = spawn("pulumi", args, {
      cwd,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, PULUMI_SKIP_UPDATE_CHECK: "true", ...options.env },
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
    child.on("error", (error: NodeJS.ErrnoException) =>
      reject(error.code === "ENOENT" ? new PulumiCommandError(args[0] ?? "", "the pulumi CLI is not on PATH") : error),
    );
    child.on("close", (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

/** Runs a `pulumi … --stack <stack>` command that must succeed; a missing stack is its own error. */
export async function pulumiForStack(args: readonly string[], stack: string, cwd: string, options: PulumiRunOptions = {}): Promise<string> {
  const result = await runPulumiCli([...args, "--stack", stack, "--non-interactive"], cwd, options);
  if (result.code === 0) return result.stdout;
  throw stackCommandError(args, stack, result);
}

/** The error of a failed `pulumi … --stack <stack>`: a missing stack is its own error. */
export function stackCommandError(args: readonly string[], stack: string, result: PulumiOutput): Error {
  const said = (result.stderr || result.stdout).trim();
  if (/no stack named|stack .* not found|could not find stack/i.test(said)) return new StackNotFoundError(stack, firstLine(said));
  return new PulumiCommandError(`${args.join(" ")} --stack ${stack}`, firstLine(said) || `exit code ${result.code}`);
}

function firstLine(text: string): string {
  return (
    text
      .split("\n")
      .map((l) => l.replace(/^error:\s*/, "").trim())
      .find((l) => l.length > 0) ?? ""
  );
}
