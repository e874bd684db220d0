"""The services over real SQLite files: what a user does, and what they get refused."""

from __future__ import annotations

import os
import sqlite3

import pytest
from support import hand_over, snapshot

from skiller_desktop.errors import (
    IdentityError,
    NotAllowedError,
    NotFoundError,
    RejectedError,
    StorageError,
    ValidationError,
)
from skiller_desktop.identity import Identity
from skiller_desktop.services import Services


@pytest.fixture
def ana(node):
    services = node("Ana", "Développeuse")
    services.add_skill("Python", 4)
    return services


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (lambda s: s.update_profile(name="   "), "name"),
        (lambda s: s.update_profile(bio="x" * 100_000), "bio"),
        (lambda s: s.update_profile(availability="sometimes"), "availability"),
        (lambda s: s.add_skill("", 3), "skill"),
        (lambda s: s.add_skill("Go", 0), "level"),
        (lambda s: s.add_skill("Go", 6), "level"),
        (lambda s: s.add_skill("Go", 3, years=-2), "years"),
        (lambda s: s.add_skill("PYTHON ", 3), "skill"),
        (lambda s: s.add_offer("barter", "Python", "x"), "kind"),
        (lambda s: s.add_offer("offer", "Python", " "), "title"),
    ],
)
def test_bad_input_is_refused_with_its_field_and_changes_nothing(ana, call, field):
    before = snapshot(ana)
    with pytest.raises(ValidationError) as err:
        call(ana)
    assert err.value.field == field
    assert snapshot(ana) == before


def test_one_skill_whatever_the_spelling_but_the_display_keeps_mine(ana):
    assert [s.name for s in ana.queries.skills(ana.person_id)] == ["Python"]
    ana.update_skill("python", level=5, description="Backend, data")
    skill = ana.queries.skill(ana.person_id, "PYTHON")
    assert (skill.name, skill.level, skill.description) == ("Python", 5, "Backend, data")
    ana.remove_skill(" pyTHON ")
    assert ana.queries.skills(ana.person_id) == []


def test_endorsing_yourself_or_the_unknown_is_refused(ana, node):
    ben = Identity.generate().person_id
    with pytest.raises(NotAllowedError):
        ana.endorse(ana.person_id, "Python")
    with pytest.raises(NotFoundError, match="not known"):
        ana.endorse(ben, "Python")
    with pytest.raises(ValidationError, match="not a person id"):
        ana.endorse("bob", "Python")
    with pytest.raises(NotFoundError, match="no person"):
        ana.profile(ben)


def test_endorsing_a_skill_they_do_not_list_is_refused(ana, node, tmp_path):
    ben = node("Ben")
    hand_over(ana, ben, tmp_path / "a.skb")
    with pytest.raises(NotFoundError, match="no skill named 'Cobol'"):
        ben.endorse(ana.person_id, "Cobol")
    ben.endorse(ana.person_id, "python")
    with pytest.raises(ValidationError, match="already endorse"):
        ben.endorse(ana.person_id, "Python")


def test_search_is_case_and_accent_insensitive(ana, node, tmp_path):
    ben = node("Benoît Lefèvre", "ÉBÉNISTE à Genève")
    ben.add_skill("Ébénisterie", 5)
    hand_over(ben, ana, tmp_path / "b.skb")
    assert [p.name for p in ana.queries.search("ebeniste").people] == ["Benoît Lefèvre"]
    assert [p.name for p in ana.queries.search("developpeuse").people] == ["Ana"]
    assert [p.name for p in ana.queries.search("lefevre genev").people] == ["Benoît Lefèvre"]
    found = ana.queries.search("", skill="EBENISTERIE", min_level=5)
    assert [(p.name, p.matched_skill, p.matched_level) for p in found.people] == [("Benoît Lefèvre", "Ébénisterie", 5)]
    assert ana.queries.search("", skill="ébénisterie", min_level=6).total == 0
    assert ana.queries.search('"; DROP TABLE persons; --').total == 0


