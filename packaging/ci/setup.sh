#!/usr/bin/env bash
# System libraries (Linux), then .venv with the locked dependencies (PyInstaller included).
set -euo pipefail
cd "$(dirname "$0")/../.."
bash packaging/ci/system-deps.sh
python3 dev.py setup 2>/dev/null || python dev.py setup
