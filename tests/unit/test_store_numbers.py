"""The store's person and group numbers (store_numbers, migration 14): what the standing engine reads
endorsements by, so they must be in every row the read model writes, stable, and never reused."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import sqlite_utils

from skiller_desktop import readmodel, store_numbers
from skiller_desktop.db import Database
from skiller_desktop.schema import MIGRATIONS, _standing_numbers

ESCO = "http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d"


def _numbers_agree(db: Database) -> list[tuple]:
    """Rows whose numbers do not name their own endorser, subject and group (none, when all is well): the
    group as the engine reads an unnumbered row, its concept, else its key."""
    return [tuple(r) for r in db.query(
        """SELECT e.endorsement_id FROM endorsements e
           LEFT JOIN person_numbers a ON a.num = e.endorser_num
           LEFT JOIN person_numbers b ON b.num = e.subject_num
           LEFT JOIN group_numbers g ON g.num = e.group_num
           WHERE a.person_id IS NOT e.endorser_id OR b.person_id IS NOT e.subject_id
                 OR g.skill_group IS NOT COALESCE(NULLIF(e.concept, ''), e.skill_key)""")]


def test_endorsements_stored_before_the_numbers_get_theirs(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    db = sqlite_utils.Database(conn)
    for number, step in enumerate(MIGRATIONS[:MIGRATIONS.index(_standing_numbers)], start=1):
        conn.executescript(step) if isinstance(step, str) else step(db)
        conn.execute(f"PRAGMA user_version = {number}")
    conn.executemany(
        """INSERT INTO endorsements (endorsement_id, endorser_id, subject_id, skill_key, skill_name, comment, level,
               date, revoked, revoked_at, concept, skill_group) VALUES (?, ?, ?, ?, ?, '', 0, '', 0, '', ?, ?)""",
        [("e1", "ana", "ben", "python", "Python", "", "python"),
         ("e2", "ana", "cleo", "gestion de projet", "Gestion de projet", ESCO, ESCO),
         ("e1", "ben", "ana", "python", "Python", "", "python"),
         ("e3", "ana", "ben", "rust", "Rust", "", "")])  # an older writer's row: no skill_group
    conn.close()
    migrated = Database(path)
    assert migrated.scalar("SELECT COUNT(*) FROM endorsements WHERE endorser_num * subject_num * group_num = 0") == 0
    assert _numbers_agree(migrated) == []
    assert sorted(r[0] for r in migrated.query("SELECT person_id FROM person_numbers")) == ["ana", "ben", "cleo"]
    # numbered by the group the engine reads a row by (its concept, else its key), as the read model writes it
    assert sorted(r[0] for r in migrated.query("SELECT skill_group FROM group_numbers")) == [ESCO, "python", "rust"]
    migrated.close()


def _person(endorsements: dict[str, tuple[str, str]]) -> dict:
    return {"profile": {"name": "Someone"}, "skills": {}, "updated_at": "2026-01-01T00:00:00Z",
            "endorsements": {eid: {"subject": subject, "skill": skill, "date": "2026-01-01"}
                             for eid, (subject, skill) in endorsements.items()}}


def _write(db: Database, doc_id: str, endorsements: dict[str, tuple[str, str]]) -> None:
    with db.transaction() as conn:
        readmodel.write_people(conn, [readmodel.person_rows(doc_id, _person(endorsements), checked=True)])


def _num(db: Database, person: str) -> int:
    return db.scalar("SELECT num FROM person_numbers WHERE person_id = ?", (person,))


def test_the_read_model_numbers_what_it_writes_and_a_number_stays_with_its_person(tmp_path: Path) -> None:
    db = Database(tmp_path / "store.sqlite3")
    _write(db, "ana", {"e1": ("ben", "Python"), "e2": ("cleo", "Rust")})
    _write(db, "ben", {"e1": ("ana", "Python")})
    assert _numbers_agree(db) == []
    before = {p: _num(db, p) for p in ("ana", "ben", "cleo")}
    assert len(set(before.values())) == 3
    _write(db, "ana", {"e3": ("dan", "Python")})  # ana's document changed: her rows written anew
    with db.transaction() as conn:
        readmodel.remove_people(conn, ["ben"])
    _write(db, "eve", {"e1": ("ben", "Go")})
    for _ in range(20):  # the same document again and again (a peer pushing it unchanged)
        _write(db, "ana", {"e3": ("dan", "Python")})
    assert {p: _num(db, p) for p in ("ana", "ben", "cleo")} == before  # never renumbered
    assert _num(db, "dan") > max(before.values()) and _num(db, "eve") > _num(db, "dan")  # never reused
    for table in ("person_numbers", "group_numbers"):  # rewriting uses no numbers up: no gaps
        assert db.scalar(f"SELECT MAX(num) = COUNT(*) FROM {table}") == 1
    assert _numbers_agree(db) == []
    db.close()


def test_an_endorsement_changed_in_place_loses_its_numbers_and_number_unnumbered_gives_them_back(
        tmp_path: Path) -> None:
    """A later migration that rewrites endorsements' text must not leave numbers naming the old text: the
    trigger takes them (the engine then reads the row by its text), store_numbers gives them back."""
    db = Database(tmp_path / "store.sqlite3")
    _write(db, "ana", {"e1": ("ben", "Python"), "e2": ("cleo", "Rust")})
    db.execute("UPDATE endorsements SET concept = ? WHERE endorsement_id = 'e1'", (ESCO,))
    db.execute("UPDATE endorsements SET revoked = 1 WHERE endorsement_id = 'e2'")  # not the text: kept
    numbers = {r[0]: tuple(r[1:]) for r in db.query(
        "SELECT endorsement_id, endorser_num, subject_num, group_num FROM endorsements")}
    assert numbers["e1"] == (0, 0, 0) and 0 not in numbers["e2"]
    with db.transaction() as conn:
        store_numbers.number_unnumbered(conn)
    assert _numbers_agree(db) == []
    assert db.scalar("SELECT COUNT(*) FROM endorsements WHERE endorser_num * subject_num * group_num = 0") == 0
    assert db.scalar("SELECT g.skill_group FROM group_numbers g JOIN endorsements e ON e.group_num = g.num "
                     "WHERE e.endorsement_id = 'e1'") == ESCO
    db.close()
