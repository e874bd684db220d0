"""Generate a community data dir for benchmarks: N people, ~20 skills, ~10 endorsements given each.

    python bench/generate_community.py --people 100000 --out bench/data/100k
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("SKILLER_NO_KEYRING", "1")

from skiller_desktop.demo import generate_community
from skiller_desktop.services import Services


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--people", type=int, default=10_000)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    if args.out.exists() and any(args.out.iterdir()):
        sys.exit(f"{args.out} is not empty")
    services = Services(args.out)
    services.create_identity("Bench User", "Benchmarks")
    began = time.perf_counter()

    def progress(done: int, total: int) -> None:
        rate = done / (time.perf_counter() - began)
        print(f"\r{done:,}/{total:,} people  ({rate:,.0f}/s)", end="", flush=True)

    generate_community(services.store, args.people, seed=args.seed, batch=2000, progress=progress)
    elapsed = time.perf_counter() - began
    counts = {t: services.db.one(f"SELECT COUNT(*) AS n FROM {t}")["n"] for t in ("persons", "skills", "endorsements")}
    size = (args.out / "skiller.sqlite3").stat().st_size
    services.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    services.close()
    print(f"\ngenerated in {elapsed:.1f} s: {counts}, store {size / 1e6:.0f} MB")


if __name__ == "__main__":
    main()
