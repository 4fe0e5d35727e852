import { describe, expect, it } from "vitest";
import { optionsFromArgs } from "../../src/simulator/cli";
import { CliUsageError } from "../../src/simulator/cli-usage-error";

describe("cxone-sim flag parsing", () => {
  it("maps every flag onto simulator options", () => {
    const { options, quiet, help } = optionsFromArgs([
      "--port",
      "9000",
      "--client-id",
      "c",
      "--client-secret",
      "s",
      "--access-key-id",
      "k",
      "--access-key-secret",
      "ks",
      "--rate-limit",
      "30",
      "--token-ttl",
      "60",
      "--latency",
      "25",
      "--error-rate",
      "0.2",
      "--error-status",
      "503",
      "--fault-seed",
      "7",
      "--no-retry-after",
      "--quiet",
    ]);
    expect(options).toMatchObject({
      port: 9000,
      clientId: "c",
      clientSecret: "s",
      accessKeyId: "k",
      accessKeySecret: "ks",
      rateLimitPerMinute: 30,
      tokenTtlSeconds: 60,
      faultSeed: 7,
      retryAfterHeader: false,
      faults: { latencyMs: 25, errorRate: 0.2, errorStatus: 503 },
    });
    expect(quiet).toBe(true);
    expect(help).toBe(false);
  });

  it("defaults to port 8080", () => {
    expect(optionsFromArgs([]).options.port).toBe(8080);
  });

  it("rejects malformed numbers, statuses and unknown flags", () => {
    expect(() => optionsFromArgs(["--port", "eighty"])).toThrow(CliUsageError);
    expect(() => optionsFromArgs(["--error-status", "418"])).toThrow(CliUsageError);
    expect(() => optionsFromArgs(["--what"])).toThrow(CliUsageError);
  });
});
