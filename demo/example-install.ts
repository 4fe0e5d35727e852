import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
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

/**
 * Installs the example's packages, and re-installs the packed provider when this checkout's
 * build differs from the copy the example holds (npm keeps a packed file: dependency as it was).
 */
export function ensureExampleInstalled(example: string): void {
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
