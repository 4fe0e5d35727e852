import { cpSync, existsSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { runPulumi } from "../../tools/engine";
import type { CommandResult, PulumiProject } from "./pulumi-project";

/** What the repository holds: never the backend, a machine's Pulumi home or a run's .cxone/ files. */
const NOT_COMMITTED = new Set([".pulumi-local", ".cxone", "node_modules"]);

export interface FreshRunners {
  /** `pulumi <args>` on a new runner: a fresh copy of the repository, a new Pulumi home, the shared backend. */
  run(...args: string[]): Promise<CommandResult>;
  /** Like run(), killed with SIGKILL when `signal` aborts (exit code 137). */
  killable(signal: AbortSignal, ...args: string[]): Promise<CommandResult>;
  /** Like run(), but throws with everything printed when the command fails. */
  ok(...args: string[]): Promise<CommandResult>;
  /** How many runners have run a command so far. */
  count(): number;
}

/**
 * CI as it runs: every `pulumi` command on a new machine. `project` is the repository (what a
 * checkout gives: the program and the stack's Pulumi.<stack>.yaml; edit it with project.write and
 * project.config, as a developer commits). Each command runs in a fresh copy of it, with a Pulumi
 * home of its own and the project's file backend as the only thing shared, and the copy is
 * deleted afterwards, so no file a command leaves in the project folder reaches the next one.
 */
export function freshRunners(project: PulumiProject, options: { env?: Record<string, string> } = {}): FreshRunners {
  let runs = 0;
  const runWith = async (signal: AbortSignal | undefined, args: string[]): Promise<CommandResult> => {
    runs++;
    const runner = `${project.dir}-runner-${runs}`;
    cpSync(project.dir, runner, { recursive: true, filter: (source) => !NOT_COMMITTED.has(path.basename(source)) });
    if (existsSync(path.join(runner, ".cxone"))) throw new Error("a fresh checkout must not hold .cxone/");
    const home = path.join(runner, ".runner-home");
    mkdirSync(home, { recursive: true });
    try {
      const result = await runPulumi([...args, "--stack", project.stack, "--non-interactive"], {
        cwd: runner,
        env: { ...project.env, ...options.env, PULUMI_HOME: home },
        ...(signal ? { signal } : {}),
      });
      return { ...result, printed: `${result.stdout}${result.stderr}` };
    } finally {
      if (!process.env.E2E_KEEP) rmSync(runner, { recursive: true, force: true });
    }
  };
  return {
    run: (...args) => runWith(undefined, args),
    killable: (signal, ...args) => runWith(signal, args),
    async ok(...args) {
      const result = await runWith(undefined, args);
      if (result.code !== 0) throw new Error(`pulumi ${args.join(" ")} exited with ${result.code}:\n${result.printed}`);
      return result;
    },
    count: () => runs,
  };
}
