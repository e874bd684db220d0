"""The concepts migration (issue 13): read-model rows written before it keep counting and keep their keys."""

from __future__ import annotations

import sqlite3

import sqlite_utils

from skiller_desktop.db import Database
from skiller_desktop.queries import Queries
from skiller_desktop.schema import MIGRATIONS, _concepts


def test_rows_written_before_get_their_groups_and_keys_folded_alike(tmp_path):
    path = tmp_path / "old.sqlite3"
    before = MIGRATIONS.index(_concepts)  # the store as the previous version left it
    conn = sqlite3.connect(path, isolation_level=None)
    db = sqlite_utils.Database(conn)
    for number, step in enumerate(MIGRATIONS[:before], start=1):
        if isinstance(step, str):
            conn.executescript(step)
        else:
            step(db)
        conn.execute(f"PRAGMA user_version = {number}")
    conn.execute("INSERT INTO skills (person_id, skill_key, name, level, years, description, keywords, evidence, "
                 "position) VALUES ('p', 'l’accessibilite', 'L’accessibilité', 3, 0, '', '[]', '[]', 0)")
    conn.execute("INSERT INTO endorsements (endorsement_id, endorser_id, subject_id, skill_key, skill_name, comment, "
                 "level, date, revoked, revoked_at) VALUES ('e', 'q', 'p', 'l’accessibilite', 'L’accessibilité', "
                 "'', 0, '', 0, '')")
    conn.close()
    migrated = Database(path)
    skill = migrated.one("SELECT skill_key, doc_key, skill_group, concept FROM skills")
    assert tuple(skill) == ("l'accessibilite", "l’accessibilite", "l'accessibilite", "")
    endorsement = migrated.one("SELECT skill_key, skill_group FROM endorsements")
    assert tuple(endorsement) == ("l'accessibilite", "l'accessibilite")
    assert migrated.one("SELECT value FROM meta WHERE key = 'search_index_stale'") is not None
    found = Queries(migrated).skill("p", "L'Accessibilité")  # typed with a straight apostrophe
    assert found is not None and found.entry_key == "l’accessibilite" and found.endorsement_count == 1
    migrated.close()
