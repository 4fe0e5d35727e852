import { randomBytes } from "node:crypto";
import { appendFileSync, cpSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { offlineEngineEnv, packageRoot, runPulumi, type RunPulumiResult } from "../../tools/engine";
import { PULUMI_TEMPLATE_COMPILER_OPTIONS } from "../../src/cli/export/project-templates";
import { DEFAULT_CREDENTIALS } from "../../src/simulator";

/** What one `pulumi` command printed, with both streams together as a user's terminal shows them. */
export interface CommandResult extends RunPulumiResult {
  readonly printed: string;
}

export interface ResourceChanges {
  readonly [op: string]: number;
}

export interface PulumiProject {
  readonly dir: string;
  readonly stack: string;
  readonly env: Record<string, string>;
  /** Another stack of the same project (`pulumi stack init`), for stacks side by side. */
  addStack(stack: string): Promise<PulumiProject>;
  /** Writes a file of the project (index.ts, a rules module, ...). */
  write(file: string, content: string): void;
  /** Any `pulumi` command in the project, for this stack; never throws on a non-zero exit. */
  run(...args: string[]): Promise<CommandResult>;
  /** Like run(), killed with SIGKILL when `signal` aborts (exit code 137). */
  killable(signal: AbortSignal, ...args: string[]): Promise<CommandResult>;
  /** Like run(), but throws with everything printed when the command fails. */
  ok(...args: string[]): Promise<CommandResult>;
  /** `pulumi up --yes` (plus args); throws on failure. */
  up(...args: string[]): Promise<CommandResult>;
  /** `pulumi preview --diff` (plus args); throws on failure. */
  preview(...args: string[]): Promise<CommandResult>;
  refresh(...args: string[]): Promise<CommandResult>;
  destroy(...args: string[]): Promise<CommandResult>;
  /** Changes the last update recorded (`pulumi stack history`). */
  lastChanges(): Promise<ResourceChanges>;
  /** `pulumi stack output --json`, secrets hidden as the CLI hides them. */
  outputs(): Promise<Record<string, unknown>>;
  /** `pulumi stack export` as a user runs it: secrets stay encrypted. */
  exportStack(): Promise<{ resources: Array<{ urn: string; type: string; id?: string; inputs?: any; outputs?: any }> }>;
  /** `pulumi config set` for this stack; secret values go in with --secret. */
  config(key: string, value: string, options?: { secret?: boolean }): Promise<void>;
  /** Points the provider at a simulator: base URL, client id, the secret as a Pulumi secret, an audit log in the project. */
  useSimulator(baseUrl: string, clientSecret?: string): Promise<void>;
  cleanup(): void;
}

export interface ProjectOptions {
  /** Prefix of the project folder; also the Pulumi project name unless `projectName` is given. */
  name: string;
  projectName?: string;
  stack?: string;
  /** A folder of test/e2e/programs: its files (index.ts and modules) become the project's. */
  program: string;
}

/** test/e2e/programs/<name>: the TypeScript programs the e2e tests run, as a user writes them. */
export function programDir(name: string): string {
  return path.join(packageRoot(), "test", "e2e", "programs", name);
}

/**
 * A TypeScript Pulumi project on a local file backend, run with the plain `pulumi` CLI exactly as
 * a user runs it (index.ts through the Node.js language host, no compile step). The folder lives
 * under the repository (.e2e/) so that the program and the dynamic-provider process resolve
 * @pulumi/pulumi and pulumi-cxone-routing from the repository's node_modules.
 */
export async function createPulumiProject(options: ProjectOptions): Promise<PulumiProject> {
  const dir = path.join(packageRoot(), ".e2e", `${options.name}-${randomBytes(4).toString("hex")}`);
  mkdirSync(dir, { recursive: true });
  const env = offlineEngineEnv(path.join(dir, ".pulumi-local"), "e2e-passphrase");
  const stack = options.stack ?? "dev";
  const projectName = options.projectName ?? options.name;
  const write = (file: string, content: string) => {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), content);
  };
  write("Pulumi.yaml", `name: ${projectName}\nruntime: nodejs\ndescription: e2e project\n`);
  // As `pulumi new typescript` writes it; without it Node would take the repository's package.json.
  write("package.json", `${JSON.stringify({ name: projectName, main: "index.ts", private: true }, null, 2)}\n`);
  write("tsconfig.json", `${JSON.stringify({ compilerOptions: PULUMI_TEMPLATE_COMPILER_OPTIONS, include: ["**/*.ts"] }, null, 2)}\n`);
  cpSync(programDir(options.program), dir, { recursive: true });

  // E2E_TRANSCRIPT_DIR=<dir>: every command and what it printed, per project, for reading later.
  const transcript = process.env.E2E_TRANSCRIPT_DIR;
  const runWith = async (signal: AbortSignal | undefined, ...args: string[]): Promise<CommandResult> => {
    const result = await runPulumi(args, { cwd: dir, env, ...(signal ? { signal } : {}) });
    const printed = `${result.stdout}${result.stderr}`;
    if (transcript) {
      mkdirSync(transcript, { recursive: true });
      appendFileSync(path.join(transcript, `${options.name}.log`), `$ pulumi ${args.join(" ")}   (exit ${result.code})\n${printed}\n`);
    }
    return { ...result, printed };
  };
  const run = (...args: string[]) => runWith(undefined, ...args);
  const ok = async (...args: string[]) => {
    const result = await run(...args);
    if (result.code !== 0) throw new Error(`pulumi ${args.join(" ")} exited with ${result.code}:\n${result.printed}`);
    return result;
  };
  return forStack(stack);

  /** The project seen through one of its stacks (created here). */
  async function forStack(stack: string): Promise<PulumiProject> {
    const onStack = ["--stack", stack, "--non-interactive"];
    await ok("stack", "init", stack, "--non-interactive");

    const project: PulumiProject = {
      dir,
      stack,
      addStack: forStack,
      env,
      write,
      run: (...args) => run(...args, ...onStack),
      killable: (signal, ...args) => runWith(signal, ...args, ...onStack),
      ok: (...args) => ok(...args, ...onStack),
      up: (...args) => ok("up", "--yes", "--skip-preview", ...args, ...onStack),
      preview: (...args) => ok("preview", "--diff", ...args, ...onStack),
      refresh: (...args) => ok("refresh", "--yes", "--skip-preview", ...args, ...onStack),
      destroy: (...args) => ok("destroy", "--yes", "--skip-preview", ...args, ...onStack),
      async lastChanges() {
        const history = JSON.parse((await ok("stack", "history", "--json", ...onStack)).stdout) as Array<{
          resourceChanges?: ResourceChanges;
        }>;
        return history[0]?.resourceChanges ?? {};
      },
      async outputs() {
        return JSON.parse((await ok("stack", "output", "--json", ...onStack)).stdout) as Record<string, unknown>;
      },
      async exportStack() {
        return JSON.parse((await ok("stack", "export", ...onStack)).stdout).deployment;
      },
      async config(key, value, configOptions = {}) {
        await ok("config", "set", ...(configOptions.secret ? ["--secret"] : []), key, value, ...onStack);
      },
      async useSimulator(baseUrl, clientSecret = DEFAULT_CREDENTIALS.clientSecret) {
        await project.config("cxone:baseUrl", baseUrl);
        await project.config("cxone:clientId", DEFAULT_CREDENTIALS.clientId);
        await project.config("cxone:clientSecret", clientSecret, { secret: true });
        await project.config("cxone:auditLog", path.join(dir, `audit-${stack}.jsonl`));
      },
      cleanup() {
        // E2E_KEEP=1 leaves the project folders for a post-mortem.
        if (!process.env.E2E_KEEP) rmSync(dir, { recursive: true, force: true });
      },
    };
    return project;
  }
}
