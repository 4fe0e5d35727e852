import { randomBytes } from "node:crypto";
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { offlineEngineEnv, packageRoot, runPulumi } from "../tools/engine";

/** Which program a benchmark project runs. */
export type ProgramVariant = "cxone" | "bare";

/** Written by the program process at exit (see PROBE below). */
export interface ProgramProbe {
  /** Date.now() when the program's last statement ran. */
  readonly endedAt: number;
  /** process.cpuUsage() of the program process at exit, user + system, in ms. */
  readonly cpuMs: number;
  /** process.resourceUsage().maxRSS of the program process at exit, in MB. */
  readonly peakRssMb: number;
}

// Every program records when its body ended and the CPU its process used, for the benchmark.
const PROBE = `
const __probeFile = process.env.BENCH_PROBE_FILE;
process.on("exit", () => {
  if (!__probeFile) return;
  const cpu = process.cpuUsage();
  require("node:fs").writeFileSync(__probeFile, JSON.stringify({ endedAt: __endedAt, cpuMs: (cpu.user + cpu.system) / 1000, peakRssMb: process.resourceUsage().maxRSS / 1024 }));
});
`;

const RULE_ARGS = `{
    name: \`Segment \${i}\`,
    priority: 1000 + i,
    interactionType: "voice",
    conditions: [{ field: "segment", operator: "equals", value: \`s\${i}\` }],
    targets: [{ type: "queue", id: \`queue-\${i}\`, weight: 100, capacity: 10 }],
  }`;

/** test/e2e/programs/many-rules, with the count from the environment. */
const CXONE_PROGRAM = `import { RoutingRule } from "pulumi-cxone-routing";
${PROBE}
const count = Number(process.env.BENCH_RULES);
for (let i = 0; i < count; i++) {
  new RoutingRule(\`rule-\${i}\`, ${RULE_ARGS});
}
const __endedAt = Date.now();
`;

/**
 * The baseline: a dynamic resource with the same inputs and the same declared outputs (the inputs,
 * description, enabled, fallbackRuleId, an etag, version and timestamps), whose provider does
 * nothing. What any dynamic resource costs the engine.
 */
const BARE_PROGRAM = `import * as pulumi from "@pulumi/pulumi";
${PROBE}
const provider: pulumi.dynamic.ResourceProvider = {
  async create(inputs: any) {
    const now = new Date().toISOString();
    return { id: Math.random().toString(16).slice(2), outs: { ...inputs, etag: '"1-00000000"', version: 1, createdAt: now, updatedAt: now } };
  },
};
class Bare extends pulumi.dynamic.Resource {
  constructor(name: string, args: Record<string, unknown>) {
    // The same declared outputs as RoutingRule (each a key even when unset), so that both pay the SDK's per-output cost.
    const outputs = { description: undefined, enabled: undefined, fallbackRuleId: undefined, etag: undefined, version: undefined, createdAt: undefined, updatedAt: undefined };
    super(provider, name, { ...outputs, ...args }, {}, "bench", "Bare");
  }
}
const count = Number(process.env.BENCH_RULES);
for (let i = 0; i < count; i++) {
  new Bare(\`rule-\${i}\`, ${RULE_ARGS});
}
const __endedAt = Date.now();
`;

const TSCONFIG = {
  compilerOptions: { strict: true, target: "es2020", module: "commonjs", moduleResolution: "node", skipLibCheck: true },
  include: ["**/*.ts"],
};

export interface TimedRun {
  readonly ms: number;
  readonly stdout: string;
}

/**
 * The package as `npm install` lays it out: real folders under the project's node_modules for this
 * package (what it ships: package.json and dist/, no source maps) and for @pulumi/pulumi beside it,
 * not the repository's self-link. That matters for the state: Pulumi's closure serializer finds a
 * module's package from @pulumi/pulumi's own folder, and writes a `require` of the package's export
 * only when it finds it there; otherwise it stores the shell's whole text. Other dependencies (zod,
 * undici) resolve from the repository's node_modules.
 */
