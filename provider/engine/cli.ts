import path from "node:path";
import { formatAuditSummary, readAuditLog, summarizeAudit } from "../audit";
import { runPulumi } from "./run-program";

/** Commands whose provider operations land in the audit log. */
const AUDITED = new Set(["up", "update", "refresh", "destroy"]);

function stackArg(argv: readonly string[]): string[] {
  const i = argv.findIndex((a) => a === "--stack" || a === "-s");
  if (i >= 0 && argv[i + 1]) return ["--stack", argv[i + 1]!];
  const eq = argv.find((a) => a.startsWith("--stack="));
  return eq ? [eq] : [];
}

/** The audit log the provider writes for this stack: cxone:auditLog, CXONE_AUDIT_LOG, or the default. */
async function auditLogPath(argv: readonly string[]): Promise<string | undefined> {
  const configured = await runPulumi(["config", "get", "cxone:auditLog", ...stackArg(argv)], { cwd: process.cwd(), echo: false });
  const value = configured.code === 0 ? configured.stdout.trim() : (process.env.CXONE_AUDIT_LOG ?? "");
  if (value === "off") return undefined;
  return path.resolve(process.cwd(), value || path.join(".cxone", "audit.jsonl"));
}

/**
 * `cxone-pulumi <pulumi args>`: the real Pulumi CLI, built locally at the SDK's version, for the
 * project in the current folder. Use it where `pulumi` would be used: preview, up, refresh,
 * destroy, stack, config. After a run that wrote to CXone it prints the audit summary.
 */
export async function main(argv: readonly string[]): Promise<void> {
  if (argv.length === 0 || (argv[0] === "--help" && argv.length === 1)) {
    process.stdout.write("usage: cxone-pulumi <pulumi command> [args]   e.g. cxone-pulumi preview --stack dev\n");
    process.exitCode = argv.length === 0 ? 2 : 0;
    return;
  }
  const started = new Date();
  const result = await runPulumi(argv, { cwd: process.cwd() });
  process.exitCode = result.code;
  if (argv[0] && AUDITED.has(argv[0])) {
    const file = await auditLogPath(argv);
    const { records, unreadableLines } = file ? readAuditLog(file, started) : { records: [], unreadableLines: [] };
    if (records.length > 0) {
      process.stdout.write(`\nCXone operations (audit log ${file}):\n${formatAuditSummary(summarizeAudit(records))}\n`);
    }
    if (unreadableLines.length > 0) process.stdout.write(`audit log lines not readable: ${unreadableLines.join(", ")}\n`);
  }
}
