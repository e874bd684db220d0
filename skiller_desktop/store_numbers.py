"""Stable integer numbers for person ids and skill groups, written beside each endorsement.

The standing engine reads a million endorsements at 100k people; read as
text, looking each id up took it 2 s (issue 14's budget is 2 s for the whole
computation). With the numbers in the row, SQLite hands it plain integers.
Numbers are given once and never reused: rows are never deleted (SQLite
gives an INTEGER PRIMARY KEY the largest number plus one, so deleting the last
row would hand its number out again), and an engine keeps what it learnt of
them between loads. They are local to one store: nothing signed or synced
carries them. A row whose text is changed in place loses its numbers (a
trigger sets them to 0, schema migration 14) and is read by its text.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

CHUNK = 500  # values per IN (...): under SQLite's smallest host-parameter limit (999)

# Endorsement rows as readmodel._endorsement_rows makes them: where the ids and the group are.
ENDORSER, SUBJECT, GROUP = 1, 2, 11


def numbers(conn: sqlite3.Connection, table: str, column: str, values: Iterable[str]) -> dict[str, int]:
    """Each value's number in `table` (person_numbers or group_numbers), numbering the new ones.

    Looks the values up first and inserts only the missing: a plain INTEGER PRIMARY KEY takes the next
    number only for a row actually inserted, so rewriting a document uses up no numbers.
    """
    distinct = list(dict.fromkeys(values))
    found = _looked_up(conn, table, column, distinct)
    missing = [v for v in distinct if v not in found]
    if missing:
        conn.executemany(f"INSERT INTO {table} ({column}) VALUES (?)", [(v,) for v in missing])
        found.update(_looked_up(conn, table, column, missing))
    return found


def _looked_up(conn: sqlite3.Connection, table: str, column: str, values: list[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for start in range(0, len(values), CHUNK):
        chunk = values[start:start + CHUNK]
        found.update(conn.execute(f"SELECT {column}, num FROM {table} WHERE {column} IN "
                                  f"({','.join('?' * len(chunk))})", chunk).fetchall())
    return found


def numbered_endorsements(conn: sqlite3.Connection, rows: list[tuple]) -> list[tuple]:
    """Endorsement rows with their endorser's, subject's and group's numbers appended (the table's last
    three columns, schema migration 14)."""
    people = numbers(conn, "person_numbers", "person_id", (r[i] for r in rows for i in (ENDORSER, SUBJECT)))
    groups = numbers(conn, "group_numbers", "skill_group", (r[GROUP] for r in rows))
    return [(*r, people[r[ENDORSER]], people[r[SUBJECT]], groups[r[GROUP]]) for r in rows]


# The group an unnumbered row is read by (standing_load.OWN_GROUP): what the read model writes in `skill_group`
# (text.skill_group), and right for rows older writers left with an empty `skill_group`.
_OWN_GROUP = "COALESCE(NULLIF(concept, ''), skill_key)"
_UNNUMBERED = "(endorser_num = 0 OR subject_num = 0 OR group_num = 0)"


def number_unnumbered(conn: sqlite3.Connection) -> None:
    """Give every endorsement row without numbers its numbers: schema migration 14 for the rows stored before
    it, and any later migration that changes endorsements' text in place (the trigger took their numbers)."""
    conn.execute(f"INSERT OR IGNORE INTO person_numbers (person_id) SELECT endorser_id FROM endorsements "
                 f"WHERE {_UNNUMBERED} UNION SELECT subject_id FROM endorsements WHERE {_UNNUMBERED}")
    conn.execute(f"INSERT OR IGNORE INTO group_numbers (skill_group) SELECT DISTINCT {_OWN_GROUP} FROM endorsements "
                 f"WHERE {_UNNUMBERED}")
    conn.execute(
        f"""UPDATE endorsements SET
               endorser_num = (SELECT num FROM person_numbers WHERE person_id = endorser_id),
               subject_num = (SELECT num FROM person_numbers WHERE person_id = subject_id),
               group_num = (SELECT n.num FROM group_numbers n WHERE n.skill_group = {_OWN_GROUP})
            WHERE {_UNNUMBERED}""")
