import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { WHAT_IF_REPORT_ENV, type WhatIfReport } from "../../routing/what-if-report";
import { runPulumiCli, stackCommandError } from "../pulumi-cli";
import { planFromPreview, type PreviewJson } from "./preview-plan";
import { renderSummary } from "./summary-markdown";

export interface SummaryOptions {
  readonly stack: string;
  readonly cwd: string;
  /** Write the Markdown to this file (else print it). */
  readonly out: string | undefined;
  readonly print: (text: string) => void;
  readonly progress: (text: string) => void;
}

/**
 * `cxone-routing summary --stack <stack> [--out <file>]`: runs `pulumi preview --json --show-sames`
 * (writes nothing) with the program asked for its routing report, and renders the Markdown.
 * Exit 0: preview passed; 1: preview failed (summary still written: it says why); 2: error.
 */
export async function summary(options: SummaryOptions): Promise<number> {
  const { stack, cwd } = options;
  const dir = mkdtempSync(path.join(os.tmpdir(), "cxone-summary-"));
  const reportFile = path.join(dir, "what-if.json");
  try {
    options.progress(`running pulumi preview --json --stack ${stack} (the program and the tenant reads; writes nothing)...`);
    const args = ["preview", "--json", "--show-sames", "--stack", stack, "--non-interactive"];
    const result = await runPulumiCli(args, cwd, { env: { [WHAT_IF_REPORT_ENV]: reportFile } });
    let preview: PreviewJson;
    try {
      preview = JSON.parse(result.stdout) as PreviewJson;
    } catch {
      // No JSON at all: the preview did not start (no stack, no backend login...).
      throw stackCommandError(["preview", "--json"], stack, result);
    }
    const whatIf = existsSync(reportFile) ? (JSON.parse(readFileSync(reportFile, "utf8")) as WhatIfReport) : undefined;
    const markdown = renderSummary({ stack, plan: planFromPreview(preview), whatIf, previewOk: result.code === 0 });
    if (options.out) {
      writeFileSync(options.out, markdown);
      options.progress(
        `summary written to ${options.out} (${markdown.length} characters); preview ${result.code === 0 ? "passed" : "failed"}`,
      );
    } else options.print(markdown.trimEnd());
    return result.code === 0 ? 0 : 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
