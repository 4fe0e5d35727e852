import { closeAllClients, getClient, type CxoneClient } from "../../src/client/index";
import type { MalformedShape, RunningSimulator } from "../../src/simulator/index";
import { clientConfig, startSim } from "./helpers";
import { seedRule } from "../helpers/rules";

export const RULES = "/api/v2/routing/interactionroutingrules";

export interface MalformedFixture {
  sim: RunningSimulator;
  client: CxoneClient;
  /** A seeded rule and its ETag. */
  ruleId: string;
  etag: string;
  /** From now on the simulator answers successful rules/webhooks calls with `shape` (`count` times, or always). */
  breakReplies(shape: MalformedShape, count?: number): void;
  close(): Promise<void>;
}

/** A simulator with one rule and a client with quick retries, for the malformed-reply tests. */
export async function malformedFixture(): Promise<MalformedFixture> {
  const sim = await startSim({ rateLimitPerMinute: 0 });
  const { rules } = await sim.admin.seed({ rules: [seedRule({ name: "seeded-rule", priority: 5 })] });
  const client = getClient(clientConfig(sim, { retry: { maxAttempts: 3 } }));
  await client.resolveBaseUrl();
  return {
    sim,
    client,
    ruleId: rules[0]!.id,
    etag: rules[0]!.etag,
    breakReplies: (shape, count) =>
      sim.admin.setFaults({ malformedShape: shape, ...(count === undefined ? {} : { malformedCount: count }) }),
    async close() {
      await closeAllClients();
      await sim.close();
    },
  };
}
