import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { CliUsageError } from "./cli-usage-error";
import type { FaultConfig } from "./faults";
import { type RunningSimulator, startSimulator } from "./index";
import { DEFAULT_CREDENTIALS, type SimulatorOptions } from "./options";
import { SimulatorOptionsError } from "./options-error";

export const USAGE = `Usage: cxone-sim [options]

Serves the CXone routing-rules and webhooks API on http://127.0.0.1:PORT.
The first line of stdout is the base URL; request logs go to stderr.

  --port N               TCP port (default 8080; 0 picks a free one)
  --client-id ID         OAuth client id (default ${DEFAULT_CREDENTIALS.clientId})
  --client-secret S      OAuth client secret (default ${DEFAULT_CREDENTIALS.clientSecret})
  --access-key-id ID     access key id for grant_type=password (default ${DEFAULT_CREDENTIALS.accessKeyId})
  --access-key-secret S  access key secret (default ${DEFAULT_CREDENTIALS.accessKeySecret})
  --token-ttl SECONDS    access token lifetime (default 3600)
  --rate-limit N         requests per minute per client id (default 100; 0 disables)
  --no-retry-after       omit the Retry-After header on 429/503
  --data FILE            persist rules, webhooks and idempotency records to FILE
  --latency MS           add MS of latency to every API request
  --error-rate R         answer a share R (0..1) of API calls with --error-status
  --error-status CODE    500 or 503 (default 500)
  --fault-seed N         seed of the fault PRNG (default 1)
  --rules-path PATH      default /api/v2/routing/interactionroutingrules
  --webhooks-path PATH   default /api/v2/webhooks
  --token-path PATH      default /oauth/token
  --quiet                no request log on stderr
  --help                 this text
`;

export interface CliIo {
  stdout: (line: string) => void;
  stderr: (line: string) => void;
}

const processIo: CliIo = {
  stdout: (line) => process.stdout.write(`${line}\n`),
  stderr: (line) => process.stderr.write(`${line}\n`),
};

/** Parses flags into simulator options; throws CliUsageError on bad input. */
export function optionsFromArgs(argv: string[]): { options: SimulatorOptions; help: boolean; quiet: boolean } {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: "string" },
        "client-id": { type: "string" },
        "client-secret": { type: "string" },
        "access-key-id": { type: "string" },
        "access-key-secret": { type: "string" },
        "token-ttl": { type: "string" },
        "rate-limit": { type: "string" },
        "no-retry-after": { type: "boolean" },
        data: { type: "string" },
        latency: { type: "string" },
        "error-rate": { type: "string" },
        "error-status": { type: "string" },
        "fault-seed": { type: "string" },
        "rules-path": { type: "string" },
        "webhooks-path": { type: "string" },
        "token-path": { type: "string" },
        quiet: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (error) {
    throw new CliUsageError((error as Error).message);
  }
  const flags = parsed.values;
  const number = (name: string, raw: string | undefined): number | undefined => {
    if (raw === undefined) return undefined;
    const value = Number(raw);
    if (raw.trim() === "" || !Number.isFinite(value)) throw new CliUsageError(`--${name} expects a number, got ${JSON.stringify(raw)}`);
    return value;
  };

  const faults: FaultConfig = {};
  const latency = number("latency", flags.latency);
  if (latency !== undefined) faults.latencyMs = latency;
  const errorRate = number("error-rate", flags["error-rate"]);
  if (errorRate !== undefined) faults.errorRate = errorRate;
  const errorStatus = number("error-status", flags["error-status"]);
  if (errorStatus !== undefined) {
    if (errorStatus !== 500 && errorStatus !== 503) throw new CliUsageError("--error-status must be 500 or 503");
    faults.errorStatus = errorStatus;
  }

  const options: SimulatorOptions = { port: number("port", flags.port) ?? 8080, faults };
  if (flags["client-id"] !== undefined) options.clientId = flags["client-id"];
  if (flags["client-secret"] !== undefined) options.clientSecret = flags["client-secret"];
  if (flags["access-key-id"] !== undefined) options.accessKeyId = flags["access-key-id"];
  if (flags["access-key-secret"] !== undefined) options.accessKeySecret = flags["access-key-secret"];
  const ttl = number("token-ttl", flags["token-ttl"]);
  if (ttl !== undefined) options.tokenTtlSeconds = ttl;
  const rateLimit = number("rate-limit", flags["rate-limit"]);
  if (rateLimit !== undefined) options.rateLimitPerMinute = rateLimit;
  if (flags["no-retry-after"] === true) options.retryAfterHeader = false;
  if (flags.data !== undefined) options.dataFile = resolve(flags.data);
  const seed = number("fault-seed", flags["fault-seed"]);
  if (seed !== undefined) options.faultSeed = seed;
  if (flags["rules-path"] !== undefined) options.rulesPath = flags["rules-path"];
  if (flags["webhooks-path"] !== undefined) options.webhooksPath = flags["webhooks-path"];
  if (flags["token-path"] !== undefined) options.tokenPath = flags["token-path"];
  return { options, help: flags.help === true, quiet: flags.quiet === true };
}

/**
 * Entry point of the cxone-sim bin: starts the simulator, prints its URL as the first stdout
 * line, and closes it on SIGINT/SIGTERM. Resolves with the running simulator (undefined for
 * --help or on failure, in which case process.exitCode is set).
 */
export async function main(argv: string[], io: CliIo = processIo): Promise<RunningSimulator | undefined> {
  let simulator: RunningSimulator;
  let clientId: string = DEFAULT_CREDENTIALS.clientId;
  try {
    const { options, help, quiet } = optionsFromArgs(argv);
    clientId = options.clientId ?? clientId;
    if (help) {
      io.stdout(USAGE);
      return undefined;
    }
    options.logger = {
      info: (message) => {
        if (!quiet) io.stderr(message);
      },
      warn: (message) => io.stderr(`warning: ${message}`),
    };
    simulator = await startSimulator(options);
  } catch (error) {
    const usage = error instanceof CliUsageError || error instanceof SimulatorOptionsError;
    io.stderr(`cxone-sim: ${(error as Error).message}`);
    if (usage) io.stderr("Run cxone-sim --help for the list of options.");
    process.exitCode = usage ? 2 : 1;
    return undefined;
  }

  io.stdout(simulator.url);
  io.stderr(`cxone-sim listening on ${simulator.url} (client id ${clientId}; admin API at ${simulator.url}/_admin)`);

  const shutdown = (signal: NodeJS.Signals): void => {
    process.off("SIGINT", shutdown);
    process.off("SIGTERM", shutdown);
    io.stderr(`cxone-sim: ${signal}, closing`);
    simulator.close().then(
      () => {
        process.exitCode = 0;
      },
      (error: unknown) => {
        io.stderr(`cxone-sim: close failed: ${(error as Error).message}`);
        process.exitCode = 1;
      },
    );
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
  return simulator;
}
