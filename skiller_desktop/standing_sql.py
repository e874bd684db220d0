"""The SQL both the standing engine and the read paths use, so both count the same endorsements.

No numpy here: search, the CLI and the UI import this to read stored standings.

A skill's group is `text.skill_group(name, concept)`: the concept where one is
linked, the folded name otherwise. An endorsement joins the group of the
skill it names on its subject's profile when that skill is linked to a
concept and the endorsement is not (an endorsement given before the link).
The `concept` columns are read where the store has them (docs/standing.md).
"""

from __future__ import annotations

from .db import Database

# The 0-100 scale spans this many powers of ten below a skill group's best score (docs/standing.md):
# 100 = the best in the user's network, 50 = a tenth of it, 0 = a hundredth or less (not stored).
DECADES = 2

# Whether the endorsement `e` is hidden by its subject (the same test as queries.HIDDEN).
HIDDEN = """EXISTS (SELECT 1 FROM hidden_endorsements h
                    WHERE h.subject_id = e.subject_id AND h.endorsement_id = e.endorsement_id
                      AND h.endorser_id IN ('', e.endorser_id))"""

# The endorsements that count toward a standing: not revoked, not hidden by their subject.
# (Self-endorsements never reach the read model; imported ones live in another table.)
COUNTED = f"e.revoked = 0 AND NOT {HIDDEN}"


def has_column(db: Database, table: str, column: str) -> bool:
    return any(r["name"] == column for r in db.query(f"PRAGMA table_info({table})"))


def skill_group_sql(db: Database, alias: str = "s") -> str:
    """The group of the skill row `alias` (a `skills` row)."""
    if has_column(db, "skills", "concept"):
        return f"COALESCE(NULLIF({alias}.concept, ''), {alias}.skill_key)"
    return f"{alias}.skill_key"


def endorsement_group_sql(db: Database, alias: str = "e") -> str:
    """The group of the endorsement row `alias`: its concept, else its subject's skill's, else its key."""
    parts = []
    if has_column(db, "endorsements", "concept"):
        parts.append(f"NULLIF({alias}.concept, '')")
    if has_column(db, "skills", "concept"):
        parts.append(f"""(SELECT NULLIF(k.concept, '') FROM skills k
                          WHERE k.person_id = {alias}.subject_id AND k.skill_key = {alias}.skill_key)""")
    if not parts:
        return f"{alias}.skill_key"
    return f"COALESCE({', '.join(parts)}, {alias}.skill_key)"


def groups_for_key(db: Database, key: str) -> list[str]:
    """The groups a searched skill name stands for: its key, and the concepts skills of that name link to."""
    if not has_column(db, "skills", "concept"):
        return [key]
    rows = db.query("SELECT DISTINCT concept FROM skills WHERE skill_key = ? AND concept != '' LIMIT 20", (key,))
    return [key, *(r["concept"] for r in rows)]
