import { cpSync, symlinkSync } from "node:fs";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { DEFAULT_CREDENTIALS } from "../simulator";
import { engineBinDir, offlineEngineEnv, runPulumi } from "../provider/engine";

export interface ExampleProject {
  dir: string;
  env: NodeJS.ProcessEnv;
  /** Runs pulumi in the project; throws with the engine's output on failure. */
  pulumi(...args: string[]): Promise<string>;
  /** Compiles the project's TypeScript (after an edit of its rules, say). */
  build(): void;
}

/**
 * A scratch copy of examples/routing-infra with a local file backend, so that stack config
 * written by a run never touches the repository. Its node_modules is the example's own.
 */
export function copyExampleProject(example: string, workRoot: string, options: { echo?: boolean } = {}): ExampleProject {
  const dir = path.join(workRoot, "routing-infra");
  cpSync(example, dir, { recursive: true, filter: (src) => !/[/\\](node_modules|bin|\.cxone)$/.test(src) });
  symlinkSync(path.join(example, "node_modules"), path.join(dir, "node_modules"), "dir");
  const env: NodeJS.ProcessEnv = {
    ...offlineEngineEnv(workRoot, "demo-passphrase"),
    // The example's scripts use this engine too, without asking the build step again.
    PULUMI_ENGINE_BIN: engineBinDir(),
  };
  const project: ExampleProject = {
    dir,
    env,
    async pulumi(...args) {
      const echo = options.echo ?? (args[0] === "up" || args[0] === "preview");
      const result = await runPulumi(args, { cwd: dir, env, echo });
      if (result.code !== 0) throw new Error(`pulumi ${args.join(" ")} failed (exit ${result.code}):\n${result.stderr || result.stdout}`);
      return result.stdout;
    },
    build() {
      // Synchronous on purpose: nothing is being served while it compiles.
      execFileSync(process.execPath, [path.join(example, "node_modules", "typescript", "bin", "tsc"), "-p", dir], { stdio: "inherit" });
    },
  };
  project.build();
  return project;
}

/** Creates a stack of the example pointed at a simulator tenant and an orchestration endpoint. */
export async function initExampleStack(
  project: ExampleProject,
  stack: string,
  settings: { baseUrl: string; orchestrationUrl: string; webhookSecret: string; auditLog: string },
): Promise<void> {
  await project.pulumi("stack", "init", stack);
  const set = (key: string, value: string, secret = false) =>
    project.pulumi("config", "set", ...(secret ? ["--secret"] : []), key, value, "--stack", stack);
  await set("cxone:baseUrl", settings.baseUrl);
  await set("cxone:clientSecret", DEFAULT_CREDENTIALS.clientSecret, true);
  await set("cxone:auditLog", settings.auditLog);
  await set("routing-infra:orchestrationUrl", settings.orchestrationUrl);
  await set("routing-infra:webhookSecret", settings.webhookSecret, true);
}