def test_an_exchange_completed_recognises_the_helper_with_an_endorsement(ana, node, tmp_path):
    ben = node("Ben")
    ben.add_skill("Menuiserie", 3)
    request = ana.add_offer("request", "Menuiserie", "Fix my bookshelf")
    hand_over(ana, ben, tmp_path / "a.skb")
    ben.respond_to_offer(request, "I can do it on Saturday")
    hand_over(ben, ana, tmp_path / "b.skb")
    offer = ana.queries.offer(request)
    assert [(r.person_name, r.message) for r in offer.responses] == [("Ben", "I can do it on Saturday")]
    ana.complete_offer(request, ben.person_id, "Merci !")
    assert ana.queries.offer(request).status == "done"
    hand_over(ana, ben, tmp_path / "a.skb")
    received = ben.queries.endorsements(subject_id=ben.person_id)
    assert [(e.skill, e.endorser_name, e.comment) for e in received] == [("Menuiserie", "Ana", "Merci !")]
    with pytest.raises(NotAllowedError):
        ben.respond_to_offer(request, "too late")


def test_a_read_only_store_refuses_writes_with_a_clear_message(ana, tmp_path):
    data_dir = ana.data_dir
    ana.close()
    reader = Services(data_dir, read_only=True)
    try:
        assert reader.queries.skill(reader.person_id, "Python").level == 4
        with pytest.raises(StorageError, match="read-only"):
            reader.add_skill("Go", 3)
    finally:
        reader.close()


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root ignores folder permissions")
def test_a_read_only_data_dir_gives_a_clear_error(tmp_path):
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(StorageError):
            Services(folder / "inner").create_identity("Ana")
    finally:
        folder.chmod(0o700)


def test_a_data_dir_that_is_a_file_gives_a_clear_error(tmp_path):
    target = tmp_path / "not-a-folder"
    target.write_text("x")
    with pytest.raises(StorageError, match="is a file"):
        Services(target)


def test_a_full_disk_refuses_the_write_and_keeps_the_old_state(ana):
    ana.db.execute(f"PRAGMA max_page_count = {ana.db.one('PRAGMA page_count')[0]}")
    before = snapshot(ana)
    with pytest.raises(StorageError, match="disk is full"):
        for i in range(200):
            ana.add_skill(f"Skill {i} " + "x" * 60, 3, description="d" * 1900)
    survived = snapshot(ana)
    assert survived["skills"][: len(before["skills"])] == before["skills"]
    assert ana.db.integrity_ok()


def test_the_same_person_on_a_second_device(ana, node, tmp_path):
    export = tmp_path / "me.identity"
    ana.export_identity(export, "a long passphrase")
    laptop = node(folder="laptop")
    with pytest.raises(IdentityError, match="wrong passphrase"):
        laptop.import_identity(export, "not the passphrase")
    assert laptop.identity is None
    laptop.import_identity(export, "a long passphrase", device_name="laptop")
    assert laptop.person_id == ana.person_id
    assert laptop.require_identity().device_id != ana.require_identity().device_id
    laptop.add_skill("Go", 2)
    hand_over(laptop, ana, tmp_path / "l.skb")
    assert {s.name for s in ana.queries.skills(ana.person_id)} == {"Python", "Go"}
    assert sorted(d.name for d in ana.devices()) == ["laptop", "this device"]


def test_a_revoked_devices_later_changes_are_refused(ana, node, tmp_path):
    export = tmp_path / "me.identity"
    ana.export_identity(export, "a long passphrase")
    laptop = node(folder="laptop")
    laptop.import_identity(export, "a long passphrase", device_name="laptop")
    hand_over(laptop, ana, tmp_path / "l.skb")
    ana.revoke_device(laptop.require_identity().device_id)
    hand_over(ana, laptop, tmp_path / "a.skb")  # even the lost laptop learns it is revoked
    before = snapshot(ana)
    laptop.add_skill("Stolen", 5)
    with pytest.raises(RejectedError, match="revoked device"):
        hand_over(laptop, ana, tmp_path / "l.skb")
    assert snapshot(ana) == before


