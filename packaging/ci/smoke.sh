#!/usr/bin/env bash
# The built app, not the sources: its command line, its relay, its window (offscreen, and on Linux in
# a real X server), a first sync through its own worker processes. Where POSIX signals exist the
# built-binary tests run whole (tests/integration/test_package_built.py); on Windows the same
# commands run here by hand.
set -euo pipefail
cd "$(dirname "$0")/../.."
source packaging/ci/python.sh
export SKILLER_NO_KEYRING=1 QT_QPA_PLATFORM=offscreen
folder=$("$PY" -c "import sys; sys.path.insert(0, 'packaging'); import layout; print(layout.folder())")
if [ "$(uname -s)" = Linux ] || [ "$(uname -s)" = Darwin ]; then
  SKILLER_BUILT_DIR="$folder" "$PY" -m pytest -q -p no:cacheprovider tests/integration/test_package_built.py
  exit 0
fi
cli="$folder/skiller-cli.exe"
relay="$folder/skiller-relay.exe"
data=$(mktemp -d)/"Élodie Müller"
"$cli" --version
"$cli" --data-dir "$data" init --name "Élodie Müller"
"$cli" --data-dir "$data" skill add Tissage --level 4
"$cli" --data-dir "$data" search tissage | grep -q "Élodie"
"$cli" --data-dir "$data" export pdf "$data/portfolio.pdf"
"$relay" --port 8799 --db "$data/relay.sqlite3" &
relay_pid=$!
trap 'kill $relay_pid 2>/dev/null || true' EXIT
"$PY" - <<'PYEOF'
import json, time, urllib.request
for _ in range(120):
    try:
        print(json.loads(urllib.request.urlopen("http://127.0.0.1:8799/v1/info", timeout=2).read()))
        break
    except OSError:
        time.sleep(0.5)
else:
    raise SystemExit("the built relay never answered /v1/info")
PYEOF
community=$(mktemp -d)/community
"$cli" --data-dir "$community" demo --people 200
"$cli" --data-dir "$community" sync --relay http://127.0.0.1:8799 --once
SKILLER_SYNC_WORKERS=2 "$cli" --data-dir "$data" sync --relay http://127.0.0.1:8799 --once  # 200 documents: the worker pool
"$cli" --data-dir "$data" --json people --limit 1000 | "$PY" -c "import json, sys; assert len(json.load(sys.stdin)) >= 200"
echo "smoke test passed"
