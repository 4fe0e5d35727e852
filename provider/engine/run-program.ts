import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { engineBinDir } from "./local-engine";

/** Commands that run the program and so need a language runtime. */
const PROGRAM_COMMANDS = new Set(["up", "update", "preview", "pre"]);

export interface RunPulumiOptions {
  /** The Pulumi project folder (holds Pulumi.yaml). */
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** Echo the engine's output (default true). */
  echo?: boolean;
}

export interface RunPulumiResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** `main` of Pulumi.yaml, else package.json's main, else index.js: the compiled program. */
export function programEntry(projectDir: string): string {
  const yaml = readFileSync(path.join(projectDir, "Pulumi.yaml"), "utf8");
  const main = /^main:\s*(.+)$/m.exec(yaml)?.[1]?.trim().replace(/^["']|["']$/g, "");
  const pkgFile = path.join(projectDir, "package.json");
  const pkgMain = existsSync(pkgFile) ? (JSON.parse(readFileSync(pkgFile, "utf8")) as { main?: string }).main : undefined;
  const entry = path.resolve(projectDir, main ?? pkgMain ?? "index.js");
  if (entry.endsWith(".ts")) {
    throw new Error(`${entry}: cxone-pulumi runs compiled JavaScript; point Pulumi.yaml's main at the tsc output (e.g. bin/index.js).`);
  }
  return entry;
}

function forgetProjectModules(projectDir: string): void {
  const root = path.resolve(projectDir) + path.sep;
  for (const file of Object.keys(require.cache)) {
    if (file.startsWith(root) && !file.includes(`${path.sep}node_modules${path.sep}`)) delete require.cache[file];
  }
}

interface LanguageServerModule {
  LanguageServer: new (program: () => Promise<unknown>) => { onPulumiExit(hasError: boolean): void };
}

/**
 * Runs the real `pulumi` CLI for a Node.js project. The Node.js language host binary could not
 * be built from the Go module proxy, so for commands that run the program this starts the SDK's
 * own language runtime server (the one the Automation API uses for inline programs) in this
 * process and hands its address to the CLI with --client. Everything else is the unmodified
 * engine: plan, state, secrets, providers.
 */
export async function runPulumi(args: readonly string[], options: RunPulumiOptions): Promise<RunPulumiResult> {
  const binDir = engineBinDir();
  const env: NodeJS.ProcessEnv = {
    PULUMI_SKIP_UPDATE_CHECK: "true",
    PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
    ...process.env,
    ...options.env,
    PATH: [binDir, path.dirname(process.execPath), (options.env ?? process.env).PATH ?? ""].join(path.delimiter),
  };
  const cliArgs = [...args];
  let shutdown = (_hasError: boolean) => {};
  if (args[0] && PROGRAM_COMMANDS.has(args[0])) {
    const projectRequire = require("node:module").createRequire(path.join(options.cwd, "package.json")) as NodeJS.Require;
    const grpc = projectRequire("@grpc/grpc-js") as typeof import("@grpc/grpc-js");
    const { LanguageServer } = projectRequire("@pulumi/pulumi/automation/server") as LanguageServerModule;
    const langrpc = projectRequire("@pulumi/pulumi/proto/language_grpc_pb") as { LanguageRuntimeService: import("@grpc/grpc-js").ServiceDefinition };
    const { routingProgram } = projectRequire("pulumi-cxone-routing") as typeof import("../resources");
    const entry = programEntry(options.cwd);
    const program = routingProgram(async () => {
      // Each run declares its resources afresh: a module cached by an earlier run in this
      // process (preview, then up) would declare nothing.
      forgetProjectModules(options.cwd);
      // Like the Node.js language host: the module's exports are the stack outputs.
      const loaded = require(entry) as { default?: unknown };
      const main = typeof loaded.default === "function" ? await (loaded.default as () => unknown)() : loaded;
      return main as Record<string, unknown>;
    });
    const server = new grpc.Server({ "grpc.max_receive_message_length": 400 * 1024 * 1024 });
    const language = new LanguageServer(program);
    server.addService(langrpc.LanguageRuntimeService, language as unknown as import("@grpc/grpc-js").UntypedServiceImplementation);
    const port = await new Promise<number>((resolve, reject) =>
      server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (err, p) => (err ? reject(err) : resolve(p))),
    );
    cliArgs.push(`--client=127.0.0.1:${port}`, "--exec-kind", "auto.inline");
    shutdown = (hasError) => {
      try {
        language.onPulumiExit(hasError);
      } finally {
        server.forceShutdown();
      }
    };
  }
  const echo = options.echo ?? true;
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(binDir, "pulumi"), cliArgs, { cwd: options.cwd, env, stdio: ["inherit", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk;
      if (echo) process.stdout.write(chunk);
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk;
      if (echo) process.stderr.write(chunk);
    });
    child.on("error", reject);
    child.on("close", (code) => {
      shutdown(code !== 0);
      resolve({ code: code ?? 1, stdout, stderr });
    });
  });
}
