import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";

/** Repository root (dist/tools/engine or tools/engine -> root). */
export function packageRoot(): string {
  let dir = __dirname;
  while (!existsSync(path.join(dir, "package.json"))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`cannot find package.json above ${__dirname}`);
    dir = parent;
  }
  return dir;
}

let cachedBinDir: string | undefined;

/**
 * Folder holding `pulumi`, the Node.js language host and the dynamic-provider shim at the exact version of the
 * installed @pulumi/pulumi. Runs scripts/pulumi-engine.sh (seconds when cached).
 */
export function engineBinDir(): string {
  if (cachedBinDir) return cachedBinDir;
  const fromEnv = process.env.PULUMI_ENGINE_BIN;
  if (fromEnv) return (cachedBinDir = fromEnv);
  const out = execFileSync("bash", [path.join(packageRoot(), "scripts", "pulumi-engine.sh")], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });
  const last = out.trim().split("\n").pop();
  if (!last) throw new Error("scripts/pulumi-engine.sh printed no engine folder");
  return (cachedBinDir = last);
}

/**
 * Environment for an offline engine run: a file backend, the passphrase secrets
 * provider, no update checks or plugin downloads, and the engine plus Node 22 first
 * on PATH (the dynamic-provider shim runs `node`).
 */
export function offlineEngineEnv(stateDir: string, passphrase: string): Record<string, string> {
  const backend = path.join(stateDir, "backend");
  const home = path.join(stateDir, "pulumi-home");
  mkdirSync(backend, { recursive: true });
  mkdirSync(home, { recursive: true });
  const nodeBin = path.dirname(process.execPath);
  return {
    PULUMI_BACKEND_URL: `file://${backend}`,
    PULUMI_CONFIG_PASSPHRASE: passphrase,
    PULUMI_HOME: home,
    PULUMI_SKIP_UPDATE_CHECK: "true",
    PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
    PULUMI_AUTOMATION_API_SKIP_VERSION_CHECK: "true",
    PATH: [engineBinDir(), nodeBin, path.join(packageRoot(), "node_modules", ".bin"), process.env.PATH ?? ""].join(path.delimiter),
  };
}
