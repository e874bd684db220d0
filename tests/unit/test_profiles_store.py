"""The store's part of issue 12.6: thanks as a read model, and which received endorsements were seen.

An upgraded store counts every endorsement it already holds as seen (old news is not new); a thanks reads
as a thanks only when the person thanking received the endorsement."""

from __future__ import annotations

import sqlite3

from skiller_desktop import readmodel
from skiller_desktop.db import Database
from skiller_desktop.schema import MIGRATIONS


def migrated_from_9_with(tmp_path, monkeypatch, endorsements: list[tuple[str, str, str]]) -> Database:
    """A store as step 9 left it, holding these endorsements, then opened by this version."""
    import skiller_desktop.db as db_module

    path = tmp_path / "old.sqlite3"
    with monkeypatch.context() as patch:
        patch.setattr(db_module, "MIGRATIONS", MIGRATIONS[:9])
        Database(path).close()
    conn = sqlite3.connect(path, isolation_level=None)
    for endorser, endorsement, subject in endorsements:
        conn.execute("INSERT INTO endorsements VALUES (?, ?, ?, 'python', 'Python', '', 0, '2026-01-01', 0, '')",
                     (endorsement, endorser, subject))
    conn.close()
    return Database(path)


def test_an_upgraded_store_counts_what_it_holds_as_seen(tmp_path, monkeypatch):
    received = [("did:key:zB", "e1", "did:key:zA"), ("did:key:zC", "e1", "did:key:zA")]
    db = migrated_from_9_with(tmp_path, monkeypatch, received)
    assert db.scalar("PRAGMA user_version") == len(MIGRATIONS)
    seen = {tuple(r) for r in db.query("SELECT endorser_id, endorsement_id FROM endorsements_seen")}
    assert seen == {("did:key:zB", "e1"), ("did:key:zC", "e1")}
    from skiller_desktop.queries import Queries

    assert Queries(db).unseen_endorsements("did:key:zA") == set()
    db.execute("INSERT INTO endorsements (endorsement_id, endorser_id, subject_id, skill_key, skill_name, comment, "
               "level, date, revoked, revoked_at) VALUES ('e2', 'did:key:zB', 'did:key:zA', 'sql', 'SQL', '', 3, "
               "'2026-02-01', 0, '')")
    assert Queries(db).unseen_endorsements("did:key:zA") == {("did:key:zB", "e2")}
    db.close()


def test_thanks_rows_keep_only_what_names_an_endorsement():
    rows = readmodel.thanks_rows("did:key:zA", {
        "t1": {"endorser": "did:key:zB", "endorsement_id": "e1", "message": "Merci", "date": "2026-11-29T10:00:00Z"},
        "t2": {"endorser": "did:key:zB"},  # names no endorsement
        "t3": "not a map",
    })
    assert rows == [("t1", "did:key:zA", "did:key:zB", "e1", "Merci", "2026-11-29T10:00:00Z")]
