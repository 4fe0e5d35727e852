import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { packageRoot } from "../tools/engine";

function treeHash(dir: string): string {
  const hash = createHash("sha256");
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const full = path.join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else hash.update(name).update(readFileSync(full));
    }
  };
  if (existsSync(dir)) walk(dir);
  return hash.digest("hex");
}

const LOCK_STALE_MS = 10 * 60_000;

/**
 * Runs `work` while holding `<dir>/.install-lock` (mkdir is atomic): test files run in parallel
 * workers, and two `npm install`s in one folder corrupt it. A lock older than any install is
 * taken over (a killed run left it).
 */
function withInstallLock(dir: string, work: () => void): void {
  const lock = path.join(dir, ".install-lock");
  const deadline = Date.now() + LOCK_STALE_MS;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      // Gone between mkdir and stat: try again at once.
      const age = Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > LOCK_STALE_MS || Date.now() > deadline) rmSync(lock, { recursive: true, force: true });
      else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 500);
    }
  }
  try {
    work();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/**
 * Installs the example's packages, and re-installs the packed provider when this checkout's
 * build differs from the copy the example holds (npm keeps a packed file: dependency as it was).
 * Safe to call from parallel test workers: one installs, the others wait and find it done.
 */
export function ensureExampleInstalled(example: string): void {
  withInstallLock(example, () => installIfStale(example));
}

function installIfStale(example: string): void {
  const installed = path.join(example, "node_modules", "pulumi-cxone-routing");
  // What the package ships: the library and the simulator, not this checkout's demo or tooling.
  const shipped = (root: string) => ["dist/src", "bin"].map((d) => treeHash(path.join(root, d))).join();
  if (existsSync(installed) && shipped(installed) !== shipped(packageRoot())) {
    console.log("the example holds an older build of the provider; re-installing it");
    rmSync(installed, { recursive: true, force: true });
  }
  if (!existsSync(installed) || !existsSync(path.join(example, "node_modules", "typescript"))) {
    execFileSync("npm", ["install", "--no-audit", "--no-fund"], { cwd: example, stdio: "inherit" });
  }
}
