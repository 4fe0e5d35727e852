import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { promisify } from "node:util";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { LocalWorkspace, PulumiCommand, type ConfigMap, type PulumiFn, type Stack } from "@pulumi/pulumi/automation";
import { engineBinDir, offlineEngineEnv, packageRoot } from "../../tools/engine";
import { DEFAULT_CREDENTIALS } from "../../src/simulator";

const execFileAsync = promisify(execFile);

export interface TestStack {
  stack: Stack;
  workDir: string;
  /** Everything the engine printed, across all operations so far. */
  output(): string;
  preview(): ReturnType<Stack["preview"]>;
  up(): ReturnType<Stack["up"]>;
  refresh(): ReturnType<Stack["refresh"]>;
  destroy(): ReturnType<Stack["destroy"]>;
  /** `pulumi stack export` as a user runs it: secrets stay encrypted. */
  exportStack(): Promise<any>;
  /** Points the provider at a simulator: base URL, its client, the secret as a Pulumi secret, an audit log here. */
  useSimulator(baseUrl: string, clientSecret?: string): Promise<void>;
  /** Replaces the program for later operations (the stack and state stay). */
  setProgram(program: PulumiFn): void;
  cleanup(): Promise<void>;
}

export interface TestStackOptions {
  program: PulumiFn;
  config?: ConfigMap;
  projectName?: string;
  stackName?: string;
}

/**
 * An Automation API inline program (LocalWorkspace) on a local file backend, driven by the real
 * engine: the case of users who embed Pulumi in their own tools. Everything else runs the plain CLI.
 * The work folder lives under the repository (.e2e/) so that the dynamic-provider
 * process, which resolves @pulumi/pulumi and this package from its working folder,
 * finds them in the repository's node_modules.
 */
export async function createTestStack(options: TestStackOptions): Promise<TestStack> {
  const id = randomBytes(4).toString("hex");
  const workDir = path.join(packageRoot(), ".e2e", `${options.projectName ?? "e2e"}-${id}`);
  mkdirSync(workDir, { recursive: true });
  const envVars = offlineEngineEnv(workDir, "e2e-passphrase");
  const pulumiCommand = await PulumiCommand.get({ root: path.dirname(engineBinDir()), skipVersionCheck: true });
  let program = options.program;
  const projectName = options.projectName ?? "pulumi-cxone-routing-e2e";
  const stack = await LocalWorkspace.createOrSelectStack(
    { stackName: options.stackName ?? "test", projectName, program: (() => program()) as PulumiFn },
    {
      workDir,
      pulumiCommand,
      envVars,
      projectSettings: { name: projectName, runtime: "nodejs", backend: { url: envVars.PULUMI_BACKEND_URL! } },
    },
  );
  if (options.config) await stack.setAllConfig(options.config);
  let log = "";
  const onOutput = (s: string) => {
    log += s;
  };
  return {
    stack,
    workDir,
    output: () => log,
    preview: () => stack.preview({ onOutput, diff: true }),
    up: () => stack.up({ onOutput }),
    refresh: () => stack.refresh({ onOutput }),
    destroy: () => stack.destroy({ onOutput }),
    exportStack: async () => {
      // Not stack.exportStack(): the Automation API passes --show-secrets.
      const { stdout } = await execFileAsync(path.join(engineBinDir(), "pulumi"), ["stack", "export", "--stack", stack.name], {
        cwd: workDir,
        env: { ...process.env, ...envVars },
        maxBuffer: 64 * 1024 * 1024,
      });
      return JSON.parse(stdout).deployment;
    },
    useSimulator: (baseUrl, clientSecret = DEFAULT_CREDENTIALS.clientSecret) =>
      stack.setAllConfig({
        "cxone:baseUrl": { value: baseUrl },
        "cxone:clientId": { value: DEFAULT_CREDENTIALS.clientId },
        "cxone:clientSecret": { value: clientSecret, secret: true },
        "cxone:auditLog": { value: path.join(workDir, "audit.jsonl") },
      }),
    setProgram: (next) => {
      program = next;
    },
    cleanup: async () => {
      rmSync(workDir, { recursive: true, force: true });
    },
  };
}
