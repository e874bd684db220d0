"""Teams across in-process nodes that exchange only signed bundle files."""

from __future__ import annotations

import csv
import io

import pytest
from support import hand_over, snapshot

from skiller_desktop import bundles
from skiller_desktop import person_doc as pd
from skiller_desktop.acceptance import verify_update
from skiller_desktop.cli import main
from skiller_desktop.errors import NotAllowedError, RejectedError
from skiller_desktop.identity import Identity
from skiller_desktop.signed_heads import SignedHead
from skiller_desktop.teams import document as td
from skiller_desktop.views import Changes


def team_state(node, team_id):
    members = [(m.person_id, m.role, bool(m.removed_at)) for m in node.teams.members(team_id, include_removed=True)]
    needs = [(n.skill, n.level, n.status) for n in node.teams.needs(team_id)]
    return sorted(members), sorted(needs), sorted(node.store.get(team_id).document().get_heads())


def forge(node, team_id, make):
    """A bundle holding the node's team document plus one change by its own key, signed by it."""
    identity = node.require_identity()
    stored = node.store.get(team_id)
    doc = stored.document()
    doc.set_actor(identity.actor_id)
    pd.apply(doc, make(doc))
    signed = SignedHead.sign(identity, team_id, doc.get_heads())
    return bundles.encode(identity, [bundles.BundledDoc(team_id, doc.save(), [*stored.signed_heads, signed])])


def share(sender, receivers, team_id, tmp_path):
    for receiver in receivers:
        hand_over(sender, receiver, tmp_path / "share.skb", [team_id])


@pytest.fixture
def trio(node, tmp_path):
    """Ana (admin) creates a team; Ben joins by direct invitation, Chloé by code; Dan stays out."""
    ana, ben, chloe, dan = (node(n) for n in ("Ana", "Ben", "Chloé", "Dan"))
    team_id = ana.teams.create("Atelier", "meubles sur mesure")
    ana.teams.invite(team_id, ben.person_id)
    code = ana.teams.create_invite_code(team_id)
    share(ana, [ben], team_id, tmp_path)
    ben.teams.accept(team_id)
    chloe.teams.accept(code)  # Chloé has never seen the team
    for newcomer in (ben, chloe):
        hand_over(newcomer, ana, tmp_path / "me.skb")  # Ana's node admits them on import
    assert {m.person_id for m in ana.teams.members(team_id)} == {ana.person_id, ben.person_id, chloe.person_id}
    share(ana, [ben, chloe], team_id, tmp_path)
    return ana, ben, chloe, dan, team_id


def test_members_converge(trio, tmp_path):
    ana, ben, chloe, _, team_id = trio
    ben.teams.add_need(team_id, "Python", 3, "backend")
    chloe.teams.add_need(team_id, "Ébénisterie", 4)
    ana.teams.add_need(team_id, "Design", 2)
    for sender in (ana, ben, chloe):
        share(sender, [n for n in (ana, ben, chloe) if n is not sender], team_id, tmp_path)
    assert team_state(ana, team_id) == team_state(ben, team_id) == team_state(chloe, team_id)
    assert len(team_state(ana, team_id)[1]) == 3
    assert [t.team_id for t in chloe.teams.teams()] == [team_id]
    by_code = {i.by_code: i.accepted_by for i in ana.teams.invitations(team_id)}
    assert by_code == {True: chloe.person_id, False: ben.person_id}


def test_a_used_code_and_an_outsiders_copy_of_it_admit_nobody(trio, tmp_path, node):
    ana, _, chloe, dan, team_id = trio
    chloe_acceptance = chloe.store.get(chloe.person_id)
    assert chloe_acceptance is not None
    # Dan copies Chloé's published proof into his own document: the proof is bound to Chloé.
    proof = ana.db.one("SELECT * FROM team_acceptances WHERE person_id = ?", (chloe.person_id,))
    dan.edit(
        pd.put_entry(
            "team_acceptances", team_id,
            {"invitation_id": proof["invitation_id"], "proof": proof["proof"], "date": "2026-01-01T00:00:00Z"},
        ),
        Changes(teams=True),
    )
    hand_over(dan, ana, tmp_path / "dan.skb")
    assert dan.person_id not in {m.person_id for m in ana.teams.members(team_id, include_removed=True)}


