"""Search latency over a generated community (budget: p95 <= 20 ms at 100k people).

    python bench/bench_search.py bench/data/100k

Runs a mix of what people type in the People screen: a skill, words of a
name or headline (accents and case folded), a skill with a minimum level,
availability. Each query asks for the first page (50) and the total count,
as the UI does.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("SKILLER_NO_KEYRING", "1")

from skiller_desktop.demo import FIRST_NAMES, HEADLINES, LAST_NAMES, starter_skills
from skiller_desktop.services import Services


def workload(rng: random.Random, count: int) -> list[dict]:
    skills = starter_skills()
    queries = []
    for _ in range(count):
        kind = rng.randrange(6)
        if kind == 0:
            queries.append({"skill": rng.choice(skills)})
        elif kind == 1:
            queries.append({"text": rng.choice(LAST_NAMES).lower()[:4]})
        elif kind == 2:
            queries.append({"text": rng.choice(HEADLINES).split()[0].upper()})
        elif kind == 3:
            queries.append({"skill": rng.choice(skills), "min_level": rng.randint(3, 5)})
        elif kind == 4:
            queries.append({"text": rng.choice(FIRST_NAMES), "skill": rng.choice(skills)})
        else:
            queries.append({"text": "developpeuse", "availability": "available", "min_level": 4})
    return queries


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--queries", type=int, default=600)
    args = parser.parse_args()
    services = Services(args.data_dir)
    people = services.queries.count_people()
    rng = random.Random(42)
    for query in workload(rng, 20):  # warm the page cache, as a running app has it
        services.queries.search(**query)
    timings = []
    slowest = (0.0, {})
    for query in workload(rng, args.queries):
        began = time.perf_counter()
        page = services.queries.search(**query, limit=50)
        elapsed = (time.perf_counter() - began) * 1000
        timings.append(elapsed)
        slowest = max(slowest, (elapsed, {**query, "total": page.total}), key=lambda x: x[0])
    timings.sort()
    p50 = statistics.median(timings)
    p95 = timings[int(len(timings) * 0.95) - 1]
    print(f"search over {people:,} people, {len(timings)} queries: "
          f"p50 {p50:.1f} ms, p95 {p95:.1f} ms, max {timings[-1]:.1f} ms (budget p95 <= 20 ms)")
    print(f"slowest: {slowest[1]}")


if __name__ == "__main__":
    main()
