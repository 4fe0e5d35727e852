import { cpSync, symlinkSync } from "node:fs";
import path from "node:path";
import { DEFAULT_CREDENTIALS } from "../src/simulator";
import { offlineEngineEnv, runPulumi } from "../tools/engine";

export interface ExampleProject {
  dir: string;
  env: NodeJS.ProcessEnv;
  /** Runs pulumi in the project; throws with the engine's output on failure. */
  pulumi(...args: string[]): Promise<string>;
}

/**
 * A scratch copy of examples/routing-infra with a local file backend, so that stack config
 * written by a run never touches the repository. Its node_modules is the example's own.
 */
export function copyExampleProject(example: string, workRoot: string, options: { echo?: boolean } = {}): ExampleProject {
  const dir = path.join(workRoot, "routing-infra");
  cpSync(example, dir, { recursive: true, filter: (src) => !/[/\\](node_modules|bin|\.cxone)$/.test(src) });
  symlinkSync(path.join(example, "node_modules"), path.join(dir, "node_modules"), "dir");
  // The engine folder is first on PATH: `cxone-routing` runs `pulumi` like a person does.
  const env: NodeJS.ProcessEnv = offlineEngineEnv(workRoot, "demo-passphrase");
  const project: ExampleProject = {
    dir,
    env,
    async pulumi(...args) {
      const echo = options.echo ?? (args[0] === "up" || args[0] === "preview");
      if (echo) console.log(`$ pulumi ${args.join(" ")}`);
      const result = await runPulumi(args, { cwd: dir, env, echo });
      if (result.code !== 0) throw new Error(`pulumi ${args.join(" ")} failed (exit ${result.code}):\n${result.stderr || result.stdout}`);
      return result.stdout;
    },
  };
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
