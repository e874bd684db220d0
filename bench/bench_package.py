"""The packaged app: its folder's size and the built app's start-up time (issue 16's budgets).

    python bench/bench_package.py [--build] [--runs 5] [--people 300]

Uses dist/ as `python3 dev.py package` left it (--build: builds it first, and reports the build's
time). Then, with the BUILT executables only (no Python sources, no .venv):

- size: the folder (dist/skiller, or dist/Skiller.app), its largest parts, and the archive;
- CLI start: `skiller --version` (the bootloader unpacking nothing: one-folder);
- window interactive: from launching `skiller` on a data dir with an identity and a community of
  --people, to the main window shown with its event loop running (the app's "ui-ready" line),
  offscreen. "cold" is the first launch after the kernel's page cache was dropped (as root, where
  /proc/sys/vm/drop_caches is writable), else the first launch of this run, said as such;
  "warm" is the median of the others.

Budgets: folder ≤ 250 MB, window interactive ≤ 2 s cold.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BUDGET_MB, BUDGET_START_S = 250, 2.0


def load_layout():
    spec = importlib.util.spec_from_file_location("skiller_layout", ROOT / "packaging" / "layout.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


layout = load_layout()


def size_of(path: Path) -> int:
    return sum(p.lstat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def env_for(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "QT_", "SKILLER_"))}
    env.update(HOME=str(home), XDG_CONFIG_HOME=str(home / "config"), SKILLER_NO_KEYRING="1",
               QT_QPA_PLATFORM="offscreen")
    return env


def drop_caches() -> bool:
    try:
        os.sync()
        Path("/proc/sys/vm/drop_caches").write_text("3\n")
        return True
    except OSError:
        return False


def time_to_ready(exe: Path, data_dir: Path, home: Path) -> float:
    env = {**env_for(home), "SKILLER_UI_EXIT_WHEN_READY": "1"}
    started = time.perf_counter()
    app = subprocess.Popen([str(exe), "--data-dir", str(data_dir)], env=env, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, text=True)
    assert app.stdout is not None
    line = app.stdout.readline()
    ready = time.perf_counter() - started
    _, err = app.communicate(timeout=120)
    if line.strip() != "ui-ready":
        raise SystemExit(f"the app did not get ready: {err[-2000:]}")
    return ready


def report_size(root: Path) -> float:
    total = size_of(root)
    print(f"folder: {root} — {total / 1e6:.0f} MB (budget {BUDGET_MB} MB)")
    internal = root / "_internal" if (root / "_internal").exists() else root
    parts = sorted(((size_of(p) if p.is_dir() else p.lstat().st_size, p.name) for p in internal.iterdir()),
                   reverse=True)[:8]
    print("  largest: " + ", ".join(f"{name} {size / 1e6:.0f} MB" for size, name in parts))
    for archive in sorted(layout.DIST.glob("*.tar.gz")) + sorted(layout.DIST.glob("*.dmg")):
        print(f"  archive: {archive.name} — {archive.stat().st_size / 1e6:.0f} MB")
    return total / 1e6


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--build", action="store_true", help="build with `python3 dev.py package` first")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--people", type=int, default=300)
    args = parser.parse_args()
    if args.build or not layout.executable("gui").exists():
        started = time.monotonic()
        subprocess.run([sys.executable, str(ROOT / "packaging" / "build.py")], cwd=ROOT, check=True)
        print(f"build: {time.monotonic() - started:.0f} s")
    megabytes = report_size(layout.package_root())
    cli, gui = layout.executable("cli"), layout.executable("gui")
    with tempfile.TemporaryDirectory(prefix="skiller-bench-") as tmp:
        home = Path(tmp)
        cli_runs = []
        for _ in range(5):
            started = time.perf_counter()
            subprocess.run([str(cli), "--version"], env=env_for(home), check=True, capture_output=True)
            cli_runs.append(time.perf_counter() - started)
        print(f"CLI start (skiller --version): median {statistics.median(cli_runs) * 1000:.0f} ms")
        data_dir = home / "data"
        subprocess.run([str(cli), "--data-dir", str(data_dir), "demo", "--people", str(args.people)],
                       env=env_for(home), check=True, capture_output=True)
        cold_for_real = drop_caches()
        times = [time_to_ready(gui, data_dir, home) for _ in range(max(args.runs, 2))]
        cold, warm = times[0], statistics.median(times[1:])
        what = "cold (page cache dropped)" if cold_for_real else "first launch (page cache NOT dropped: not root)"
        print(f"window interactive, {args.people} people: {what} {cold:.2f} s, warm median {warm:.2f} s "
              f"(budget {BUDGET_START_S:.0f} s cold)")
    within = megabytes <= BUDGET_MB and cold <= BUDGET_START_S
    print("within budget" if within else "OVER BUDGET")
    return 0


if __name__ == "__main__":
    sys.exit(main())