def test_an_outsiders_forged_change_is_refused(trio, tmp_path):
    ana, ben, chloe, dan, team_id = trio
    share(ana, [dan], team_id, tmp_path)  # the document leaked to Dan
    forged = forge(dan, team_id, lambda d: td.put_need("n", {"skill": "Spam", "level": 1, "status": "open"}))
    for member in (ana, ben, chloe):
        before = snapshot(member)
        (tmp_path / "forged.skb").write_bytes(forged)
        with pytest.raises(RejectedError, match="not a member"):
            member.import_bundle(tmp_path / "forged.skb")
        assert snapshot(member) == before
    with pytest.raises(NotAllowedError):
        dan.teams.add_need(team_id, "Spam", 1)


def test_a_non_admins_membership_change_is_refused(trio, tmp_path):
    ana, ben, chloe, dan, team_id = trio
    with pytest.raises(NotAllowedError, match="admins"):
        ben.teams.invite(team_id, dan.person_id)
    for make in (
        lambda d: td.add_member(dan.person_id, "member", ben.person_id),
        lambda d: td.set_role(ben.person_id, "admin"),
        lambda d: td.remove_member(d, chloe.person_id, ben.person_id),
    ):
        (tmp_path / "forged.skb").write_bytes(forge(ben, team_id, make))
        before = snapshot(ana)
        with pytest.raises(RejectedError, match="only admins"):
            ana.import_bundle(tmp_path / "forged.skb")
        assert snapshot(ana) == before


def test_a_removed_members_later_edits_are_refused_everywhere(trio, tmp_path):
    ana, ben, chloe, _, team_id = trio
    ana.teams.remove_member(team_id, chloe.person_id)
    share(ana, [ben], team_id, tmp_path)
    chloe.teams.add_need(team_id, "Made after removal", 2)  # Chloé has not heard yet
    for member in (ana, ben):
        before = snapshot(member)
        with pytest.raises(RejectedError, match="revoked"):
            hand_over(chloe, member, tmp_path / "late.skb", [team_id])
        assert snapshot(member) == before
    share(ana, [chloe], team_id, tmp_path)
    with pytest.raises(NotAllowedError):
        chloe.teams.add_need(team_id, "Again", 2)
    assert [m.person_id for m in ben.teams.members(team_id) if m.person_id == chloe.person_id] == []
    with pytest.raises(NotAllowedError, match="final"):
        ana.teams.add_members(team_id, [chloe.person_id])


def test_leaving_is_one_action_and_sticks(trio, tmp_path):
    ana, ben, _, _, team_id = trio
    with pytest.raises(NotAllowedError, match="only admin"):
        ana.teams.leave(team_id)
    ben.teams.leave(team_id)
    hand_over(ben, ana, tmp_path / "ben.skb", [team_id])
    assert ben.person_id not in {m.person_id for m in ana.teams.members(team_id)}
    (tmp_path / "forged.skb").write_bytes(
        forge(ben, team_id, lambda d: td.put_need("n", {"skill": "x", "level": 1, "status": "open"}))
    )
    with pytest.raises(RejectedError):
        ana.import_bundle(tmp_path / "forged.skb")


# -- a generated team of 50, with answers known by construction --------------------


def add_person(node, name, availability="", skills=(), endorsements=()):
    """Write a signed person document straight into the node's store, as an import would."""
    identity = Identity.generate()
    doc = pd.new_document(identity, name, "", "laptop")
    edits = [pd.set_profile({"availability": availability})]
    edits += [pd.put_entry("skills", s.lower(), {"name": s, "level": lv, "position": 0.0}) for s, lv in skills]
    edits += [
        pd.put_entry("endorsements", f"{identity.person_id[-8:]}-{i}", {"subject": sub, "skill": s, "revoked": False})
        for i, (sub, s) in enumerate(endorsements)
    ]
    pd.apply(doc, pd.merge_many(edits))
    signed = SignedHead.sign(identity, identity.person_id, doc.get_heads())
    node.store.commit([verify_update(identity.person_id, None, [], doc.save(), [signed])])
    return identity.person_id


