"""Start-up time of read-only `skiller` commands, against a bare Python start.

    python bench/bench_cli_start.py [--data-dir DIR] [--people 300] [--runs 15]

Each figure is the wall time of a whole child process (`subprocess.run`), the
median of `--runs` runs after one warm-up run (so the OS file cache is warm, as
it is for a user typing a second command). The warm-up also writes our modules'
bytecode (into a temporary PYTHONPYCACHEPREFIX, not the source tree), as an
installed `skiller` has it; `--no-bytecode` measures with every module compiled
at each start instead (PYTHONDONTWRITEBYTECODE=1, as some CI shells set). A read-only command has a budget of
150 ms (issue 11): it must not import what it does not use (the sync server,
requests, sqlite-utils, Qt). `--imports` also lists the heaviest modules the
command imports (`python -X importtime`), to say where the time goes.

The demo data dir is created once (`skiller demo`) when it has no store yet.
On Linux the commands find it as a user's `skiller` does, through the
platform's data dir (XDG_DATA_HOME points at a scratch dir that links to it);
elsewhere they are given `--data-dir`. The private key is kept in a file
(SKILLER_NO_KEYRING=1): reading it from the OS key store costs what that
store costs, outside this budget.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BUDGET_MS = 150.0


CHILD_ENV: dict[str, str] = {}


def environment() -> dict[str, str]:
    return {**os.environ, "SKILLER_NO_KEYRING": "1", "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get(
        "PYTHONPATH", ""), **CHILD_ENV}


def use_bytecode_cache(cache: Path | None) -> None:
    """Children cache bytecode in `cache`; None: they compile every module at each start."""
    if cache is None:
        CHILD_ENV["PYTHONDONTWRITEBYTECODE"] = "1"
        return
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    CHILD_ENV["PYTHONPYCACHEPREFIX"] = str(cache)


def skiller(data_dir: Path | None, *args: str) -> list[str]:
    """The command as a user types it; `data_dir` None: the platform's default one."""
    where = ["--data-dir", str(data_dir)] if data_dir is not None else []
    return [sys.executable, "-m", "skiller_desktop", *where, *args]


def as_default_data_dir(data_dir: Path, scratch: Path) -> Path | None:
    """Make `data_dir` the platform's default one for the children (Linux: XDG); None when it was made so."""
    if not sys.platform.startswith("linux"):
        return data_dir
    profiles = scratch / "xdg" / "Skiller" / "profiles"
    profiles.mkdir(parents=True)
    (profiles / "default").symlink_to(data_dir.resolve(), target_is_directory=True)
    CHILD_ENV["XDG_DATA_HOME"] = str(scratch / "xdg")
    return None


def ensure_demo(data_dir: Path, people: int) -> None:
    if (data_dir / "skiller.sqlite3").exists():
        return
    done = subprocess.run(skiller(data_dir, "demo", "--people", str(people)), env=environment(), cwd=ROOT,
                          capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"could not create the demo data dir: {done.stderr}")


def time_ms(command: list[str], runs: int) -> tuple[float, float, float, float | None]:
    """Median, min and max wall time of `command` in ms, and its median CPU time (user + system).

    The CPU time says what the command costs when other work shares the cores:
    wall time then grows with the machine's load, CPU time much less.
    A failing command stops the bench.
    """
    walls, cpus = [], []
    for index in range(runs + 1):
        before = _children_cpu()
        started = time.perf_counter()
        done = subprocess.run(command, env=environment(), cwd=ROOT, capture_output=True, text=True)
        elapsed = (time.perf_counter() - started) * 1000
        if done.returncode != 0:
            sys.exit(f"{' '.join(command)} failed: {done.stderr}")
        if index:  # the first run warms the file cache
            walls.append(elapsed)
            after = _children_cpu()
            if before is not None and after is not None:
                cpus.append((after - before) * 1000)
    cpu = statistics.median(cpus) if cpus else None
    return statistics.median(walls), min(walls), max(walls), cpu


def _children_cpu() -> float | None:
    """Seconds of CPU used by finished children so far (None where `resource` does not exist: Windows)."""
    try:
        import resource
    except ImportError:
        return None
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def heaviest_imports(command: list[str], top: int = 8) -> list[tuple[int, str]]:
    """The modules with the largest cumulative import time (µs), top-level ones only."""
    done = subprocess.run([command[0], "-X", "importtime", *command[1:]], env=environment(), cwd=ROOT,
                          capture_output=True, text=True)
    rows = []
    for line in done.stderr.splitlines():
        if not line.startswith("import time:") or "cumulative" in line:
            continue
        _, cumulative, name = line[len("import time:"):].split("|")
        if not name.startswith("  "):  # not nested under another import
            rows.append((int(cumulative), name.strip()))
    return sorted(rows, reverse=True)[:top]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, help="a demo data dir (default: a fresh temporary one)")
    parser.add_argument("--people", type=int, default=300)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--imports", action="store_true", help="also list the heaviest imports of each command")
    parser.add_argument("--no-bytecode", action="store_true", help="compile every module at each start")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="skiller-bench-cli-") as scratch:
        use_bytecode_cache(None if args.no_bytecode else Path(scratch) / "pycache")
        data_dir = args.data_dir or Path(scratch) / "demo"
        ensure_demo(data_dir, args.people)
        given = as_default_data_dir(data_dir, Path(scratch))
        commands = {
            "python -c pass": [sys.executable, "-c", "pass"],
            "skiller whoami": skiller(given, "whoami"),
            "skiller search x": skiller(given, "search", "x"),
        }
        cache = "compiled at each start" if args.no_bytecode else "bytecode cached"
        print(f"median of {args.runs} runs (min–max), {cache}, budget {BUDGET_MS:.0f} ms for a read-only command")
        over = False
        print(f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores" if hasattr(os, "getloadavg") else "")
        for label, command in commands.items():
            median, low, high, cpu = time_ms(command, args.runs)
            verdict = "" if label.startswith("python") else ("  ok" if median <= BUDGET_MS else "  OVER BUDGET")
            over |= verdict == "  OVER BUDGET"
            cpu_text = f"  cpu {cpu:6.1f} ms" if cpu is not None else ""
            print(f"  {label:<18} {median:7.1f} ms  ({low:.1f}–{high:.1f}){cpu_text}{verdict}")
            if args.imports and not label.startswith("python"):
                for micros, name in heaviest_imports(command):
                    print(f"      {micros / 1000:7.1f} ms  import {name}")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
