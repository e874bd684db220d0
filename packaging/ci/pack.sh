#!/usr/bin/env bash
# The folder packed for its OS: a .tar.gz with its install script, a .dmg, or an Inno Setup installer.
set -euo pipefail
cd "$(dirname "$0")/../.."
source packaging/ci/python.sh
"$PY" packaging/build.py --pack-only