@pytest.fixture(scope="module")
def big_team(tmp_path_factory):
    """Ana plus 49 members. Member i: Python at 3 + i%3 (i < 30), 1 + i%2 (30 ≤ i < 45), none after;
    i%4 Python endorsements; Rust at 1 + i%3; busy when i%7 == 0, else available (even i) or open (odd i).
    So the best Python holders are #11 and #23 (level 5, 3 endorsements, open), #11 first by name.
    """
    from skiller_desktop.services import Services

    ana = Services(tmp_path_factory.mktemp("big") / "ana")
    ana.create_identity("Ana")
    ids, info = [], {}
    for i in range(49):
        avail = "busy" if i % 7 == 0 else ("available" if i % 2 == 0 else "open")
        skills = [("Rust", 1 + i % 3)]
        level = 3 + i % 3 if i < 30 else (1 + i % 2 if i < 45 else 0)
        if level:
            skills.append(("Python", level))
        pid = add_person(ana, f"Member {i:02d}", avail, skills)
        ids.append(pid)
        info[pid] = (i, level, i % 4 if level else 0, avail)
    given = {k: [] for k in range(3)}
    for pid, (_, level, count, _) in info.items():
        for k in range(count if level else 0):
            given[k].append((pid, "Python"))
    for k in range(3):
        add_person(ana, f"Endorser {k}", endorsements=given[k])
    outsider = add_person(ana, "Zoé Outsider", "available", [("Python", 5)])
    team_id = ana.teams.create("Big team")
    ana.teams.add_members(team_id, ids)
    ana.teams.add_need(team_id, "Python", 3)
    ana.teams.add_need(team_id, "Rust", 4)
    yield ana, team_id, info, outsider
    ana.close()


def expected_order(info, wanted):
    """The documented ranking, written out plainly."""
    rank = {"available": 0, "open": 1, "": 2, "busy": 3}
    holders = [(pid, v) for pid, v in info.items() if v[1]]
    return [
        pid
        for pid, (i, level, n, avail) in sorted(
            holders, key=lambda x: (x[1][1] < wanted, x[1][3] == "busy", -x[1][1], -x[1][2], rank[x[1][3]], x[1][0])
        )
    ]


def test_matrix_of_fifty(big_team, tmp_path):
    ana, team_id, info, _ = big_team
    matrix = ana.teams.matrix(team_id)
    assert len(matrix.rows) == 50
    assert [c.name for c in matrix.skills] == ["Rust", "Python"]  # needed skills first, most held first
    assert [(g.skill, g.wanted_level, g.best_level) for g in matrix.gaps] == [("Rust", 4, 3)]
    row = next(r for r in matrix.rows if r.person_id in info and info[r.person_id][0] == 11)
    assert (row.cells["python"].level, row.cells["python"].endorsements) == (5, 3)
    top = ana.teams.matrix(team_id, sort_by="Python", min_level=5)
    assert len(top.rows) == 10
    assert [info[r.person_id][2] for r in top.rows] == sorted((info[r.person_id][2] for r in top.rows), reverse=True)
    text = ana.teams.matrix_csv(team_id, tmp_path / "m.csv")
    lines = list(csv.reader(io.StringIO((tmp_path / "m.csv").read_text("utf-8"))))
    assert text.startswith("person_id,name,availability,Rust level (gap),Rust endorsements,Python level,")
    assert lines[1][3] == "4" and lines[1][5] == "3" and len(lines) == 52


def test_matching_of_fifty(big_team):
    ana, team_id, info, outsider = big_team
    found = {m.need.skill: m.candidates for m in ana.teams.matching(team_id, others=1)}
    python = found["Python"]
    members = [c.person_id for c in python if c.member]
    assert members == expected_order(info, 3)
    # the outsider meets the level: after the members who meet it, before those below it (issue 12.4)
    meeting = [c for c in python if c.level >= 3]
    assert meeting[-1].person_id == outsider and not meeting[-1].member
    assert all(c.member and c.level < 3 for c in python[len(meeting):])
    first = python[0]
    i, level, n, avail = info[first.person_id]
    assert (i, level, n, avail) == (11, 5, 3, "open")
    assert first.reason == "level 5 ≥ 3 wanted, 3 endorsements, open, team member"
    assert [info[c.person_id][0] for c in python[1:3]] == [23, 2]  # then #2: level 5, 2 endorsements, available
    assert python[-1].level < 3
    assert all(c.level < 4 for c in found["Rust"])


