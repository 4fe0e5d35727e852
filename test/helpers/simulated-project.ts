import { afterAll, beforeAll } from "vitest";
import { type RunningSimulator, type SimulatorOptions, startSimulator } from "../../src/simulator";
import { createPulumiProject, type ProjectOptions, type PulumiProject } from "./pulumi-project";

/**
 * The usual e2e setting of a describe block: a simulator standing in for the tenant and one Pulumi
 * project pointed at it, made before the block's tests and removed after them. Read `sim` and
 * `project` inside the tests (they exist once the block's beforeAll ran).
 */
export function useSimulatedProject(
  options: ProjectOptions,
  simulatorOptions: SimulatorOptions = {},
): { readonly sim: RunningSimulator; readonly project: PulumiProject } {
  let sim: RunningSimulator | undefined;
  let project: PulumiProject | undefined;
  beforeAll(async () => {
    sim = await startSimulator({ port: 0, ...simulatorOptions });
    project = await createPulumiProject(options);
    await project.useSimulator(sim.url);
  });
  afterAll(async () => {
    project?.cleanup();
    await sim?.close();
  });
  const made = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`useSimulatedProject: no ${what} yet (read it inside a test)`);
    return value;
  };
  return {
    get sim() {
      return made(sim, "simulator");
    },
    get project() {
      return made(project, "project");
    },
  };
}
