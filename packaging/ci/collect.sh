#!/usr/bin/env bash
# What the release uploads, gathered in dist/release/: the archive, disk image or installer (signed and
# notarised by then when the secrets were set).
set -euo pipefail
cd "$(dirname "$0")/../.."
source packaging/ci/python.sh
rm -rf dist/release
mkdir -p dist/release
for made in dist/skiller-*.tar.gz dist/Skiller-*.dmg dist/Skiller-*-setup.exe; do
  if [ -e "$made" ]; then cp "$made" dist/release/; fi
done
if [ -z "$(ls -A dist/release)" ]; then  # Windows without Inno Setup: the folder itself, zipped
  "$PY" -c "import shutil; shutil.make_archive('dist/release/skiller-windows', 'zip', 'dist', 'skiller')"
fi
ls -l dist/release
