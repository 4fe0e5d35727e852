import { execFileSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import type { PulumiProject } from "./pulumi-project";

/** The file backend's folder (`pulumi login file://<folder>` keeps its state in <folder>/.pulumi). */
export function backendStateDir(p: PulumiProject): string {
  return path.join(String(p.env.PULUMI_BACKEND_URL).replace(/^file:\/\//, ""), ".pulumi");
}

/** Metadata sidecars a kill left empty (the backend truncates, then rewrites them). */
export function emptyMetadataFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".attrs"))
    .filter((file) => statSync(path.join(dir, file)).size === 0);
}

/** The docs' step for `failed to load checkpoint: EOF`, on this project's backend folder. */
export function deleteEmptyMetadata(p: PulumiProject): void {
  execFileSync("find", [backendStateDir(p), "-name", "*.attrs", "-size", "0", "-delete"]);
}
