"""Project a materialised document into the read-model tables.

Read models are derived data: rebuilt for one document whenever it changes,
inside the same transaction as the document itself.
"""

from __future__ import annotations

import json
import logging
import math
import sqlite3
from typing import Any

from . import doc_schema, search_index, store_numbers
from .text import fold, skill_group, skill_key

log = logging.getLogger("skiller.readmodel")

# The person tables a person document fills, each replaced whole on every change.
_PERSON_TABLES = (
    ("skills", "person_id"),
    ("endorsements", "endorser_id"),
    ("hidden_endorsements", "subject_id"),
    ("offers", "person_id"),
    ("imported_endorsements", "person_id"),
    ("responses", "person_id"),
    ("team_acceptances", "person_id"),  # the team invitations this person says they accept
    ("known_people", "person_id"),  # standing: the people this person says they know
    ("thanks", "thanker_id"),  # profiles: thanks for endorsements this person received (thanks_rows)
)


def person_rows(doc_id: str, data: dict[str, Any], checked: bool = False) -> tuple:
    """Every read-model row of one person document, as plain data (picklable).

    Pure: runs in a worker process for big sync batches; `write_people` writes them.
    A document that breaks the schema (stored by a version before the check)
    gets no rows at all: its person disappears from the read models rather
    than showing half of what an attacker wrote. Never raises. `checked`: the
    caller already ran doc_schema.check on `data` (verify_update did).
    """
    why = None if checked else doc_schema.problem(doc_id, data)
    if why is None:
        try:
            return _rows(doc_id, data)
        except Exception as exc:  # projection must never stop a commit
            why = f"cannot be projected ({type(exc).__name__}: {str(exc)[:200]})"
    log.warning("person document %s skipped in the read models: %s", doc_id[:60], why)
    return doc_id, None, None, tuple([] for _ in _PERSON_TABLES)


def _rows(doc_id: str, data: dict[str, Any]) -> tuple:
    profile = data.get("profile") or {}
    skills = _sorted_skills(data.get("skills") or {})
    person, fts = _person_row(doc_id, profile, skills, data.get("updated_at", ""))
    tables = (
        _skill_rows(doc_id, skills, fold(_text(profile.get("name"))), _text(profile.get("availability"))),
        _endorsement_rows(doc_id, data.get("endorsements") or {}),
        [(doc_id, *hidden_key(key)) for key, flag in (data.get("hidden") or {}).items() if flag is True],
        _offer_rows(doc_id, data.get("offers") or {}),
        _imported_rows(doc_id, data.get("imported") or {}),
        [
            (rid, doc_id, _text(r.get("offer_id")), _text(r.get("message")), _text(r.get("date")),
             _text(r.get("offer_owner")))
            for rid, r in (data.get("responses") or {}).items()
            if isinstance(r, dict)
        ],
        [
            (doc_id, team_id, _text(a.get("invitation_id")), _text(a.get("proof")), _text(a.get("date")))
            for team_id, a in (data.get("team_acceptances") or {}).items()
            if isinstance(a, dict)
        ],
        _known_rows(doc_id, data.get("known") or {}),
        thanks_rows(doc_id, data.get("thanks") or {}),
    )
    return doc_id, person, fts, tables


def hidden_key(key: str) -> tuple[str, str]:
    """(endorser id, endorsement id) of a `hidden` key; an old bare id gives endorser "" (any endorser)."""
    endorser, space, endorsement = key.partition(" ")  # person ids never hold a space
    return (endorser, endorsement) if space else ("", key)


