"""Two people in two data dirs, exchanging only signed bundle files."""

from __future__ import annotations

import base64
import json

import pytest
from automerge import core
from support import hand_over, snapshot

from skiller_desktop import automerge_io as am
from skiller_desktop import bundles
from skiller_desktop.errors import RejectedError
from skiller_desktop.identity import Identity
from skiller_desktop.signed_heads import SignedHead


@pytest.fixture
def pair(node, tmp_path):
    ana = node("Ana Lúcia", "Développeuse Python")
    ben = node("Benoît", "Ébéniste")
    ana.add_skill("Python", 4, years=6)
    ana.add_skill("Rust", 2)
    hand_over(ana, ben, tmp_path / "ana.skb")
    hand_over(ben, ana, tmp_path / "ben.skb")
    return ana, ben


def test_endorsement_travels_back_with_the_endorsers_name(pair, tmp_path):
    ana, ben = pair
    ben.endorse(ana.person_id, "python", comment="Code très propre 👍")
    hand_over(ben, ana, tmp_path / "ben.skb")
    received = ana.queries.endorsements(subject_id=ana.person_id)
    assert [(e.skill, e.endorser_name, e.comment) for e in received] == [("Python", "Benoît", "Code très propre 👍")]
    assert ana.queries.skill(ana.person_id, "Python").endorsement_count == 1


def test_a_revocation_travels_the_same_way(pair, tmp_path):
    ana, ben = pair
    eid = ben.endorse(ana.person_id, "Python")
    hand_over(ben, ana, tmp_path / "ben.skb")
    ben.revoke_endorsement(eid)
    hand_over(ben, ana, tmp_path / "ben.skb")
    assert ana.queries.endorsements(subject_id=ana.person_id) == []
    assert ana.queries.skill(ana.person_id, "Python").endorsement_count == 0


def test_a_hidden_endorsement_stays_hidden_on_the_profile_and_in_the_export(pair, node, tmp_path):
    ana, ben = pair
    keep = ben.endorse(ana.person_id, "Python")
    hide = ben.endorse(ana.person_id, "Rust", comment="meh")
    hand_over(ben, ana, tmp_path / "ben.skb")
    ana.hide_endorsement(hide)
    visible = ana.queries.endorsements(subject_id=ana.person_id, include_hidden=False)
    assert [e.endorsement_id for e in visible] == [keep]
    assert ana.queries.skill(ana.person_id, "Rust").endorsement_count == 0
    # a third node that receives Ana's and Ben's documents sees the same thing
    carol = node("Carol")
    ana.export_bundle(tmp_path / "both.skb", [ana.person_id, ben.person_id])
    carol.import_bundle(tmp_path / "both.skb")
    seen = carol.queries.endorsements(subject_id=ana.person_id, include_hidden=False)
    assert [e.endorsement_id for e in seen] == [keep]


def test_importing_the_same_bundle_twice_changes_nothing(pair, tmp_path):
    ana, ben = pair
    ben.export_bundle(tmp_path / "ben.skb")
    before = snapshot(ana)
    report = ana.import_bundle(tmp_path / "ben.skb")
    assert report.changed == 0
    assert snapshot(ana) == before


@pytest.mark.parametrize(
    "text",
    ["مهندسة برمجيات", "מהנדסת תוכנה", "Rustacean 🦀🚀", "Ça a été très réussi, à Genève", "Ω≈ç√ 中文"],
)
def test_odd_text_round_trips_exactly(pair, tmp_path, text):
    ana, ben = pair
    ana.update_profile(headline=text, bio=text + "\n" + text)
    ana.add_skill(text[:20], 3, description=text)
    hand_over(ana, ben, tmp_path / "ana.skb")
    profile = ben.profile(ana.person_id)
    assert (profile.headline, profile.bio) == (text, text + "\n" + text)
    assert ben.queries.skill(ana.person_id, text[:20]).description == text


