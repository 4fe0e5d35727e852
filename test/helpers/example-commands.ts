import { execFile } from "node:child_process";
import path from "node:path";
import type { ExampleProject } from "../../demo/example-project";

export interface CommandOutput {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a Node.js script in the example project with its engine environment; never throws on exit codes. */
function runNode(project: ExampleProject, script: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<CommandOutput> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [script, ...args],
      { cwd: project.dir, env: { ...process.env, ...project.env, ...env }, maxBuffer: 32 * 1024 * 1024 },
      (error, stdout, stderr) => resolve({ code: error ? Number((error as { code?: unknown }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** `npx cxone-routing <args>` in the example: the bin of the packed package it installed. */
export function cxoneRouting(project: ExampleProject, ...args: string[]): Promise<CommandOutput> {
  return runNode(project, path.join(project.dir, "node_modules", "pulumi-cxone-routing", "bin", "cxone-routing.js"), args);
}

/** `npm run promote -- <args>` of the example (its compiled script). */
export function promote(project: ExampleProject, ...args: string[]): Promise<CommandOutput> {
  return runNode(project, path.join(project.dir, "bin", "scripts", "promote.js"), args);
}