def test_the_recovery_phrase_restores_the_same_person_on_a_fresh_data_dir(node):
    first = node(folder="first")
    phrase = first.create_identity("Ana")
    fresh = node(folder="fresh")
    assert fresh.restore_identity(phrase) == first.person_id
    with pytest.raises(IdentityError, match="already belongs"):
        fresh.create_identity("Someone else")


def test_a_corrupt_data_file_gives_a_clear_error(tmp_path):
    (tmp_path / "broken").mkdir()
    (tmp_path / "broken" / "skiller.sqlite3").write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StorageError, match="damaged"):
        Services(tmp_path / "broken")


def test_the_log_records_every_accepted_change_in_order(ana):
    entries = ana.store.log_since(0, 1000)
    assert [e.seq for e in entries] == sorted(e.seq for e in entries)
    assert {e.entry_kind for e in entries} == {"change", "head"}
    assert all(e.author == ana.person_id for e in entries)
    with pytest.raises(sqlite3.IntegrityError):
        ana.db.execute("INSERT INTO log (doc_id, entry_kind, hash, author, bytes) VALUES ('x','other','h','a',x'')")


def test_a_restored_identity_merges_the_old_document_whole(node, tmp_path):
    first = node(folder="first")
    phrase = first.create_identity("Ana Lúcia", "Développeuse")
    first.add_skill("Python", 4)
    first.export_bundle(tmp_path / "old.skb")
    fresh = node(folder="fresh")
    fresh.restore_identity(phrase)
    fresh.add_skill("Go", 2)  # edits made before the old document arrives are kept too
    fresh.import_bundle(tmp_path / "old.skb")
    profile = fresh.profile()
    assert (profile.name, profile.headline) == ("Ana Lúcia", "Développeuse")
    assert {s.name for s in fresh.queries.skills(fresh.person_id)} == {"Python", "Go"}
    assert len(fresh.devices()) == 2


def test_a_skill_can_be_respelled_and_renamed_keeping_its_place(ana):
    ana.update_skill("python", name="PYTHON")
    assert ana.queries.skill(ana.person_id, "python").name == "PYTHON"
    ana.add_skill("Go", 2, evidence=[{"kind": "link", "title": "", "url": "https://example.org/go"}])
    ana.add_skill("Rust", 1)
    before = [s.name for s in ana.queries.skills(ana.person_id)]
    with pytest.raises(ValidationError, match="already have"):
        ana.update_skill("Go", name="rust")
    ana.update_skill("Go", name="Golang", level=3)
    after = ana.queries.skills(ana.person_id)
    assert [s.name for s in after] == [n if n != "Go" else "Golang" for n in before]
    golang = ana.queries.skill(ana.person_id, "golang")
    assert golang.level == 3 and golang.evidence[0]["url"] == "https://example.org/go"
    assert ana.queries.skill(ana.person_id, "go") is None
    assert ana.queries.search(skill="Golang").total == 1 and ana.queries.search(skill="Go").total == 0


def test_edits_from_two_processes_on_one_data_dir_are_all_kept(ana):
    import subprocess
    import sys

    ana_dir = ana.data_dir
    script = (
        "import sys; from skiller_desktop.services import Services; s = Services(sys.argv[1]);"
        "[s.add_skill(f'{sys.argv[2]} {i}', 3) for i in range(15)]"
    )
    env = {**__import__("os").environ, "SKILLER_NO_KEYRING": "1"}
    workers = [subprocess.Popen([sys.executable, "-c", script, str(ana_dir), name], env=env) for name in ("A", "B")]
    for i in range(15):
        ana.add_skill(f"Main {i}", 2)
    assert all(w.wait(timeout=120) == 0 for w in workers)
    names = {s.name for s in ana.queries.skills(ana.person_id)}
    fresh = Services(ana_dir)
    try:
        stored = {s.name for s in fresh.queries.skills(fresh.person_id)}
        doc_skills = set(fresh._own_data()["skills"])
    finally:
        fresh.close()
    assert len(stored) == 46 and len(doc_skills) == 46
    assert names <= stored
