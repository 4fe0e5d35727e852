import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { exportedPackageSource } from "../../../src/cli/export/package-source";

// Folder layouts as npm leaves them; the exported project must install from where the exporter came from.
describe("the exported project's pulumi-cxone-routing dependency", () => {
  const root = mkdtempSync(path.join(tmpdir(), "package-source-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const out = path.join(root, "work", "contact-center");

  function pkg(dir: string, version = "0.3.1") {
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "pulumi-cxone-routing", version }));
    return dir;
  }
  function installedIn(project: string, resolved: string | undefined, lockName = "node_modules/.package-lock.json") {
    const dir = pkg(path.join(project, "node_modules", "pulumi-cxone-routing"));
    const entry = { version: "0.3.1", ...(resolved ? { resolved } : {}) };
    writeFileSync(path.join(project, lockName), JSON.stringify({ packages: { "node_modules/pulumi-cxone-routing": entry } }));
    return dir;
  }

  it("from the npm registry (or npx): ^<version>", () => {
    const dir = installedIn(
      path.join(root, "registry"),
      "https://registry.npmjs.org/pulumi-cxone-routing/-/pulumi-cxone-routing-0.3.1.tgz",
    );
    expect(exportedPackageSource(out, undefined, dir)).toMatchObject({ spec: "^0.3.1", local: false });
  });

  it("from a folder (npm install --install-links ../pulumi-cxone-routing): that folder, relative to the export", () => {
    const clone = pkg(path.join(root, "work", "pulumi-cxone-routing"));
    const dir = installedIn(path.join(root, "work", "infra"), "file:../pulumi-cxone-routing");
    const source = exportedPackageSource(out, undefined, dir);
    expect(source).toMatchObject({ spec: "file:../pulumi-cxone-routing", local: true });
    expect(path.resolve(out, source.spec.slice(5))).toBe(clone);
  });

  it("from a clone, also through npm's symlink of a file: dependency: the clone", () => {
    const clone = pkg(path.join(root, "clone"));
    mkdirSync(path.join(root, "linked", "node_modules"), { recursive: true });
    symlinkSync(clone, path.join(root, "linked", "node_modules", "pulumi-cxone-routing"));
    const source = exportedPackageSource(out, undefined, path.join(root, "linked", "node_modules", "pulumi-cxone-routing"));
    expect(source).toMatchObject({ spec: "file:../../clone", local: true });
  });

  it("a git or tarball install keeps its source; no lockfile falls back to the version", () => {
    const git = installedIn(path.join(root, "git"), "git+ssh://git@example.com/team/pulumi-cxone-routing.git#abc", "package-lock.json");
    expect(exportedPackageSource(out, undefined, git).spec).toBe("git+ssh://git@example.com/team/pulumi-cxone-routing.git#abc");
    const bare = pkg(path.join(root, "bare", "node_modules", "pulumi-cxone-routing"));
    expect(exportedPackageSource(out, undefined, bare).spec).toBe("^0.3.1");
  });

  it("--package wins: a range as given, a folder made relative to the export", () => {
    expect(exportedPackageSource(out, "0.4.0", undefined)).toMatchObject({ spec: "0.4.0", local: false });
    expect(exportedPackageSource(out, path.join(root, "clone"), undefined)).toMatchObject({ spec: "file:../../clone", local: true });
    expect(exportedPackageSource(out, "file:../x", undefined)).toMatchObject({ spec: "file:../x", local: true });
  });
});
