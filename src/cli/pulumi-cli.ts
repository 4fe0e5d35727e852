import { spawn } from "node:child_process";
import { PulumiCommandError, StackNotFoundError } from "./errors";

export interface PulumiOutput {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the `pulumi` on PATH, as the person running our command would. */
export function runPulumiCli(args: readonly string[], cwd: string): Promise<PulumiOutput> {
  return new Promise((resolve, reject) => {
    const child = spawn("pulumi", args, {
      cwd,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, PULUMI_SKIP_UPDATE_CHECK: "true" },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk;
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk;
    });
    child.on("error", (error: NodeJS.ErrnoException) =>
      reject(error.code === "ENOENT" ? new PulumiCommandError(args[0] ?? "", "the pulumi CLI is not on PATH") : error),
    );
    child.on("close", (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

/** Runs a `pulumi … --stack <stack>` command that must succeed; a missing stack is its own error. */
export async function pulumiForStack(args: readonly string[], stack: string, cwd: string): Promise<string> {
  const result = await runPulumiCli([...args, "--stack", stack, "--non-interactive"], cwd);
  if (result.code === 0) return result.stdout;
  const said = (result.stderr || result.stdout).trim();
  if (/no stack named|stack .* not found|could not find stack/i.test(said)) throw new StackNotFoundError(stack, firstLine(said));
  throw new PulumiCommandError(`${args.join(" ")} --stack ${stack}`, firstLine(said) || `exit code ${result.code}`);
}

function firstLine(text: string): string {
  return (
    text
      .split("\n")
      .map((l) => l.replace(/^error:\s*/, "").trim())
      .find((l) => l.length > 0) ?? ""
  );
}
