"""TeamPolicy on bare documents: who may write what, judged from each change's own history."""

from __future__ import annotations

import pytest

from skiller_desktop import automerge_io as am
from skiller_desktop import person_doc as pd
from skiller_desktop.acceptance import verify_update
from skiller_desktop.errors import RejectedError
from skiller_desktop.identity import Identity
from skiller_desktop.signed_heads import SignedHead
from skiller_desktop.teams import document as td
from skiller_desktop.teams.policy import TeamPolicy

POLICY = TeamPolicy()


class Team:
    """A team document and its signed heads, as every node would hold them."""

    def __init__(self, admin: Identity) -> None:
        self.team_id = td.new_team_id()
        self.doc = td.new_document(admin, self.team_id, "Atelier", "")
        self.signed = [SignedHead.sign(admin, self.team_id, self.doc.get_heads())]
        self.accepted = verify_update(self.team_id, None, [], self.doc.save(), self.signed, POLICY)

    def edit(self, who: Identity, make) -> None:
        """Write as `who` and verify like an importing node; raises RejectedError when refused."""
        doc = self.accepted.document.fork()
        doc.set_actor(who.actor_id)
        before = doc.get_heads()
        pd.apply(doc, make(doc))
        incoming = b"".join(c.bytes for c in doc.get_changes(before))
        signed = SignedHead.sign(who, self.team_id, doc.get_heads())
        current = self.accepted.document.save()
        self.accepted = verify_update(self.team_id, current, self.accepted.signed_heads, incoming, [signed], POLICY)


@pytest.fixture
def people():
    return {name: Identity.generate() for name in ("admin", "bea", "carl", "outsider")}


@pytest.fixture
def team(people):
    team = Team(people["admin"])
    newcomers = [td.add_member(people[n].person_id, "member", "x") for n in ("bea", "carl")]
    team.edit(people["admin"], lambda d: td.merge(newcomers))
    return team


def test_members_write_needs_outsiders_do_not(team, people):
    team.edit(people["bea"], lambda d: td.put_need("n1", {"skill": "Python", "level": 3, "status": "open"}))
    with pytest.raises(RejectedError, match="not a member"):
        team.edit(people["outsider"], lambda d: td.put_need("n2", {"skill": "Go", "level": 1}))


@pytest.mark.parametrize(
    "make",
    [
        lambda p: lambda d: td.add_member(p["outsider"].person_id, "member", p["bea"].person_id),
        lambda p: lambda d: td.set_role(p["bea"].person_id, "admin"),
        lambda p: lambda d: td.remove_member(d, p["carl"].person_id, p["bea"].person_id),
        lambda p: lambda d: td.put_invitation("i1", td.invitation_entry("member", "x", person_id="y")),
        lambda p: lambda d: td.set_about({"name": "Mine now"}),
    ],
    ids=["add", "promote-self", "remove-other", "invite", "rename"],
)
def test_a_non_admin_may_not_touch_anything_but_needs(team, people, make):
    with pytest.raises(RejectedError, match="only admins"):
        team.edit(people["bea"], make(people))


def test_leaving_is_allowed_but_not_with_a_longer_leash(team, people):
    bea = people["bea"]
    greedy = lambda d: pd.set_fields(  # noqa: E731
        "members",
        bea.person_id,
        {"removed_at": "now", "removed_by": bea.person_id, "removed_after": {bea.actor_id.hex(): 99}},
    )
    with pytest.raises(RejectedError, match="keep writing"):
        team.edit(bea, greedy)
    team.edit(bea, lambda d: td.remove_member(d, bea.person_id, bea.person_id, own_actor=bea.actor_id))
    with pytest.raises(RejectedError, match="not a member"):
        team.edit(bea, lambda d: td.put_need("n", {"skill": "x"}))


def test_a_removal_is_final_even_for_admins(team, people):
    admin, carl = people["admin"], people["carl"]
    team.edit(admin, lambda d: td.remove_member(d, carl.person_id, admin.person_id))
    with pytest.raises(RejectedError, match="undoes the removal"):
        team.edit(admin, lambda d: td.add_member(carl.person_id, "member", admin.person_id))


def test_the_beginning_is_one_change_by_its_only_admin(people):
    team = Team(people["admin"])
    with pytest.raises(RejectedError, match="second beginning"):
        rival = td.new_document(people["outsider"], team.team_id, "Hijack", "")
        signed = SignedHead.sign(people["outsider"], team.team_id, rival.get_heads())
        verify_update(team.team_id, team.doc.save(), team.signed, rival.save(), [signed], POLICY)
    crowded = am.Document(people["admin"].actor_id)
    pd.apply(
        crowded,
        lambda tx: [
            am.put(tx, am.ROOT, k, v)
            for k, v in (
                ("kind", "team"),
                ("id", team.team_id),
                (
                    "members",
                    {
                        people["admin"].person_id: td.member_entry("admin", ""),
                        people["bea"].person_id: td.member_entry("admin", ""),
                    },
                ),
            )
        ],
    )
    signed = SignedHead.sign(people["admin"], team.team_id, crowded.get_heads())
    with pytest.raises(RejectedError, match="only admin"):
        verify_update(team.team_id, None, [], crowded.save(), [signed], POLICY)


def test_the_id_never_changes(team, people):
    with pytest.raises(RejectedError, match="never changes"):
        team.edit(people["admin"], lambda d: td.set_about({"kind": "person"}))
