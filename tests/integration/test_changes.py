"""One typed `Changes` for every commit: local edits, bundle and JSON imports, synced documents.

Each listener of the services hears what changed, part by part, whichever way
it came; these tests check the parts, not just that something was said.
"""

from __future__ import annotations

import json
import threading

import pytest
from support import hand_over, wait_until

from skiller_desktop.interop import service as interop
from skiller_desktop.services import Services
from skiller_desktop.views import PARTS, Changes


class Heard:
    """A listener that keeps what it hears (from any thread)."""

    def __init__(self, services: Services) -> None:
        self.changes: list[Changes] = []
        self._lock = threading.Lock()
        services.add_listener(self.hear)

    def hear(self, changes: Changes) -> None:
        with self._lock:
            self.changes.append(changes)

    def parts(self, index: int = -1) -> set[str]:
        return {p for p in PARTS if getattr(self.changes[index], p)}


def test_the_record_merges_and_says_whether_anything_changed():
    assert not Changes().any and not Changes(documents=frozenset({"x"}), synced=True).any
    merged = Changes(skills=True, documents=frozenset({"a"}), synced=True) | Changes(people=True, synced=True)
    assert merged.skills and merged.people and not merged.profile and merged.any
    assert merged.documents == {"a"} and merged.synced
    assert not (merged | Changes(teams=True)).synced  # a local part in it: not purely synced
    assert merged.touches(Changes(people=True)) and not merged.touches(Changes(offers=True, teams=True))
    assert all(getattr(Changes.everything(), p) for p in PARTS)
    with pytest.raises(TypeError):
        Changes(skill=True)  # a misspelt part is an error, not a screen that never redraws


def test_local_edits_say_their_parts_and_their_document(node):
    ana = node("Ana")
    heard = Heard(ana)
    ana.add_skill("Python", 4)
    assert heard.parts() == {"skills"}
    assert heard.changes[-1].documents == {ana.person_id} and not heard.changes[-1].synced
    ana.update_profile(headline="Développeuse")
    assert heard.parts() == {"profile", "people"}
    ana.add_offer("offer", "Python", "Code reviews")
    assert heard.parts() == {"offers"}


def test_an_imported_bundle_says_what_the_documents_touched(node, tmp_path):
    ana, bea = node("Ana"), node("Bea")
    ana.add_skill("Python", 4)
    bea.add_skill("Go", 3)
    heard = Heard(ana)
    hand_over(bea, ana, tmp_path / "bea.skb")
    changes = heard.changes[-1]
    assert heard.parts() == {"people"}  # someone new: not Ana's skills, nor her endorsements
    assert changes.documents == {bea.person_id} and not changes.synced

    hand_over(ana, bea, tmp_path / "ana.skb")
    bea.endorse(ana.person_id, "Python")
    bea.add_offer("request", "Python", "A hand with asyncio")
    hand_over(bea, ana, tmp_path / "bea2.skb")
    assert heard.parts() == {"people", "endorsements", "offers"}  # Bea endorses Ana and posts

    count = len(heard.changes)
    hand_over(bea, ana, tmp_path / "bea3.skb")  # the same again: nothing committed, nobody told
    assert len(heard.changes) == count


def test_a_copy_of_my_own_document_touches_every_part_of_mine(node, tmp_path):
    ana = node("Ana")
    laptop = node(folder="laptop")
    ana.export_identity(tmp_path / "ana.id", "a passphrase long enough")
    laptop.import_identity(tmp_path / "ana.id", "a passphrase long enough", "laptop")
    laptop.add_skill("Rust", 2)
    heard = Heard(ana)
    hand_over(laptop, ana, tmp_path / "laptop.skb")
    assert {"profile", "skills", "endorsements", "offers", "devices"} <= heard.parts()
    assert not heard.changes[-1].blocked


def test_a_json_resume_import_says_profile_and_skills(node, tmp_path):
    ana = node("Ana")
    heard = Heard(ana)
    path = tmp_path / "resume.json"
    path.write_text(json.dumps({"basics": {"name": "Ana", "label": "Data engineer"},
                                "skills": [{"name": "SQL", "level": "Advanced"}]}), encoding="utf-8")
    interop.import_jsonresume(ana, path)
    assert {"profile", "skills"} <= heard.parts() and not heard.changes[-1].teams
    assert heard.changes[-1].documents == {ana.person_id}


@pytest.fixture
def two_nodes(tmp_path):
    from sync.node import NodeSync

    made = []
    for name in ("ana", "bea"):
        services = Services(tmp_path / name)
        services.create_identity(name.capitalize())
        services.add_skill("Python", 3)
        made.append(NodeSync(services))
    yield made
    for sync in made:
        sync.close()
        sync.services.close()


def test_synced_documents_reach_the_same_listeners_as_changes(two_nodes):
    """Ana pulls Bea's document and pushes hers to Bea's endpoint: both hear it as one typed Changes."""
    ana, bea = two_nodes
    bea.serve("127.0.0.1", 0)
    bea.services.add_offer("offer", "Python", "Pairing sessions")
    ana_heard, bea_heard = Heard(ana.services), Heard(bea.services)
    local_edits: list[object] = []
    ana.scheduler.local_edit = lambda *a: local_edits.append(a)  # type: ignore[method-assign]
    peer = ana.scheduler.add_peer(bea.server.url, "peer")
    ana.scheduler.sync_once(peer.peer_id)

    wait_until(lambda: ana_heard.changes, message="Ana's listeners to hear the pulled document")
    pulled = ana_heard.changes[0]
    assert pulled.synced and pulled.documents == {bea.services.person_id}
    assert ana_heard.parts(0) == {"people", "offers"}  # Bea posts, does not endorse Ana
    assert local_edits == []  # what a sync brought does not count as a local edit to sync again

    wait_until(lambda: bea_heard.changes, message="Bea's listeners to hear the pushed document")
    pushed = bea_heard.changes[0]
    assert pushed.synced and pushed.documents == {ana.services.person_id}
    assert bea_heard.parts(0) == {"people"}

    bea.services.endorse(ana.services.person_id, "Python")
    ana.scheduler.sync_once(peer.peer_id)
    wait_until(lambda: len(ana_heard.changes) >= 2, message="the endorsement to reach Ana")
    assert ana_heard.parts() == {"people", "endorsements", "offers"}
