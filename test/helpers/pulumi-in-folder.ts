import { runPulumi } from "../../tools/engine";

export interface FolderPulumi {
  /** `pulumi <args> --stack <stack> --non-interactive` (`stack init` names the stack itself); throws with the output on failure. */
  (...args: string[]): Promise<string>;
  /** Changes the last update recorded (`pulumi stack history`). */
  lastChanges(): Promise<Record<string, number>>;
}

/** The plain `pulumi` CLI on a project folder that a test did not create from test/e2e/programs (an exported one). */
export function pulumiIn(dir: string, stack: string, env: Record<string, string>): FolderPulumi {
  const pulumi = async (...args: string[]) => {
    const onStack = args[0] === "stack" && args[1] === "init" ? [] : ["--stack", stack];
    const result = await runPulumi([...args, ...onStack, "--non-interactive"], { cwd: dir, env });
    const printed = `${result.stdout}${result.stderr}`;
    if (result.code !== 0) throw new Error(`pulumi ${args.join(" ")} exited with ${result.code}:\n${printed}`);
    return printed;
  };
  return Object.assign(pulumi, {
    async lastChanges() {
      const history = JSON.parse(await pulumi("stack", "history", "--json")) as Array<{ resourceChanges?: Record<string, number> }>;
      return history[0]?.resourceChanges ?? {};
    },
  });
}
