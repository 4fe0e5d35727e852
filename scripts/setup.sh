#!/usr/bin/env bash
# One set-up step for `npm test`, `npm run demo` and `npm run bench` on a fresh clone:
# npm packages (when missing or stale), the TypeScript build, and the Pulumi engine.
#   --no-engine   skip the engine step (benchmarks do not need it)
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo"
say() { printf '[setup] %s\n' "$*" >&2; }

# npm writes node_modules/.package-lock.json on every install; when package-lock.json
# is newer, the tree is stale.
if [ ! -x node_modules/.bin/node ] || [ ! -f node_modules/.package-lock.json ] \
   || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm packages (Node 22 comes in as the devDependency 'node')"
  npm install --no-audit --no-fund --loglevel=error
fi
export PATH="$repo/node_modules/.bin:$PATH"
node_major=$(node -p 'process.versions.node.split(".")[0]')
[ "$node_major" -ge 22 ] || { say "error: node $(node --version) on PATH; expected 22+ from node_modules/.bin"; exit 1; }

say "building TypeScript (node $(node --version))"
tsc -p tsconfig.build.json

if [ "${1:-}" != "--no-engine" ]; then
  bash scripts/pulumi-engine.sh >/dev/null
fi
