"""The SQL both the standing engine and the read paths use, so both count the same endorsements.

No numpy here: search, the CLI and the UI import this to read stored standings.

A skill's group is `text.skill_group(name, concept)`: the concept where one is
linked, the folded name otherwise (the `skill_group` column of the read
models). An endorsement joins the group of the skill it names on its
subject's profile when that skill is linked to a concept and the endorsement
is not (an endorsement given before the link), docs/standing.md.
"""

from __future__ import annotations

from collections.abc import Sequence

from .concepts import concepts_named
from .db import Database

# The 0-100 scale spans this many powers of ten below a skill group's best score (docs/standing.md):
# 100 = the best in the user's network, 50 = a tenth of it, 0 = a hundredth or less (not stored).
DECADES = 2

# A person's row of the People list (`p` a persons row): search and its ranked part read the same columns.
SUMMARY = "p.person_id, p.name, p.headline, p.location, p.availability, p.skill_count"

# Whether the endorsement `e` is hidden by its subject: hidden entries name the endorser,
# or '' (a bare id written before migration 8) for any endorser of that id.
HIDDEN = """EXISTS (SELECT 1 FROM hidden_endorsements h
                    WHERE h.subject_id = e.subject_id AND h.endorsement_id = e.endorsement_id
                      AND h.endorser_id IN ('', e.endorser_id))"""

# The endorsements that count toward a standing: not revoked, not hidden by their subject.
# (Self-endorsements never reach the read model; imported ones live in another table.)
COUNTED = f"e.revoked = 0 AND NOT {HIDDEN}"

# The group of the skills row `s`: text.skill_group, worked out from the row's own concept and key.
SKILL_GROUP = "COALESCE(NULLIF(s.concept, ''), s.skill_key)"

# The group of the endorsement `e`: its concept, else the concept its subject linked that skill to, else its key.
ENDORSEMENT_GROUP = """COALESCE(NULLIF(e.concept, ''),
                                (SELECT NULLIF(k.concept, '') FROM skills k
                                 WHERE k.person_id = e.subject_id AND k.skill_key = e.skill_key),
                                e.skill_key)"""

# How many of the groups peers linked a typed skill name to are read, the most linked first.
MAX_LINKED = 20


def named_groups(key: str) -> list[str]:
    """The groups a searched skill name (a `skill_key`) names by itself: the words, and the concepts the
    vocabulary names for them (either language, any synonym). Never anything a peer wrote."""
    return list(dict.fromkeys([key, *concepts_named(key)]))


def words_outside(key: str, excluded: Sequence[str], alias: str = "") -> tuple[str, list[str]]:
    """SQL: a skills row typed `key` whose group is none of `excluded` (nor ''), and its parameters.

    Written as one term per range between the excluded groups, each with the key, so that each is one seek
    of skills_key_group (SQLite's OR optimisation needs whole terms): most holders of the words sit in an
    excluded group (the words themselves, or the concept the vocabulary names), and `NOT IN` read every one
    of them (186 ms for "Écriture" at 100k people).
    """
    prefix = f"{alias}." if alias else ""
    terms, params = [], []
    low = ""
    for bound in sorted(set(excluded) - {""}):
        terms.append(f"({prefix}skill_key = ? AND {prefix}skill_group > ? AND {prefix}skill_group < ?)")
        params += [key, low, bound]
        low = bound
    terms.append(f"({prefix}skill_key = ? AND {prefix}skill_group > ?)")
    params += [key, low]
    return f"({' OR '.join(terms)})", params


def linked_groups(db: Database, key: str, exclude: Sequence[str] = (), limit: int = MAX_LINKED) -> list[str]:
    """The other groups people's skills typed `key` are linked to, the one most people link first, at most
    `limit` (a crowd of throwaway documents each linking the words to a URI of its own cannot push out a
    link many people make). Read standings with these only for rows whose own `skill_key` is `key`: a peer's
    link never makes other people's skills of that group match (`matches`)."""
    outside, params = words_outside(key, exclude)
    rows = db.query(
        f"""SELECT skill_group, COUNT(*) AS people FROM skills
            WHERE {outside}
            GROUP BY skill_group ORDER BY people DESC, skill_group LIMIT ?""",
        [*params, limit],
    )
    return [r["skill_group"] for r in rows]


def search_groups(db: Database, key: str) -> tuple[list[str], list[str]]:
    """(the groups a searched key names, the groups peers linked those words to: bounded, most linked first)."""
    named = named_groups(key)
    return named, linked_groups(db, key, named)


def matches(alias: str, named: Sequence[str]) -> str:
    """SQL: whether the skills row `alias` answers a search for the key whose named groups are `named`: its
    group is one of them, or its own words are the key (takes `*named, key`)."""
    marks = ",".join("?" * len(named))
    # `+`: a filter on a row found by its person, never a range to scan (for each standing, the OR once read
    # every holder of the group: 27 s for "rust" at 100k people)
    return f"(+{alias}.skill_group IN ({marks}) OR +{alias}.skill_key = ?)"
