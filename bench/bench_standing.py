"""Standing at 100k people: full computation, update after 100 changed documents, one page, memory; attacks.

    python bench/bench_standing.py [--people 100000] [--store PATH]

Budgets (docs/DESIGN.md §8, issue 14): full <= 2 s on 2 cores, update after
100 changed documents <= 0.3 s, the standing of one page of search results
<= 5 ms, memory added <= 150 MB. Then the attack table: a ring of fake
identities endorsing each other and one target, joined to the honest network
by 0, 1, 5 and 20 attack edges (an honest person endorsing one of them), and
500 fakes behind one edge; the target's gain as an honest viewer sees it, next
to its raw-count gain and to the standing of an honest expert whom two people
the viewer knows endorsed.

The community is the one bench/community.py generates (~20 skills and ~10
endorsements given each, over its skill list), written straight into the read
models: the engine reads nothing else, and signing 100k documents would take
this bench an hour. The viewer has a realistic network: knows 20 people,
endorsed 10, shares two teams. `--store` reuses a store filled before (by this
bench, or bench/generate_community.py with a viewer of its own).
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("SKILLER_NO_KEYRING", "1")

from bench.community import SKILLS
from skiller_desktop import standing_read
from skiller_desktop.db import Database
from skiller_desktop.queries import Queries
from skiller_desktop.store_numbers import numbered_endorsements
from skiller_desktop.text import fold, skill_group, skill_key

EXPERT_SKILL = "Menuiserie"
ATTACK_SKILL = "Menuiserie"


def pid(i: int | str) -> str:
    return f"did:key:z6Mkbench{i}"


def person_row(person: str, name: str) -> tuple:
    return (person, name, fold(name), "", "", "", "[]", "[]", "", 0, "2026-01-01T00:00:00Z", 0)


def insert_people(db: Database, people: list[tuple[str, str]]) -> None:
    db.executemany(
        """INSERT OR REPLACE INTO persons (person_id, name, name_fold, headline, bio, location, links, languages,
               availability, skill_count, updated_at, max_level) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)""",
        [person_row(p, n) for p, n in people],
    )


def endorsement_row(endorser: str, number: int, subject: str, skill: str, level: int = 0) -> tuple:
    """As readmodel._endorsement_rows makes it (the store's numbers appended by insert_endorsements)."""
    return (f"e{number}", endorser, subject, skill_key(skill), skill, "", level, "2026-01-01", 0, "", "",
            skill_group(skill))


def insert_endorsements(db: Database, rows: list[tuple]) -> None:
    with db.transaction() as conn:
        numbered = numbered_endorsements(conn, rows)
        conn.executemany(f"INSERT OR REPLACE INTO endorsements VALUES ({','.join('?' * len(numbered[0]))})",
                         numbered)


def fill(db: Database, people: int, seed: int = 1) -> dict:
    """The community, the viewer's network, and an honest expert endorsed by two people the viewer knows."""
    rng = random.Random(seed)
    ids = [pid(i) for i in range(people)]
    with db.transaction():
        insert_people(db, [(p, f"Person {i}") for i, p in enumerate(ids)])
        for start in range(0, people, 5000):
            chunk = range(start, min(people, start + 5000))
            db.executemany(
                """INSERT INTO skills (person_id, skill_key, name, level, years, description, keywords, evidence,
                       position, person_name_fold, availability, skill_group) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)""",
                [(ids[i], skill_key(s), s, rng.randint(1, 5), 1, "", "[]", "[]", float(k), f"person {i}", "",
                  skill_key(s))
                 for i in chunk for k, s in enumerate(rng.sample(SKILLS, 20))],
            )
            insert_endorsements(db, [
                endorsement_row(ids[i], j, subject, rng.choice(SKILLS), rng.choice((0, 0, 3, 4, 5)))
                for i in chunk for j, subject in enumerate(rng.sample(ids, 10)) if subject != ids[i]
            ])
    viewer = ids[0]
    network = rng.sample(ids[1:2000], 40)
    known, endorsed, team_a, team_b = network[:20], network[20:30], network[30:36], network[36:40]
    expert = ids[2500]
    with db.transaction() as conn:
        conn.execute("DELETE FROM endorsements WHERE endorser_id = ?", (viewer,))
        conn.executemany("INSERT INTO known_people VALUES (?, ?, '2026-01-01', '')", [(viewer, k) for k in known])
        insert_endorsements(db, [endorsement_row(viewer, j, p, rng.choice(SKILLS), 4) for j, p in enumerate(endorsed)])
        insert_endorsements(db, [endorsement_row(k, 900 + j, expert, EXPERT_SKILL, 5) for j, k in enumerate(known[:2])])
        for team, members in (("team:a", [viewer, *team_a]), ("team:b", [viewer, *team_b])):
            conn.executemany("INSERT INTO team_members VALUES (?, ?, 'member', '', '2026-01-01', '')",
                             [(team, m) for m in members])
            conn.executemany("INSERT INTO team_acceptances VALUES (?, ?, '', '', '2026-01-01')",  # members count
                             [(m, team) for m in members])  # once they accepted (standing_load.teams)
    return {"viewer": viewer, "ids": ids, "expert": expert, "rng": rng}


def rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def say(label: str, value: float, unit: str, budget: float | None = None) -> None:
    verdict = "" if budget is None else ("  ok" if value <= budget else f"  OVER (budget {budget:g} {unit})")
    print(f"{label:<46} {value:10.3f} {unit}{verdict}")


def bench_engine(db: Database, world: dict) -> object:
    from skiller_desktop.standing import StandingEngine

    before = rss_mb()
    engine = StandingEngine(db, world["viewer"])
    started, cpu = time.perf_counter(), time.process_time()
    report = engine.compute()
    say("full computation", time.perf_counter() - started, "s", 2.0)
    say("    its CPU time (all threads)", time.process_time() - cpu, "s")
    print(f"    {report.people:,} people, {report.endorsements:,} endorsements, {report.edges:,} trust edges, "
          f"{report.rows_written:,} rows written")
    say("memory added (RSS)", rss_mb() - before, "MB", 150)
    changed = world["rng"].sample(world["ids"][1:], 100)
    with db.transaction():
        insert_endorsements(db, [endorsement_row(p, 7000 + i, world["rng"].choice(world["ids"]), "Python", 3)
                                 for i, p in enumerate(changed)])
        db.execute("UPDATE endorsements SET revoked = 1 WHERE endorser_id = ? AND endorsement_id = 'e1'",
                   (changed[0],))
    started, cpu = time.perf_counter(), time.process_time()
    report = engine.update(set(changed))
    say("update after 100 changed documents", time.perf_counter() - started, "s", 0.3)
    say("    its CPU time", time.process_time() - cpu, "s")
    print(f"    {report.rows_written:,} rows rewritten")
    say("memory added after the update (RSS)", rss_mb() - before, "MB", 150)  # what a long session keeps
    page = [r.person_id for r in Queries(db).search(skill="Python", limit=50).people]
    times = []
    for _ in range(50):
        started = time.perf_counter()
        standing_read.page_standings(db, page, "Python")
        times.append(time.perf_counter() - started)
    say("standing of one page (50 results), median", sorted(times)[25] * 1000, "ms", 5)
    for reading in ("first", "warm"):  # the first pass reads the store's pages into SQLite's cache
        times = []
        for skill in SKILLS:
            started = time.perf_counter()
            Queries(db).search(skill=skill, limit=50)
            times.append(time.perf_counter() - started)
        times.sort()
        if reading == "first":
            say("search by skill, first read of each, worst", times[-1] * 1000, "ms")
        else:
            say("search by skill, ranked by standing, p95", times[int(len(times) * 0.95)] * 1000, "ms", 20)
            say("    median", times[len(times) // 2] * 1000, "ms")
    return engine


def score_of(engine, person: str, skill: str) -> float:
    return engine.score_of(person, skill_key(skill))


def attack(db: Database, engine, world: dict, fakes: int, edges: int, tag: str) -> tuple[float, int]:
    """Add a ring and its attack edges, update, read the target's score; then take it all away again."""
    ring = [pid(f"{tag}fake{i}") for i in range(fakes)]
    target = pid(f"{tag}target")
    honest = [p for p in world["rng"].sample(world["ids"][3000:], edges)]
    rows = [endorsement_row(f, 10_000 + j, s, ATTACK_SKILL, 5)
            for f in ring for j, s in enumerate([*(r for r in ring if r != f), target])]
    rows += [endorsement_row(h, 20_000 + i, ring[i % fakes], ATTACK_SKILL, 5) for i, h in enumerate(honest)]
    before = score_of(engine, target, ATTACK_SKILL)
    with db.transaction():
        insert_people(db, [(p, "Fake") for p in [*ring, target]])
        insert_endorsements(db, rows)
    engine.update({*ring, target, *honest})
    gain = score_of(engine, target, ATTACK_SKILL) - before
    with db.transaction() as conn:
        conn.executemany("DELETE FROM endorsements WHERE endorser_id = ? AND endorsement_id = ?",
                         [(h, f"e{20_000 + i}") for i, h in enumerate(honest)])
        conn.executemany("DELETE FROM endorsements WHERE endorser_id = ?", [(f,) for f in ring])
        conn.executemany("DELETE FROM persons WHERE person_id = ?", [(p,) for p in [*ring, target]])
    engine.update({*ring, target, *honest})
    return gain, fakes


def attack_table(db: Database, engine, world: dict) -> None:
    expert = score_of(engine, world["expert"], EXPERT_SKILL)
    print(f"\nattack on {ATTACK_SKILL!r}; honest expert endorsed by two people the viewer knows: "
          f"score {expert:.3e}")
    print(f"{'fakes':>6} {'attack edges':>13} {'raw-count gain':>15} {'standing gain':>14} {'% of expert':>12}")
    for fakes, edges in ((50, 0), (50, 1), (50, 5), (50, 20), (500, 1)):
        gain, raw = attack(db, engine, world, fakes, edges, f"r{fakes}x{edges}")
        share = 100 * gain / expert if expert else float("inf")
        budget = " ok" if (edges == 0 and gain == 0) or (edges == 1 and share < 5) or edges > 1 else "  OVER"
        print(f"{fakes:>6} {edges:>13} {raw:>15} {gain:>14.3e} {share:>11.2f}%{budget}")


def load_average() -> str:
    try:
        return f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"
    except OSError:
        return ""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--store", type=Path, help="a store this bench filled before (kept)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        path = args.store or Path(work) / "standing.sqlite3"
        fresh = not path.exists()
        db = Database(path)
        started = time.perf_counter()
        world = fill(db, args.people) if fresh else _world(db, args.people)
        print(f"community of {args.people:,} people ready in {time.perf_counter() - started:.1f} s; {load_average()}")
        engine = bench_engine(db, world)
        attack_table(db, engine, world)
        db.close()
    return 0


def _world(db: Database, people: int) -> dict:
    rng = random.Random(1)
    ids = [pid(i) for i in range(people)]
    return {"viewer": ids[0], "ids": ids, "expert": ids[2500], "rng": rng}


if __name__ == "__main__":
    sys.exit(main())