def test_every_altered_byte_is_refused_and_changes_nothing(pair, tmp_path):
    ana, ben = pair
    ana.update_profile(bio="A new bio to carry")
    path = tmp_path / "ana.skb"
    ana.export_bundle(path)
    original = path.read_bytes()
    before = snapshot(ben)
    step = max(1, len(original) // 400)
    positions = sorted(set(range(0, len(original), step)) | set(range(0, original.index(b"\n") + 1)))
    for position in positions:
        altered = bytearray(original)
        altered[position] ^= 0x01
        path.write_bytes(bytes(altered))
        with pytest.raises(RejectedError):
            ben.import_bundle(path)
    assert snapshot(ben) == before
    path.write_bytes(original)
    assert ben.import_bundle(path).changed == 1


def _forge(victim_doc: bytes, victim_id: str, forger: Identity) -> bundles.BundledDoc:
    """The forger edits the victim's document and signs the result with the forger's key."""
    doc = core.Document.load(victim_doc)
    doc.set_actor(forger.actor_id)
    with doc.transaction() as tx:
        am.put(tx, am.map_id(tx, am.ROOT, "profile"), "headline", "Forged!")
    return bundles.BundledDoc(victim_id, doc.save(), [SignedHead.sign(forger, victim_id, doc.get_heads())])


def test_a_change_to_anas_document_signed_by_ben_is_refused(pair, node, tmp_path):
    ana, ben = pair
    carol = node("Carol")
    hand_over(ana, carol, tmp_path / "ana.skb")
    before = snapshot(carol)
    forged = _forge(ben.store.get(ana.person_id).data, ana.person_id, ben.require_identity())
    honest = bundles.BundledDoc(ben.person_id, ben.store.get(ben.person_id).data,
                                ben.store.get(ben.person_id).signed_heads)
    path = tmp_path / "forged.skb"
    path.write_bytes(bundles.encode(ben.require_identity(), [honest, forged]))
    with pytest.raises(RejectedError, match="may not"):
        carol.import_bundle(path)
    assert snapshot(carol) == before  # refused whole: not even Ben's honest document


def test_a_change_with_the_authors_actor_but_no_valid_signature_is_refused(pair, node, tmp_path):
    ana, ben = pair
    carol = node("Carol")
    stored = ana.store.get(ana.person_id)
    doc = core.Document.load(stored.data)
    doc.set_actor(ana.require_identity().actor_id)  # a thief without Ana's key can still pick her actor id
    with doc.transaction() as tx:
        am.put(tx, am.map_id(tx, am.ROOT, "profile"), "name", "Not Ana")
    stale = stored.signed_heads  # valid signatures, but over the old heads
    path = tmp_path / "unsigned.skb"
    path.write_bytes(bundles.encode(ben.require_identity(), [bundles.BundledDoc(ana.person_id, doc.save(), stale)]))
    with pytest.raises(RejectedError, match="no valid signature"):
        carol.import_bundle(path)
    assert not carol.queries.person_exists(ana.person_id)


def test_a_resealed_bundle_with_a_tampered_signature_is_refused(pair, tmp_path):
    ana, ben = pair
    stored = ana.store.get(ana.person_id)
    signed = stored.signed_heads[0]
    bad = SignedHead(signed.doc_id, signed.heads, signed.signer, bytes(64))
    path = tmp_path / "bad.skb"
    path.write_bytes(bundles.encode(ben.require_identity(), [bundles.BundledDoc(ana.person_id, stored.data, [bad])]))
    before = snapshot(ben)
    with pytest.raises(RejectedError, match="forged or altered"):
        ben.import_bundle(path)
    assert snapshot(ben) == before


@pytest.mark.parametrize(
    "content",
    [b"", b"hello", b"\x00\xff" * 100, b'{"format":"skiller-bundle","version":1}', b"{not json\n{}",
     b'{"format":"skiller-bundle","version":99}\n{}'],
)
def test_malformed_bundle_files_get_a_clear_error(pair, tmp_path, content):
    ana, _ = pair
    path = tmp_path / "junk.skb"
    path.write_bytes(content)
    before = snapshot(ana)
    with pytest.raises(RejectedError):
        ana.import_bundle(path)
    assert snapshot(ana) == before


def test_a_truncated_bundle_is_refused(pair, tmp_path):
    ana, ben = pair
    path = tmp_path / "ana.skb"
    ana.export_bundle(path)
    path.write_bytes(path.read_bytes()[:-10])
    with pytest.raises(RejectedError, match="altered"):
        ben.import_bundle(path)


def test_bundle_body_is_inspectable_json(pair, tmp_path):
    ana, _ = pair
    path = tmp_path / "ana.skb"
    ana.export_bundle(path)
    header, body = path.read_bytes().split(b"\n", 1)
    assert json.loads(header)["exporter"] == ana.person_id
    document = json.loads(body)["documents"][0]
    assert document["doc_id"] == ana.person_id
    assert core.Document.load(base64.b64decode(document["bytes"])).get_heads()
