"""doc_schema: honest documents pass, known fields out of bounds are refused by name, unknown ones pass;
projection skips a stored bad document and goes on; migration 8 carries the read models (issue 10)."""

from __future__ import annotations

import logging
import sqlite3

import pytest
import sqlite_utils

from skiller_desktop import automerge_io as am
from skiller_desktop import doc_schema
from skiller_desktop import person_doc as pd
from skiller_desktop.acceptance import Accepted, verify_update
from skiller_desktop.db import Database
from skiller_desktop.demo import build_documents
from skiller_desktop.errors import RejectedError
from skiller_desktop.identity import Identity
from skiller_desktop.schema import MIGRATIONS
from skiller_desktop.search_index import facets
from skiller_desktop.signed_heads import SignedHead
from skiller_desktop.store import Store


def _doc(raw: dict | None = None):
    identity = Identity.generate()
    doc = pd.new_document(identity, "Ada", "", "laptop")
    if raw:
        def edit(tx):
            for path, value in raw.items():
                obj = am.ROOT
                *parents, last = path.split(".")
                for parent in parents:
                    obj = am.ensure_map(tx, obj, parent)
                am.put(tx, obj, last, value)

        pd.apply(doc, edit)
    return identity, doc


def _verify(identity, doc):
    signed = SignedHead.sign(identity, identity.person_id, doc.get_heads())
    return verify_update(identity.person_id, None, [], doc.save(), [signed])


def test_demo_documents_pass():
    for update in build_documents(40, seed=5, skills_each=12, endorsements_each=6):
        doc_schema.check(update.doc_id, am.to_python(update.document))


@pytest.mark.parametrize(("raw", "path", "why"), [
    ({"skills": ["Python"]}, "document.skills", "must be a map"),
    ({"profile.links": 42}, "document.profile.links", "must be a list"),
    ({"skills.py": {"name": "Python", "level": 1_000_000}}, "document.skills['py'].level", "from 1 to 5"),
    ({"skills.py": {"name": "Python", "level": 3, "years": 200}}, "document.skills['py'].years", "from 0 to 80"),
    ({"profile.links": ["file:///etc/passwd"]}, "document.profile.links[0]", "scheme"),
    ({"skills.py": {"name": "P", "evidence": [{"url": "smb://host/share"}]}},
     "document.skills['py'].evidence[0].url", "scheme"),
    ({"profile.name": "x" * 5000}, "document.profile.name", "at most 120"),
    ({"endorsements.e": {"date": "yesterday"}}, "document.endorsements['e'].date", "ISO date"),
    ({"skills.py": {"name": "P", "position": float("nan")}}, "document.skills['py'].position", "number"),
    ({"offers.o": {"answers": {str(i): {} for i in range(2_001)}}}, "document.offers['o'].answers", "entries"),
])
def test_known_fields_out_of_bounds_are_refused_by_name(raw, path, why):
    identity, doc = _doc(raw)
    with pytest.raises(RejectedError) as caught:
        _verify(identity, doc)
    assert isinstance(caught.value, doc_schema.SchemaError)
    assert caught.value.path == path and why in str(caught.value)


def test_lone_surrogates_are_refused():
    with pytest.raises(doc_schema.SchemaError, match="surrogate"):
        doc_schema.check("did:key:z", {"profile": {"name": "a\ud800b"}})


def test_unknown_fields_and_newer_schema_pass_and_are_kept():
    identity, doc = _doc({"schema": 7, "future": {"x": [1, 2]}, "skills.py": {"name": "P", "level": 2, "glow": True},
                          "profile.links": ["https://a.example", "mailto:a@b.c", "example.org/me"]})
    update = _verify(identity, doc)
    assert update.data["future"] == {"x": [1, 2]} and update.data["skills"]["py"]["glow"] is True


def test_facets_never_write_more_than_five_levels():
    assert facets([("py", 1_000_000)], "").count("_") == 1 + 5 + 5


def test_a_stored_bad_document_is_skipped_and_the_rest_projects(tmp_path, caplog):
    store = Store(Database(tmp_path / "node.sqlite3"))
    bad_identity, bad = _doc({"skills": ["Python", 5], "profile.links": 42})
    good_identity, good = _doc({"skills.py": {"name": "Python", "level": 4}})

    def unchecked(identity, doc):  # as an older version accepted it: no schema check
        signed = SignedHead.sign(identity, identity.person_id, doc.get_heads())
        return Accepted(identity.person_id, doc, doc.get_changes([]), [signed], [signed])

    with caplog.at_level(logging.WARNING, logger="skiller.readmodel"):
        assert store.commit([unchecked(bad_identity, bad), unchecked(good_identity, good)]) == 2
    assert "skipped" in caplog.text and bad_identity.person_id[:20] in caplog.text
    people = {r["person_id"] for r in store.db.query("SELECT person_id FROM persons")}
    assert people == {good_identity.person_id}
    assert store.db.one("SELECT level FROM skills WHERE person_id = ?", (good_identity.person_id,))["level"] == 4


def test_migration_8_keeps_existing_rows(tmp_path):
    path = tmp_path / "old.sqlite3"
    conn = sqlite3.connect(path)
    for number, step in enumerate(MIGRATIONS[:7], start=1):
        if isinstance(step, str):
            conn.executescript(step)
        else:  # a step written with sqlite-utils
            step(sqlite_utils.Database(conn))
        conn.execute(f"PRAGMA user_version = {number}")
    conn.execute("INSERT INTO endorsements VALUES ('e1','bob','ann','py','Python','ok',0,'2026-01-01',0,'')")
    conn.execute("INSERT INTO hidden_endorsements VALUES ('ann','e1')")
    conn.execute("INSERT INTO offers VALUES ('o1','bob','offer','py','Python','Lessons','','open','','','{}','{}')")
    conn.execute("INSERT INTO responses VALUES ('r1','ann','o1','yes','2026-01-02')")
    conn.commit()
    conn.close()
    db = Database(path)
    try:
        assert db.one("PRAGMA user_version")[0] >= 8
        assert tuple(db.one("SELECT endorser_id, endorsement_id FROM endorsements")) == ("bob", "e1")
        assert tuple(db.one("SELECT * FROM hidden_endorsements")) == ("ann", "", "e1")
        assert tuple(db.one("SELECT person_id, offer_id FROM offers")) == ("bob", "o1")
        assert tuple(db.one("SELECT response_id, offer_owner FROM responses")) == ("r1", "bob")
        from skiller_desktop.queries import Queries

        assert [e.hidden for e in Queries(db).endorsements(subject_id="ann")] == [True]
    finally:
        db.close()


def test_a_person_document_posing_as_a_team_is_refused():
    identity, doc = _doc({"kind": "team"})
    with pytest.raises(doc_schema.SchemaError, match="kind"):
        _verify(identity, doc)
