#!/usr/bin/env bash
# The app's folder (dist/skiller, or dist/Skiller.app on macOS), not yet packed: signing comes between.
set -euo pipefail
cd "$(dirname "$0")/../.."
source packaging/ci/python.sh
"$PY" packaging/build.py --folder-only