function installPackageCopy(projectDir: string): void {
  const modules = path.join(projectDir, "node_modules");
  const target = path.join(modules, "pulumi-cxone-routing");
  mkdirSync(target, { recursive: true });
  cpSync(path.join(packageRoot(), "node_modules", "@pulumi", "pulumi"), path.join(modules, "@pulumi", "pulumi"), {
    recursive: true,
    dereference: true,
  });
  cpSync(path.join(packageRoot(), "package.json"), path.join(target, "package.json"));
  // As package.json's `files` says: dist/src without source maps, and bin/.
  cpSync(path.join(packageRoot(), "dist", "src"), path.join(target, "dist", "src"), {
    recursive: true,
    filter: (source) => !source.endsWith(".map"),
  });
  cpSync(path.join(packageRoot(), "bin"), path.join(target, "bin"), { recursive: true });
}

/** One stack of a generated project under `.bench/` (inside the repository, so node_modules resolve). */
export interface EngineProject {
  readonly dir: string;
  /** Runs `pulumi <args>` on the stack; throws with the output when it fails. */
  run(args: readonly string[], env?: Record<string, string>): Promise<TimedRun>;
  /** The probe the last program run wrote. */
  probe(): ProgramProbe | undefined;
  /** Size of the stack's checkpoint file in the local backend (0 before the first update). */
  stateFileBytes(): number;
  exportStack(): Promise<{ resources: Array<{ type: string; inputs?: Record<string, unknown>; outputs?: Record<string, unknown> }> }>;
  cleanup(): void;
}

export async function createEngineProject(variant: ProgramVariant, rules: number, env: Record<string, string>): Promise<EngineProject> {
  const dir = path.join(packageRoot(), ".bench", `${variant}-${rules}-${randomBytes(4).toString("hex")}`);
  mkdirSync(dir, { recursive: true });
  const name = `bench-${variant}`;
  writeFileSync(path.join(dir, "Pulumi.yaml"), `name: ${name}\nruntime: nodejs\n`);
  writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name, main: "index.ts", private: true }));
  writeFileSync(path.join(dir, "tsconfig.json"), JSON.stringify(TSCONFIG));
  writeFileSync(path.join(dir, "index.ts"), variant === "cxone" ? CXONE_PROGRAM : BARE_PROGRAM);
  if (variant === "cxone") installPackageCopy(dir);
  const probeFile = path.join(dir, "probe.json");
  const baseEnv = {
    ...offlineEngineEnv(path.join(dir, ".pulumi-local"), "bench-passphrase"),
    ...env,
    BENCH_RULES: String(rules),
    BENCH_PROBE_FILE: probeFile,
  };
  const run = async (args: readonly string[], extra: Record<string, string> = {}): Promise<TimedRun> => {
    rmSync(probeFile, { force: true });
    const start = performance.now();
    const result = await runPulumi([...args, "--stack", "bench", "--non-interactive"], { cwd: dir, env: { ...baseEnv, ...extra } });
    const ms = performance.now() - start;
    if (result.code !== 0)
      throw new Error(`pulumi ${args.join(" ")} (${variant}, ${rules} rules) failed:\n${result.stdout}${result.stderr}`);
    return { ms, stdout: result.stdout };
  };
  const init = await runPulumi(["stack", "init", "bench", "--non-interactive"], { cwd: dir, env: baseEnv });
  if (init.code !== 0) throw new Error(`pulumi stack init failed:\n${init.stdout}${init.stderr}`);
  return {
    dir,
    run,
    probe: () => (existsSync(probeFile) ? (JSON.parse(readFileSync(probeFile, "utf8")) as ProgramProbe) : undefined),
    async exportStack() {
      return JSON.parse((await run(["stack", "export"])).stdout).deployment;
    },
    stateFileBytes: () => {
      const file = path.join(dir, ".pulumi-local", "backend", ".pulumi", "stacks", name, "bench.json");
      return existsSync(file) ? statSync(file).size : 0;
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}
