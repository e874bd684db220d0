"""The full-text index behind people search: words to match, and filter tokens.

Besides the words of a profile, each person gets `facets` tokens so that a
text query and its filters intersect inside FTS5 instead of joining tables:
`k<skill>_<n>` for every level n up to the person's level in that skill (by its key, and by its
concept URI when linked, so a skill filter or a text naming the concept finds it in any language),
`a_<availability>`, and `m_<n>` for every level up to their best one.
"""

from __future__ import annotations

import functools
import hashlib
import re
import sqlite3
from collections.abc import Iterable

from .text import fold

_WORD = re.compile(r"\w+", re.UNICODE)
TEXT_COLUMNS = "{name headline bio location skills}"


@functools.lru_cache(maxsize=65536)
def skill_token(key: str, level: int) -> str:
    return f"k{hashlib.sha1(key.encode('utf-8')).hexdigest()[:12]}_{level}"


def availability_token(availability: str) -> str:
    return f"a_{availability or 'unset'}"


def level_token(level: int) -> str:
    return f"m_{level}"


MAX_LEVEL = 5  # levels run 1–5; a token per level, so a bound here bounds the index


def facets(skills: Iterable[tuple[str, int]], availability: str) -> str:
    tokens = [availability_token(availability)]
    best = 0
    for key, level in skills:
        level = min(level, MAX_LEVEL)
        tokens += [skill_token(key, n) for n in range(1, level + 1)]
        best = max(best, level)
    tokens += [level_token(n) for n in range(1, best + 1)]
    return " ".join(tokens)


def words_query(text: str) -> str:
    """Every word as a prefix, accents folded: "dévelop py" finds "Développeur Python"."""
    words = _WORD.findall(fold(text).replace("_", " "))
    return " ".join(f'"{w}"*' for w in words)


def match_expression(text: str, facet_tokens: list[str], or_tokens: Iterable[str] = ()) -> str:
    """The words (or any of `or_tokens`: the concepts they name), and every filter token."""
    parts = []
    words = words_query(text)
    alternatives = [f'facets : "{token}"' for token in or_tokens]
    if words and alternatives:
        parts.append(f"(({TEXT_COLUMNS} : ({words})) OR {' OR '.join(alternatives)})")
    elif words:
        parts.append(f"{TEXT_COLUMNS} : ({words})")
    parts += [f'facets : "{token}"' for token in facet_tokens]
    return " AND ".join(parts)


def index_people(conn: sqlite3.Connection, rows: list[tuple]) -> None:
    """(Re)index people: rows of (rowid, name, headline, bio, location, skills, facets)."""
    conn.executemany("DELETE FROM persons_fts WHERE rowid = ?", [(row[0],) for row in rows])
    conn.executemany(
        "INSERT INTO persons_fts (rowid, name, headline, bio, location, skills, facets) VALUES (?,?,?,?,?,?,?)",
        rows,
    )


def rebuild(conn: sqlite3.Connection) -> int:
    """Refill the index from the read models (after a migration changed its layout)."""
    conn.execute("DELETE FROM persons_fts")
    skills: dict[str, list[tuple[str, str, int, str, str]]] = {}
    for row in conn.execute("SELECT person_id, skill_key, name, level, keywords, concept FROM skills"):
        skills.setdefault(row[0], []).append((row[1], row[2], row[3], row[4], row[5]))
    rows = []
    for rowid, person_id, name, headline, bio, location, availability in conn.execute(
        "SELECT rowid, person_id, name, headline, bio, location, availability FROM persons"
    ):
        mine = skills.get(person_id, [])
        words = " ".join(f"{s[1]} {_keywords(s[3])}".strip() for s in mine)
        levels = [(s[0], s[2]) for s in mine] + [(s[4], s[2]) for s in mine if s[4]]  # concepts too (issue 13)
        rows.append((rowid, name, headline, bio, location, words, facets(levels, availability)))
    index_people(conn, rows)
    conn.execute("DELETE FROM meta WHERE key = 'search_index_stale'")
    return len(rows)


def _keywords(raw: str) -> str:
    import json

    try:
        return " ".join(str(k) for k in json.loads(raw))
    except ValueError:
        return ""
