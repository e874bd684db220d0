"""Stable integer numbers for person ids and skill groups, written beside each endorsement.

The standing engine reads a million endorsements at 100k people; read as
text, looking each id up took it 2 s (issue 14's budget is 2 s for the whole
computation). With the numbers in the row, SQLite hands it plain integers.
Numbers are given once and never reused (AUTOINCREMENT; rows are never
deleted), so an engine may keep what it learnt of them between loads. They are
local to one store: nothing signed or synced carries them.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

CHUNK = 500  # values per IN (...): under SQLite's smallest host-parameter limit (999)

# Endorsement rows as readmodel._endorsement_rows makes them: where the ids and the group are.
ENDORSER, SUBJECT, GROUP = 1, 2, 11


def numbers(conn: sqlite3.Connection, table: str, column: str, values: Iterable[str]) -> dict[str, int]:
    """Each value's number in `table` (person_numbers or group_numbers), numbering the new ones."""
    distinct = list(dict.fromkeys(values))
    conn.executemany(f"INSERT OR IGNORE INTO {table} ({column}) VALUES (?)", [(v,) for v in distinct])
    found: dict[str, int] = {}
    for start in range(0, len(distinct), CHUNK):
        chunk = distinct[start:start + CHUNK]
        found.update(conn.execute(f"SELECT {column}, num FROM {table} WHERE {column} IN "
                                  f"({','.join('?' * len(chunk))})", chunk).fetchall())
    return found


def numbered_endorsements(conn: sqlite3.Connection, rows: list[tuple]) -> list[tuple]:
    """Endorsement rows with their endorser's, subject's and group's numbers appended (the table's last
    three columns, schema migration 14)."""
    people = numbers(conn, "person_numbers", "person_id", (r[i] for r in rows for i in (ENDORSER, SUBJECT)))
    groups = numbers(conn, "group_numbers", "skill_group", (r[GROUP] for r in rows))
    return [(*r, people[r[ENDORSER]], people[r[SUBJECT]], groups[r[GROUP]]) for r in rows]