def write_people(conn: sqlite3.Connection, people: list[tuple]) -> None:
    """Replace the read-model rows of many person documents, a few statements per table."""
    people = list({p[0]: p for p in people}.values())  # one document twice: the last wins
    if not people:
        return
    ids = [(p[0],) for p in people]
    skipped = [p[0] for p in people if p[1] is None]
    if skipped:  # documents that break the schema: none of their rows stay
        _remove_persons(conn, skipped)
        people = [p for p in people if p[1] is not None]
    _write_persons(conn, people)
    for i, (table, column) in enumerate(_PERSON_TABLES):
        conn.executemany(f"DELETE FROM {table} WHERE {column} = ?", ids)
        rows = [row for p in people for row in p[3][i]]
        if rows and table == "endorsements":  # with the numbers the standing engine reads them by
            rows = store_numbers.numbered_endorsements(conn, rows)
        if rows:
            marks = ",".join("?" * len(rows[0]))
            conn.executemany(f"INSERT OR REPLACE INTO {table} VALUES ({marks})", rows)


def remove_people(conn: sqlite3.Connection, person_ids: list[str]) -> None:
    """Drop every read-model row of these people (their stored documents are kept)."""
    _remove_persons(conn, person_ids)
    for table, column in _PERSON_TABLES:
        conn.executemany(f"DELETE FROM {table} WHERE {column} = ?", [(pid,) for pid in person_ids])


def _remove_persons(conn: sqlite3.Connection, person_ids: list[str]) -> None:
    ids = [(pid,) for pid in person_ids]
    conn.executemany("DELETE FROM persons_fts WHERE rowid = (SELECT rowid FROM persons WHERE person_id = ?)", ids)
    conn.executemany("DELETE FROM persons WHERE person_id = ?", ids)


def _write_persons(conn: sqlite3.Connection, people: list[tuple]) -> None:
    if not people:
        return
    conn.executemany(
        """INSERT INTO persons (person_id, name, name_fold, headline, bio, location, links,
               languages, availability, skill_count, updated_at, max_level)
           VALUES (?,?,?,?,?,?,?,?,?,?,?,?)
           ON CONFLICT (person_id) DO UPDATE SET name=excluded.name, name_fold=excluded.name_fold,
               headline=excluded.headline, bio=excluded.bio, location=excluded.location,
               links=excluded.links, languages=excluded.languages,
               availability=excluded.availability, skill_count=excluded.skill_count,
               updated_at=excluded.updated_at, max_level=excluded.max_level""",
        [p[1] for p in people],
    )
    rowids = _rowids(conn, [p[0] for p in people])
    search_index.index_people(conn, [(rowids[p[0]], *p[2]) for p in people])


