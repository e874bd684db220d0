"""What committed documents changed, as seen from this node's user: one `Changes` for any batch.

Local edits know what they changed; documents that arrive from outside (a
bundle, a sync) are only known by id. Their parts are read off the id and the
read models just written, never off a diff of the document (a first sync
brings thousands: a diff would cost more than the commit):

- the user's own document (another device of theirs): every part of their own;
- someone else's person document: `people`; `endorsements` if they endorse the
  user; `offers` if they posted offers or answered some;
- a team document: `teams`.

A known gap, for hostile documents only: an entry *deleted* from another
person's document (the app never deletes endorsements or offers, it flags
them) is not seen, so that screen refreshes on its next change instead.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from .db import Database
from .teams.document import PREFIX as TEAM_PREFIX
from .views import Changes

CHUNK = 500  # ids per IN (...) query: under SQLite's variable limit on every build

# Everything the user's own document holds, when it changes elsewhere.
OWN_DOCUMENT = Changes(profile=True, skills=True, endorsements=True, offers=True, people=True, devices=True,
                       teams=True)  # team_acceptances live in the person document


def documents_changed(db: Database, me: str | None, doc_ids: Iterable[str], *, synced: bool) -> Changes:
    """The parts touched by these committed documents (read after the commit, outside its lock)."""
    ids = frozenset(doc_ids)
    teams = any(d.startswith(TEAM_PREFIX) for d in ids)
    others = sorted(d for d in ids if not d.startswith(TEAM_PREFIX) and d != me)
    found = Changes(teams=teams, people=bool(others), documents=ids, synced=synced)
    if me is not None and me in ids:
        found = found | OWN_DOCUMENT
    if others:
        found = found | Changes(endorsements=_endorse(db, me, others), offers=_post(db, others))
    return replace(found, documents=ids, synced=synced)  # `|` keeps `synced` only when both sides have it


def _endorse(db: Database, me: str | None, people: list[str]) -> bool:
    """Whether any of these people endorses the user (their endorsements show on the user's screens)."""
    if me is None:
        return False
    rows = db.query("SELECT DISTINCT endorser_id FROM endorsements WHERE subject_id = ?", (me,))
    return not {r["endorser_id"] for r in rows}.isdisjoint(people)


def _post(db: Database, people: list[str]) -> bool:
    """Whether any of these people has offers or answers on the exchange board."""
    for start in range(0, len(people), CHUNK):
        chunk = people[start:start + CHUNK]
        marks = ",".join("?" * len(chunk))
        row = db.one(
            f"""SELECT EXISTS (SELECT 1 FROM offers WHERE person_id IN ({marks}))
                    OR EXISTS (SELECT 1 FROM responses WHERE person_id IN ({marks})) AS found""",
            (*chunk, *chunk),
        )
        if row is not None and row["found"]:
            return True
    return False