def test_cli_team_commands(tmp_path, capsys):
    home = ["--data-dir", str(tmp_path / "cli")]
    assert main([*home, "init", "--name", "Ana"]) == 0
    assert main([*home, "--json", "team", "create", "Atelier"]) == 0
    out = capsys.readouterr().out
    team_id = out[out.index("team:") : out.index("team:") + 37]
    assert main([*home, "team", "needs", team_id, "add", "Python", "--level", "4", "--note", "api"]) == 0
    assert main([*home, "team", "matrix", team_id, "--csv", str(tmp_path / "m.csv")]) == 0
    assert main([*home, "team", "matrix", team_id, "--csv", str(tmp_path / "missing" / "m.csv")]) == 1  # not a crash
    assert main([*home, "team", "match", team_id]) == 0
    assert main([*home, "team", "invite-code", team_id]) == 0
    assert main([*home, "team", "members", team_id]) == 0
    assert main([*home, "team", "join", "nonsense"]) == 1
    out = capsys.readouterr()
    assert "GAP: Python wanted at level 4" in out.out and "skiller-team:" in out.out
    assert "not a Skiller team invitation code" not in out.err  # 'nonsense' is neither code nor team id
    assert "invitation code or a team id" in out.err
    assert "It works for 7 days." in out.out  # a plural, not "day(s)" (issue 12.11)
    code = out.out[out.out.index("skiller-team:"):].split()[0]
    assert main([*home, "--json", "team", "invitations", team_id]) == 0
    [listed] = __import__("json").loads(capsys.readouterr().out)
    assert listed["state"] == "open" and listed["by_code"] and listed["expires_at"]
    assert main([*home, "team", "revoke-invitation", team_id, td.parse_code(code)[1]]) == 0
    assert main([*home, "team", "invitations", team_id]) == 0
    assert "withdrawn" in capsys.readouterr().out
    assert main([*home, "team", "invite-code", team_id, "--days", "400"]) == 1
    assert "0 (no end) to 365 days" in capsys.readouterr().err


def test_a_withdrawn_or_expired_invitation_admits_nobody(node, tmp_path, monkeypatch):
    from skiller_desktop.errors import ValidationError
    from skiller_desktop.teams import service as team_service

    ana, eve, finn, gus, hana = (node(n) for n in ("Ana", "Eve", "Finn", "Gus", "Hana"))
    team_id = ana.teams.create("Atelier")
    leaked = ana.teams.create_invite_code(team_id)
    assert ana.teams.invitations(team_id)[0].expires_at > pd.now_iso()  # a code works for days, not forever
    leaked_id = td.parse_code(leaked)[1]
    ana.teams.revoke_invitation(team_id, leaked_id)
    ana.teams.invite(team_id, finn.person_id)
    finn_invitation = next(i for i in ana.teams.invitations(team_id) if i.person_id == finn.person_id)
    ana.teams.revoke_invitation(team_id, finn_invitation.invitation_id)
    monkeypatch.setattr(team_service, "_days_from_now", lambda days: "2020-01-01T00:00:00Z")
    stale = ana.teams.create_invite_code(team_id)
    # Eve has the withdrawn code, Gus the expired one; neither has seen the team, so both can answer...
    eve.teams.accept(leaked)
    gus.teams.accept(stale)
    for outsider in (eve, gus):
        hand_over(outsider, ana, tmp_path / "me.skb")
    # ...but Ana's node admits neither.
    assert {m.person_id for m in ana.teams.members(team_id)} == {ana.person_id}
    assert [i.is_open(pd.now_iso()) for i in ana.teams.invitations(team_id)] == [False, False, False]
    # Once the team reaches them, their nodes say why at once.
    share(ana, [finn, hana], team_id, tmp_path)
    with pytest.raises(ValidationError, match="withdrawn"):
        finn.teams.accept(team_id)
    with pytest.raises(ValidationError, match="expired"):
        hana.teams.accept(stale)
    with pytest.raises(ValidationError, match="withdrawn"):
        hana.teams.accept(leaked)


def test_an_accepted_invitation_cannot_be_withdrawn(trio):
    from skiller_desktop.errors import ValidationError

    ana, ben, _, _, team_id = trio
    accepted = next(i for i in ana.teams.invitations(team_id) if i.person_id == ben.person_id)
    with pytest.raises(ValidationError, match="remove the member"):
        ana.teams.revoke_invitation(team_id, accepted.invitation_id)
    with pytest.raises(NotAllowedError):
        ben.teams.revoke_invitation(team_id, accepted.invitation_id)
