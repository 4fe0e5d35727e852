/**
 * Where the exported project installs pulumi-cxone-routing from: the same place the exporter
 * itself was installed from, so that `npm install` in the exported project works as printed.
 *
 * - installed from the npm registry (or run through npx): `^<version>`;
 * - installed from a folder (`npm install --install-links ../pulumi-cxone-routing`): that folder;
 * - run from a clone (`node bin/cxone-routing.js`, `npx cxone-routing` in the repository): the clone;
 * - `--package <spec>` wins over all of these (a version range, `file:<folder>`, a tarball).
 */
import { existsSync, readFileSync, realpathSync } from "node:fs";
import path from "node:path";

const PACKAGE = "pulumi-cxone-routing";

export interface PackageSource {
  /** The dependency spec for the exported package.json. */
  readonly spec: string;
  /** Why this spec, for the export's output. */
  readonly origin: string;
  /** A local folder: the project needs `install-links=true` so npm installs a packed copy, not a symlink. */
  readonly local: boolean;
}

interface LockEntry {
  readonly version?: string;
  readonly resolved?: string;
}

/** The folder of the package.json named pulumi-cxone-routing at or above `from`. */
export function exporterPackageRoot(from: string): string | undefined {
  for (let dir = from; path.dirname(dir) !== dir; dir = path.dirname(dir)) {
    const file = path.join(dir, "package.json");
    if (!existsSync(file)) continue;
    const pkg = JSON.parse(readFileSync(file, "utf8")) as { name?: string };
    if (pkg.name === PACKAGE) return dir;
  }
  return undefined;
}

function readVersion(root: string): string {
  return (JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { version: string }).version;
}

/** npm's record of how the package under `root` (…/node_modules/pulumi-cxone-routing) was installed. */
function lockEntry(root: string): { entry: LockEntry; projectDir: string } | undefined {
  const nodeModules = path.dirname(root);
  const projectDir = path.dirname(nodeModules);
  // npm writes node_modules/.package-lock.json on every install; package-lock.json is the fallback.
  for (const file of [path.join(nodeModules, ".package-lock.json"), path.join(projectDir, "package-lock.json")]) {
    if (!existsSync(file)) continue;
    const lock = JSON.parse(readFileSync(file, "utf8")) as { packages?: Record<string, LockEntry> };
    const entry = lock.packages?.[`node_modules/${PACKAGE}`];
    if (entry) return { entry, projectDir };
  }
  return undefined;
}

function localFolder(folder: string, outDir: string, origin: string): PackageSource {
  const relative = path.relative(outDir, folder) || ".";
  return { spec: `file:${relative.split(path.sep).join("/")}`, origin, local: true };
}

/**
 * The dependency spec for pulumi-cxone-routing in a project written to `outDir` by the exporter
 * whose package folder is `root` (default: the one this module belongs to).
 */
export function exportedPackageSource(outDir: string, override?: string, root = exporterPackageRoot(__dirname)): PackageSource {
  if (override !== undefined && override !== "") {
    const local = override.startsWith("file:") || override.startsWith(".") || override.startsWith("/");
    if (local && !override.startsWith("file:")) return localFolder(path.resolve(override), outDir, "--package");
    return { spec: override, origin: "--package", local };
  }
  if (root === undefined) return { spec: "*", origin: "no package.json found beside the exporter", local: false };
  const real = realpathSync(root);
  if (path.basename(path.dirname(real)) !== "node_modules") {
    return localFolder(real, outDir, `the checkout the exporter ran from (${real})`);
  }
  const version = readVersion(real);
  const record = lockEntry(real);
  const resolved = record?.entry.resolved;
  if (record && resolved?.startsWith("file:")) {
    const folder = path.resolve(record.projectDir, resolved.slice("file:".length));
    return localFolder(folder, outDir, `the folder the exporter was installed from (${folder})`);
  }
  if (resolved && !resolved.includes(`/${PACKAGE}/-/${PACKAGE}-`)) {
    return { spec: resolved, origin: `where the exporter was installed from (${resolved})`, local: false };
  }
  return { spec: `^${version}`, origin: `the npm registry, as the exporter (${PACKAGE}@${version})`, local: false };
}
