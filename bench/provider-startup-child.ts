/**
 * Forked by provider-startup.bench.ts: does what a dynamic-provider process does for a `pulumi up`
 * of new rules (loads @pulumi/pulumi, then this package's runtime, configures it, then checks and
 * creates each rule) and reports, on its IPC channel, how long each stage took and the process's
 * RSS after it. `bare` stops after @pulumi/pulumi: what the bare dynamic resource's provider holds.
 */
import path from "node:path";

interface Stage {
  readonly name: string;
  readonly ms: number;
  readonly rssMb: number;
}

const stages: Stage[] = [];
let last = performance.now();
function stage(name: string): void {
  const now = performance.now();
  stages.push({ name, ms: now - last, rssMb: process.memoryUsage().rss / 1e6 });
  last = now;
}

type Provider = { check(olds: object, news: object): Promise<{ inputs?: object }>; create(inputs: object): Promise<unknown> };
type Runtime = { configure(req: object): Promise<void>; r: Provider };

async function main(): Promise<void> {
  const [variant, countText] = process.argv.slice(2);
  require("@pulumi/pulumi");
  stage("pulumi");
  if (variant === "cxone") {
    const runtime = require(path.join(__dirname, "..", "src", "provider", "runtime")) as Runtime;
    stage("load");
    await runtime.configure({ config: { get: () => undefined } });
    const count = Number(countText);
    for (let i = 0; i < count; i++) {
      const news = {
        __urn: `urn:pulumi:bench::bench::pulumi-nodejs:dynamic/cxone:RoutingRule::rule-${i}`,
        name: `Segment ${i}`,
        priority: 1000 + i,
        interactionType: "voice",
        conditions: [{ field: "segment", operator: "equals", value: `s${i}` }],
        targets: [{ type: "queue", id: `queue-${i}`, weight: 100, capacity: 10 }],
      };
      const checked = await runtime.r.check({}, news);
      if (i === 0) stage("first_check");
      await runtime.r.create(checked.inputs ?? news);
    }
    stage("creates");
  }
  process.send?.({ stages, peakRssMb: process.resourceUsage().maxRSS / 1024 });
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
