#!/usr/bin/env bash
# Makes the Pulumi engine available at exactly the version of the installed
# @pulumi/pulumi, building it from the Go module proxy when no matching `pulumi`
# is on PATH, and the Node.js language host next to it. The last line printed is the folder that
# holds pulumi, pulumi-language-nodejs and pulumi-resource-pulumi-nodejs.
#
#   PULUMI_ENGINE_CACHE   cache root (default: ${XDG_CACHE_HOME:-~/.cache}/pulumi-cxone-routing/engine)
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
say() { printf '[engine] %s\n' "$*" >&2; }
die() { printf '[engine] error: %s\n' "$*" >&2; exit 1; }

# Resolved the way Node does, so that it also works when this package is installed in a
# user's project and @pulumi/pulumi sits next to it rather than inside it.
sdk_pkg=$(cd "$repo" && node -p "require.resolve('@pulumi/pulumi/package.json')" 2>/dev/null) \
  || die "@pulumi/pulumi is not installed; run 'npm install' first."
version=$(sed -n 's/^ *"version": *"\([^"]*\)".*/\1/p' "$sdk_pkg" | head -n 1)
[ -n "$version" ] || die "cannot read the version of @pulumi/pulumi from $sdk_pkg"
say "@pulumi/pulumi is $version; the engine must match it"

shim_dir=$(dirname "$sdk_pkg")
cache_root=${PULUMI_ENGINE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-cxone-routing/engine}
root="$cache_root/v$version"
bin="$root/bin"

engine_version() { "$1" version 2>/dev/null | tr -d 'v\r\n' || true; }

link_shim() {
  # The dynamic-provider plugin is a shell script shipped inside @pulumi/pulumi;
  # the engine looks for plugins next to itself and on PATH.
  ln -sf "$shim_dir/pulumi-resource-pulumi-nodejs" "$1/pulumi-resource-pulumi-nodejs"
}

# Long silent steps get a heartbeat so a cold build does not look hung.
with_progress() {
  local label=$1; shift
  local start=$SECONDS
  ( while sleep 15; do say "  ... $label: $(( SECONDS - start ))s"; done ) &
  local beat=$!
  local rc=0
  "$@" || rc=$?
  kill "$beat" 2>/dev/null; wait "$beat" 2>/dev/null || true
  return $rc
}
# The Node.js language host. Since v3.69 it is its own module, which the Go module proxy here
# refuses; up to sdk/v3 v3.68.0 it was a package of the SDK module, and that build speaks the same
# protocol as the current engine. A host already on PATH wins (a normal Pulumi install has one).
ensure_langhost() {
  local dir=$1
  [ -x "$dir/pulumi-language-nodejs" ] && return 0
  local on_path
  if on_path=$(command -v pulumi-language-nodejs 2>/dev/null); then
    ln -sf "$on_path" "$dir/pulumi-language-nodejs"
    say "using the Node.js language host at $on_path"
    return 0
  fi
  [ -x /usr/local/go/bin/go ] && ! command -v go >/dev/null 2>&1 && export PATH="$PATH:/usr/local/go/bin"
  command -v go >/dev/null 2>&1 || die "pulumi-language-nodejs is not on PATH and Go is not installed to build it.
  Install Go 1.25 or newer (https://go.dev/dl/) and run 'npm run engine' again."
  local hostsrc="$root/langhost-src"
  say "building pulumi-language-nodejs (sdk/v3 v3.68.0) into $dir"
  mkdir -p "$hostsrc"
  cp "$repo/tools/pulumi-language-nodejs/go.mod" "$repo/tools/pulumi-language-nodejs/go.sum" "$repo/tools/pulumi-language-nodejs/tools.go" "$hostsrc/"
  ( cd "$hostsrc" && with_progress "compiling the language host" go build -trimpath -ldflags "-s -w" \
      -o "$dir/pulumi-language-nodejs.tmp" github.com/pulumi/pulumi/sdk/v3/nodejs/cmd/pulumi-language-nodejs ) \
    || die "cannot build pulumi-language-nodejs from github.com/pulumi/pulumi/sdk/v3@v3.68.0 (see above)."
  mv "$dir/pulumi-language-nodejs.tmp" "$dir/pulumi-language-nodejs"
}

# 1. A `pulumi` on PATH at the same version wins.
if on_path=$(command -v pulumi 2>/dev/null) && [ "$(engine_version "$on_path")" = "$version" ]; then
  say "using $on_path (v$version)"
  dir=$(dirname "$on_path")
  if [ ! -x "$dir/pulumi-resource-pulumi-nodejs" ] || [ ! -x "$dir/pulumi-language-nodejs" ]; then
    mkdir -p "$bin" && ln -sf "$on_path" "$bin/pulumi" && link_shim "$bin" && dir="$bin"
  fi
  ensure_langhost "$dir"
  echo "$dir"
  exit 0
fi

# 2. The cache, when an earlier run built this version.
if [ -x "$bin/pulumi" ] && [ "$(engine_version "$bin/pulumi")" = "$version" ]; then
  link_shim "$bin"
  ensure_langhost "$bin"
  say "cached engine v$version in $bin"
  echo "$bin"
  exit 0
fi

# 3. Build from Go modules. Go's default install folder counts too, in case it is not on PATH.
[ -x /usr/local/go/bin/go ] && ! command -v go >/dev/null 2>&1 && export PATH="$PATH:/usr/local/go/bin"
command -v go >/dev/null 2>&1 || die "Go is not installed and no pulumi v$version is on PATH.
  Install Go 1.25 or newer (https://go.dev/dl/) and run 'npm run engine' again,
  or put a pulumi v$version binary on PATH."

say "building pulumi v$version from the Go module proxy into $root"
say "(a cold build downloads ~300 modules and compiles for several minutes; later runs reuse the cache)"
src="$root/src"
mkdir -p "$src" "$bin"
cp "$repo/tools/pulumi-engine/go.mod" "$repo/tools/pulumi-engine/go.sum" "$src/"
cd "$src"
go mod edit -require="github.com/pulumi/pulumi/pkg/v3@v$version" -require="github.com/pulumi/pulumi/sdk/v3@v$version"
if ! grep -q "github.com/pulumi/pulumi/pkg/v3 v$version " go.sum 2>/dev/null; then
  say "tools/pulumi-engine pins another version; resolving dependencies for v$version"
  go mod tidy || die "cannot resolve github.com/pulumi/pulumi/pkg/v3@v$version from the Go module proxy.
  Pin @pulumi/pulumi to a version whose pkg/v3 module the proxy serves (see README, Development notes)."
fi
say "downloading the modules the CLI needs"
modules=$(with_progress "downloading" go list -deps -f '{{with .Module}}{{.Path}}{{end}}' github.com/pulumi/pulumi/pkg/v3/cmd/pulumi | sort -u | wc -l) \
  || die "module download failed (see above); the Go module proxy must serve every module pulumi v$version needs."
say "  $modules modules ready"
say "compiling pulumi (the longest step)"
start=$SECONDS
with_progress "compiling" go build -trimpath \
  -ldflags "-s -w -X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=v$version" \
  -o "$bin/pulumi.tmp" github.com/pulumi/pulumi/pkg/v3/cmd/pulumi
mv "$bin/pulumi.tmp" "$bin/pulumi"
say "compiled in $(( SECONDS - start ))s"

link_shim "$bin"
ensure_langhost "$bin"
say "engine v$version ready: $(du -sh "$bin" | cut -f1) in bin, $(du -sh "$(go env GOMODCACHE)" 2>/dev/null | cut -f1) in the Go module cache"
echo "$bin"
