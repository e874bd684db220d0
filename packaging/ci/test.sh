#!/usr/bin/env bash
# The whole test suite. On Linux the built-binary tests build the app too; elsewhere the relay's
# PostgreSQL tests skip when no PostgreSQL is installed (on Linux, system-deps.sh installs it).
set -euo pipefail
cd "$(dirname "$0")/../.."
source packaging/ci/python.sh
export QT_QPA_PLATFORM=offscreen
if [ "$(uname -s)" = Linux ]; then
  "$PY" -m pytest -q -p no:cacheprovider
else
  CI= "$PY" -m pytest -q -p no:cacheprovider
fi
