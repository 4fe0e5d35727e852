#!/usr/bin/env bash
# Installs the packed tarball into a scratch Pulumi-style project and type-checks a program that
# imports `pulumi-cxone-routing` and `pulumi-cxone-routing/simulator` under Pulumi's template
# tsconfig ("moduleResolution": "node") and under node16. Checks one copy of @pulumi/pulumi.
#   PACK_CHECK_DIR   scratch folder (default: a fresh temp folder)
#   PULUMI_VERSION   @pulumi/pulumi to install beside the package (default: the devDependency)
# Needs the npm cache (or the registry): installs run with --prefer-offline.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export PATH="$repo/node_modules/.bin:$PATH"
say() { printf '[check-package] %s\n' "$*" >&2; }
dir=${PACK_CHECK_DIR:-$(mktemp -d -t pack-check.XXXXXX)}
pulumi_version=${PULUMI_VERSION:-$(node -p "require('$repo/package.json').devDependencies['@pulumi/pulumi']")}
rm -rf "$dir" && mkdir -p "$dir"

say "packing $repo"
# Build only when there is nothing to pack: tests run this while other tests use dist/.
[ -f "$repo/dist/src/index.js" ] || (cd "$repo" && tsc -p tsconfig.build.json)
tarball=$(cd "$repo" && npm pack --ignore-scripts --pack-destination "$dir" --loglevel=error | tail -n 1)

cd "$dir"
npm init -y --loglevel=error >/dev/null
say "installing $tarball with @pulumi/pulumi@$pulumi_version and typescript"
npm install --no-audit --no-fund --prefer-offline --loglevel=error \
  "./$tarball" "@pulumi/pulumi@$pulumi_version" "typescript@$(tsc --version | awk '{print $2}')" "@types/node@$(node -p "require('$repo/package.json').devDependencies['@types/node']")" >/dev/null

count=$(npm ls @pulumi/pulumi --all --parseable | sort -u | wc -l)
npm ls @pulumi/pulumi --all
[ "$count" -eq 1 ] || { say "error: expected one copy of @pulumi/pulumi, found $count"; exit 1; }

cat > index.ts <<'TS'
import * as pulumi from "@pulumi/pulumi";
import { RoutingRule, Webhook, type InteractionType } from "pulumi-cxone-routing";
import { startSimulator } from "pulumi-cxone-routing/simulator";
import { configure } from "pulumi-cxone-routing/runtime";

const channel: InteractionType = "voice";
const rule = new RoutingRule("vip-voice", {
  name: "VIP voice",
  priority: 10,
  interactionType: channel,
  conditions: [{ field: "customerSegment", operator: "equals", value: "vip" }],
  targets: [{ type: "queue", id: "q-vip", weight: 100, capacity: 5 }],
});
new Webhook("rule-events", {
  name: "rule events",
  targetURL: "https://example.com/hooks/cxone",
  eventFilter: "routing.rule.created routing.rule.updated",
});

export async function simulate(): Promise<string> {
  const sim = await startSimulator({ port: 0 });
  await sim.close();
  return sim.url;
}
export const ruleName: pulumi.Output<string> = rule.name;
export const configureIsAFunction = typeof configure === "function";
TS
# Enum-like inputs take any string (a typo is refused at preview, with "did you mean"), and a
# value held in a variable compiles; a value of the wrong type still must not compile.
cat > typo.ts <<'TS'
import { RoutingRule } from "pulumi-cxone-routing";
const targets = [{ type: "queue", id: "q", weight: 100, capacity: 10 }];
new RoutingRule("natural", { name: "n", priority: 1, interactionType: "voice", targets });
new RoutingRule("typo", { name: "t", priority: "1", interactionType: "voice", targets: [] });
TS

template='{"compilerOptions":{"strict":true,"outDir":"bin","target":"es2020","module":"commonjs","moduleResolution":"node","sourceMap":true,"experimentalDecorators":true,"pretty":true,"noFallthroughCasesInSwitch":true,"noImplicitReturns":true,"forceConsistentCasingInFileNames":true},"files":["index.ts"]}'
printf '%s\n' "$template" > tsconfig.json
node -e '
const t = JSON.parse(process.argv[1]);
const write = (file, over, files) => require("fs").writeFileSync(file, JSON.stringify({ compilerOptions: { ...t.compilerOptions, ...over }, files }, null, 2));
write("tsconfig.node16.json", { module: "node16", moduleResolution: "node16" }, ["index.ts"]);
write("tsconfig.bundler.json", { module: "esnext", moduleResolution: "bundler", noEmit: true }, ["index.ts"]);
write("tsconfig.typo.json", {}, ["typo.ts"]);
' "$template"

for config in tsconfig.json tsconfig.node16.json tsconfig.bundler.json; do
  say "tsc -p $config"
  npx --no-install tsc -p "$config"
done
if npx --no-install tsc -p tsconfig.typo.json --noEmit --pretty false >typo.out 2>&1; then
  say "error: priority \"1\" (a string) compiled"; exit 1
fi
# Exactly one error: the string priority, not the variable-held targets.
[ "$(grep -c 'error TS' typo.out)" -eq 1 ] && grep -q "typo.ts(4," typo.out || { cat typo.out; say "error: unexpected type errors"; exit 1; }
say "requiring the entry points at run time"
node -e '
require("pulumi-cxone-routing");
if (typeof require("pulumi-cxone-routing/runtime").configure !== "function") process.exit(1);
require("pulumi-cxone-routing/simulator").startSimulator().then((sim) => sim.close());
'
say "ok: $dir"