def _rowids(conn: sqlite3.Connection, person_ids: list[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for start in range(0, len(person_ids), 400):
        chunk = person_ids[start : start + 400]
        found.update(conn.execute(
            f"SELECT person_id, rowid FROM persons WHERE person_id IN ({','.join('?' * len(chunk))})", chunk
        ).fetchall())
    return found


def _sorted_skills(skills: dict) -> list[tuple[str, dict]]:
    items = [(key, value) for key, value in skills.items() if isinstance(value, dict)]
    return sorted(items, key=lambda kv: (_position(kv[1].get("position")), fold(_text(kv[1].get("name")))))


def _json(value: Any) -> str:
    """JSON for a column; most lists are empty, so skip the encoder for them."""
    return json.dumps(value, ensure_ascii=False) if value else "[]" if isinstance(value, list) else "{}"


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _int(value: Any, default: int = 0) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else default


def level(value: Any, default: int = 1) -> int:
    """A skill level within 1–5 whatever the document says: search writes one index token per level."""
    return min(max(_int(value, default), 1), 5)


def _position(value: Any) -> float:
    return float(value) if type(value) in (int, float) and math.isfinite(value) else 0.0


def _person_row(doc_id: str, profile: dict, skills: list, updated_at: str) -> tuple[tuple, tuple]:
    name = _text(profile.get("name"))
    availability = _text(profile.get("availability"))
    levels = [(fold(key), level(s.get("level"))) for key, s in skills]
    levels += [(_text(s.get("concept")), level(s.get("level"))) for _, s in skills if _text(s.get("concept"))]
    row = (
        doc_id,
        name,
        fold(name),
        _text(profile.get("headline")),
        _text(profile.get("bio")),
        _text(profile.get("location")),
        _json(profile.get("links") or []),
        _json(profile.get("languages") or []),
        availability,
        len(skills),
        updated_at,
        max((level for _, level in levels), default=0),
    )
    skill_words = " ".join(
        " ".join([_text(s.get("name")), *[_text(k) for k in s.get("keywords") or []]]) for _, s in skills
    )
    return row, (name, row[3], row[4], row[5], skill_words, search_index.facets(levels, availability))


def _skill_rows(doc_id: str, skills: list[tuple[str, dict]], name_fold: str, availability: str) -> list[tuple]:
    rows = [
        (
            doc_id,
            fold(key),  # keys written before ’ folded as ' keep it in the document (doc_key, below)
            _text(s.get("name")) or key,
            level(s.get("level")),
            min(max(_int(s.get("years")), 0), 80),
            _text(s.get("description")),
            _json(s.get("keywords") or []),
            _json(s.get("evidence") or []),
            _position(s.get("position")),
            name_fold,
            availability,
            _text(s.get("concept")),
            skill_group(key, _text(s.get("concept"))),
            key,
        )
        for key, s in skills
    ]
    return rows


def _endorsement_rows(doc_id: str, endorsements: dict) -> list[tuple]:
    rows = [
        (
            eid,
            doc_id,
            _text(e.get("subject")),
            skill_key(_text(e.get("skill"))),
            _text(e.get("skill")),
            _text(e.get("comment")),
            _int(e.get("level")),
            _text(e.get("date")),
            1 if e.get("revoked") else 0,
            _text(e.get("revoked_at")),
            _text(e.get("concept")),
            skill_group(_text(e.get("skill")), _text(e.get("concept"))),
        )
        for eid, e in endorsements.items()
        if isinstance(e, dict) and e.get("subject") and e.get("subject") != doc_id
    ]
    return rows


def thanks_rows(doc_id: str, thanks: dict) -> list[tuple]:
    """(thanks id, thanker, endorser, endorsement id, message, date); whom they thank is checked when read
    (queries.thanks_for: only the endorsement's subject can thank for it)."""
    return [
        (tid, doc_id, _text(t.get("endorser")), _text(t.get("endorsement_id")), _text(t.get("message")),
         _text(t.get("date")))
        for tid, t in thanks.items()
        if isinstance(t, dict) and t.get("endorser") and t.get("endorsement_id")
    ]


def _offer_rows(doc_id: str, offers: dict) -> list[tuple]:
    rows = [
        (
            oid,
            doc_id,
            _text(o.get("kind")),
            skill_key(_text(o.get("skill"))),
            _text(o.get("skill")),
            _text(o.get("title")),
            _text(o.get("description")),
            _text(o.get("status")) or "open",
            _text(o.get("created_at")),
            _text(o.get("updated_at")),
            _json(o.get("answers") or {}),
            _json(o.get("recognition") or {}),
            _text(o.get("concept")),
            skill_group(_text(o.get("skill")), _text(o.get("concept"))),
        )
        for oid, o in offers.items()
        if isinstance(o, dict)
    ]
    return rows


def _imported_rows(doc_id: str, imported: dict) -> list[tuple]:
    rows = [
        (
            iid,
            doc_id,
            _text(i.get("source")),
            skill_key(_text(i.get("skill"))),
            _text(i.get("skill")),
            _text(i.get("endorser_name")),
            _text(i.get("endorser_url")),
            _text(i.get("date")),
            _text(i.get("concept")),
            skill_group(_text(i.get("skill")), _text(i.get("concept"))),
        )
        for iid, i in imported.items()
        if isinstance(i, dict)
    ]
    return rows


def _known_rows(doc_id: str, known: dict) -> list[tuple]:
    """The people this person says they know (standing; revoked ones kept, with the date)."""
    return [
        (doc_id, pid, _text(k.get("date")), _text(k.get("revoked_at")))
        for pid, k in known.items()
        if isinstance(k, dict) and pid != doc_id
    ]
