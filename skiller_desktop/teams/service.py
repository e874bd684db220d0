"""Teams for the UI and the CLI: `services.teams`, built over the Services write path.

Every team edit loads the team document, writes one Automerge transaction as
this device's actor, signs the new heads, verifies the result with the same
TeamPolicy every other node applies (so a refused edit fails here, not
elsewhere), and commits document, log and read models in one transaction.

Joining goes through the invitee's own person document (`team_acceptances`),
since nobody may write a team document before being a member; an admin's
node adds them when it sees the acceptance (`process_acceptances`, run after
every committed change by a listener).
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Callable, Iterable
from dataclasses import replace
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from automerge import core

from .. import person_doc as pd
from .. import standing_read
from ..acceptance import verify_update
from ..errors import NotAllowedError, NotFoundError, RejectedError, SkillerError, StorageError, ValidationError
from ..identity import is_person_id
from ..messages import say
from ..queries import ENDORSEMENT_COUNT  # by skill group, and by words
from ..signed_heads import SignedHead
from ..text import clean, clean_level, skill_key
from ..views import Changes
from . import document as td
from .policy import TeamPolicy
from .views import Invitation, Member, Need, NeedMatches, Team, TeamMatrix

if TYPE_CHECKING:
    from ..services import Services
    from .keys import TeamKeys

# The team keys (PyNaCl) and the matrix analysis are imported where they are
# used: every command opens the services, and with them this module, so what
# it imports at the top every `skiller whoami` pays for (bench/bench_cli_start.py).

CODE_VALID_DAYS = 7  # how long an invitation code works unless said otherwise

log = logging.getLogger(__name__)


class Teams:
    def __init__(self, services: Services) -> None:
        self.s = services
        self.policy = TeamPolicy()
        services.policies.setdefault(td.PREFIX, self.policy)
        services.add_listener(self._on_changes)
        self._processing = False

    @cached_property
    def keys(self) -> TeamKeys:
        from .keys import TeamKeys

        return TeamKeys(self.s.db, lambda: self.s.identity)

    # -- reading -------------------------------------------------------------
    def teams(self) -> list[Team]:
        """The teams I am an active member of."""
        rows = self.s.db.query(
            """SELECT t.* FROM teams t JOIN team_members m ON m.team_id = t.team_id
               WHERE m.person_id = ? AND m.removed_at = '' ORDER BY t.name_fold, t.team_id""",
            (self.s.person_id,),
        )
        return [_team(r) for r in rows]

    def team(self, team_id: str) -> Team:
        row = self.s.db.one("SELECT * FROM teams WHERE team_id = ?", (team_id,))
        if row is None:
            raise NotFoundError(say("team.unknown", team_id=team_id[:60]))
        return _team(row)

    def members(self, team_id: str, include_removed: bool = False) -> list[Member]:
        self.team(team_id)
        rows = self.s.db.query(
            f"""SELECT m.*, COALESCE(p.name, '') AS name, COALESCE(p.availability, '') AS availability
                FROM team_members m LEFT JOIN persons p ON p.person_id = m.person_id
                WHERE m.team_id = ? {"" if include_removed else "AND m.removed_at = ''"}
                ORDER BY m.role = 'member', COALESCE(p.name_fold, ''), m.person_id""",
            (team_id,),
        )
        return [
            Member(
                r["person_id"],
                r["name"],
                r["role"],
                r["added_by"],
                r["added_at"],
                r["removed_at"],
                r["availability"],
            )
            for r in rows
        ]

    def invitations(self, team_id: str) -> list[Invitation]:
        rows = self.s.db.query(
            """SELECT i.*, COALESCE(p.name, '') AS name FROM team_invitations i
               LEFT JOIN persons p ON p.person_id = i.person_id AND i.person_id != ''
               WHERE i.team_id = ? ORDER BY i.created_at, i.invitation_id""",
            (team_id,),
        )
        return [
            Invitation(
                r["invitation_id"],
                r["person_id"],
                bool(r["code_key"]),
                r["role"],
                r["created_by"],
                r["created_at"],
                r["accepted_at"],
                r["accepted_by"],
                r["revoked_at"],
                r["expires_at"],
                r["name"],
            )
            for r in rows
        ]

    def needs(self, team_id: str, status: str | None = None) -> list[Need]:
        self.team(team_id)
        rows = self.s.db.query(
            f"""SELECT * FROM team_needs WHERE team_id = ? {"AND status = ?" if status else ""}
                ORDER BY status = 'filled', created_at, need_id""",
            (team_id, status) if status else (team_id,),
        )
        return [_need(r) for r in rows]

    def role(self, team_id: str, person_id: str | None = None) -> str:
        """'admin', 'member', or '' for anyone not an active member."""
        row = self.s.db.one(
            "SELECT role FROM team_members WHERE team_id = ? AND person_id = ? AND removed_at = ''",
            (team_id, person_id or self.s.person_id),
        )
        return row["role"] if row else ""

    # -- creating and membership --------------------------------------------
    def create(self, name: str, description: str = "") -> str:
        from . import sealed as ts

        identity = self.s.require_identity()
        name = clean(name, "name", required=True)
        description = clean(description, "description")
        first = ts.new_secret(1)
        team_id = ts.team_id_for(first)  # commits to the team's first signing key (relays check it)
        doc = td.new_document(identity, team_id, name, description)
        signed = SignedHead.sign(identity, team_id, doc.get_heads())
        with self.s._lock, self.s.db.transaction():
            update = verify_update(team_id, None, [], doc.save(), [signed], self.policy)
            self.s.store.commit([update])
            self.keys.start(team_id, first, [identity.person_id])
        self.s._notify(Changes(teams=True, documents=frozenset({team_id})))
        return team_id

    def rename(self, team_id: str, name: str | None = None, description: str | None = None) -> Changes:
        self._require_admin(team_id)
        fields = {}
        if name is not None:
            fields["name"] = clean(name, "name", required=True)
        if description is not None:
            fields["description"] = clean(description, "description")
        return self._edit(team_id, lambda doc: td.set_about(fields))

    def invite(self, team_id: str, person_id: str, role: str = "member") -> str:
        me = self._require_admin(team_id)
        self._check_newcomer(team_id, person_id, role)
        invitation_id = td.new_invitation_id()
        entry = td.invitation_entry(role, me, person_id=person_id)
        self._edit(team_id, lambda doc: td.put_invitation(invitation_id, entry))
        return invitation_id

    def create_invite_code(self, team_id: str, role: str = "member", valid_days: int = CODE_VALID_DAYS) -> str:
        """A code for someone not known yet; only the code's public key goes into the document.

        Whoever holds the code can join, so it stops working after `valid_days`
        (0: never) and an admin can withdraw it (`revoke_invitation`).
        """
        me = self._require_admin(team_id)
        _check_role(role)
        if not isinstance(valid_days, int) or isinstance(valid_days, bool) or not 0 <= valid_days <= 365:
            raise ValidationError(say("team.code_days"), "valid_days")
        invitation_id = td.new_invitation_id()
        code, code_key = td.new_code(team_id, invitation_id)
        expires_at = _days_from_now(valid_days) if valid_days else ""
        entry = td.invitation_entry(role, me, code_key=code_key, expires_at=expires_at)
        self._edit(team_id, lambda doc: td.put_invitation(invitation_id, entry))
        return code

    def revoke_invitation(self, team_id: str, invitation_id: str) -> Changes:
        """Withdraw an invitation not yet accepted: its code, or the named person, can no longer join.

        An admin's device that admitted the newcomer before it heard of the
        withdrawal has admitted them; remove them then.
        """
        me = self._require_admin(team_id)
        found = next((i for i in self.invitations(team_id) if i.invitation_id == invitation_id), None)
        if found is None:
            raise NotFoundError(say("team.no_invitation", id=invitation_id[:40]))
        if found.accepted_at:
            raise ValidationError(say("team.invitation_accepted"), "invitation")
        if found.revoked_at:
            return Changes()
        fields = {"revoked_at": pd.now_iso(), "revoked_by": me}
        return self._edit(team_id, lambda doc: pd.set_fields("invitations", invitation_id, fields))

    def add_members(self, team_id: str, person_ids: Iterable[str], role: str = "member") -> Changes:
        """An admin adds known people directly, in one transaction (no invitation round trip)."""
        me = self._require_admin(team_id)
        people = list(dict.fromkeys(person_ids))
        for person_id in people:
            self._check_newcomer(team_id, person_id, role)
        return self._edit(team_id, lambda doc: td.merge([td.add_member(p, role, me) for p in people]), rotate=True)

    def set_role(self, team_id: str, person_id: str, role: str) -> Changes:
        self._require_admin(team_id)
        _check_role(role)
        if not self.role(team_id, person_id):
            raise NotFoundError(say("team.not_member_person"))
        if role == "member" and person_id == self.s.person_id and self._other_admins(team_id) == 0:
            raise NotAllowedError(say("team.only_admin"))
        return self._edit(team_id, lambda doc: td.set_role(person_id, role))

    def remove_member(self, team_id: str, person_id: str) -> Changes:
        me = self._require_admin(team_id)
        if person_id == me:
            raise ValidationError(say("team.remove_self"), "person_id")
        if not self.role(team_id, person_id):
            raise NotFoundError(say("team.not_member_person"))
        return self._edit(team_id, lambda doc: td.remove_member(doc, person_id, me), rotate=True)

    def leave(self, team_id: str) -> Changes:
        me = self._require_member(team_id)
        others = [m for m in self.members(team_id) if m.person_id != me]
        if self.role(team_id) == "admin" and others and self._other_admins(team_id) == 0:
            raise NotAllowedError(say("team.only_admin_leaving"))
        actor = self.s.require_identity().actor_id
        return self._edit(team_id, lambda doc: td.remove_member(doc, me, me, own_actor=actor))

    def accept(self, code_or_team_id: str) -> str:
        """Accept an invitation (a code, or a team id naming me); returns the team id.

        Recorded in my own person document: an admin's node adds me when it sees it.
        """
        me = self.s.person_id
        given = (code_or_team_id or "").strip()
        if td.is_code(given):
            team_id, invitation_id, _ = td.parse_code(given)
            proof = td.code_proof(given, me)
            self._check_code(team_id, invitation_id, proof)
        elif td.is_team_id(given):
            team_id, proof = given, ""
            found = self.s.db.one(
                """SELECT invitation_id, revoked_at FROM team_invitations
                   WHERE team_id = ? AND person_id = ? AND accepted_at = ''
                   ORDER BY revoked_at = '' DESC, created_at DESC""",
                (team_id, me),
            )
            if found is not None and found["revoked_at"]:
                raise ValidationError(say("team.invitation_withdrawn_you"), "code")
            invitation_id = found["invitation_id"] if found else ""
        else:
            raise ValidationError(say("team.code_or_id"), "code")
        if self.role(team_id):
            raise ValidationError(say("team.already_member_you"), "code")
        entry = {"invitation_id": invitation_id, "proof": proof, "date": pd.now_iso()}
        self.s.edit(pd.put_entry("team_acceptances", team_id, entry), Changes(teams=True))
        return team_id

    def process_acceptances(self) -> int:
        """As an admin, add everyone whose acceptance matches an open invitation; returns how many."""
        identity = self.s.identity
        if identity is None or self.s.db.read_only or self._processing:
            return 0
        with self.s._lock:
            self._processing = True
            try:
                return sum(self._admit(team_id, rows) for team_id, rows in self._pending(identity.person_id).items())
            finally:
                self._processing = False

    def _pending(self, me: str) -> dict[str, list]:
        rows = self.s.db.query(
            """SELECT i.team_id, i.invitation_id, i.person_id AS invited, i.code_key, i.role,
                      a.person_id AS accepter, a.proof, a.date
               FROM team_invitations i
               JOIN team_members me ON me.team_id = i.team_id AND me.person_id = ?
                    AND me.role = 'admin' AND me.removed_at = ''
               JOIN team_acceptances a ON a.team_id = i.team_id
               WHERE i.accepted_at = '' AND i.revoked_at = '' AND (i.expires_at = '' OR i.expires_at > ?)
                 AND ((i.person_id != '' AND a.person_id = i.person_id AND a.invitation_id IN ('', i.invitation_id))
                      OR (i.code_key != '' AND a.invitation_id = i.invitation_id))
                 AND NOT EXISTS (SELECT 1 FROM team_members m
                                 WHERE m.team_id = i.team_id AND m.person_id = a.person_id)
               ORDER BY i.team_id, a.date, a.person_id""",
            (me, pd.now_iso()),
        )
        pending: dict[str, list] = {}
        for r in rows:
            if r["code_key"] and not td.check_proof(
                r["code_key"], r["team_id"], r["invitation_id"], r["accepter"], r["proof"]
            ):
                continue
            pending.setdefault(r["team_id"], []).append(r)
        return pending

    def _admit(self, team_id: str, rows: list) -> int:
        me = self.s.person_id
        used: set[str] = set()
        admitted: dict[str, tuple[str, str]] = {}
        for r in rows:  # each invitation once, each person once
            if r["invitation_id"] in used or r["accepter"] in admitted:
                continue
            used.add(r["invitation_id"])
            admitted[r["accepter"]] = (r["invitation_id"], r["role"])
        stamp = pd.now_iso()
        edits = []
        for person_id, (invitation_id, role) in admitted.items():
            edits.append(td.add_member(person_id, role, me))
            edits.append(pd.set_fields("invitations", invitation_id, {"accepted_at": stamp, "accepted_by": person_id}))
        try:
            self._edit(team_id, lambda doc: td.merge(edits))
        except SkillerError as exc:  # e.g. a concurrent removal of my admin role: tell, don't crash
            log.warning("could not admit newcomers to %s: %s", team_id, exc)
            return 0
        return len(admitted)

    # -- needs -----------------------------------------------------------------
    def add_need(self, team_id: str, skill: str, level: int, note: str = "", *, concept: str = "",
                 role: str = "", role_label: str = "") -> str:
        """A skill the team needs; `concept` links it (picked from the autocomplete: never guessed here)."""
        from .. import concepts

        me = self._require_member(team_id)
        need_id = secrets.token_hex(8)
        linked = concepts.valid_uri(concept)
        entry = _new_need(me, skill, level, note)
        if linked:
            entry["concept"] = linked
        if role:
            entry["role"], entry["role_label"] = concepts.valid_uri(role), clean(role_label, "role")
        self._edit(team_id, lambda doc: td.put_need(need_id, entry))
        return need_id

    def add_role_needs(self, team_id: str, role: str, role_label: str,
                       needs: Iterable[tuple[str, str, int]]) -> list[str]:
        """The skills of an ESCO occupation the admin kept, as needs: (label, concept, level) each, one edit."""
        from .. import concepts

        me = self._require_member(team_id)
        role, role_label = concepts.valid_uri(role), clean(role_label, "role")
        if not role:
            raise ValidationError(say("concept.no_role"), "role")
        entries = {}
        for label, concept, level in needs:
            entry = _new_need(me, label, level)
            entries[secrets.token_hex(8)] = entry | {"concept": concepts.valid_uri(concept), "role": role,
                                                     "role_label": role_label}
        if entries:
            self._edit(team_id, lambda doc: td.merge([td.put_need(k, v) for k, v in entries.items()]))
        return list(entries)

    def fill_need(self, team_id: str, need_id: str, person_id: str = "") -> Changes:
        self._require_member(team_id)
        if not any(n.need_id == need_id for n in self.needs(team_id)):
            raise NotFoundError(say("team.no_need", id=need_id))
        fields = {"status": "filled", "filled_at": pd.now_iso(), "filled_by": person_id}
        return self._edit(team_id, lambda doc: pd.set_fields("needs", need_id, fields))

    # -- matrix and matching ---------------------------------------------------
    def matrix(self, team_id: str, *, skills: Iterable[str] = (), min_level: int = 0, sort_by: str = "") -> TeamMatrix:
        from .. import concepts
        from . import analysis

        members = [(m.person_id, m.name, m.availability) for m in self.members(team_id)]
        rows = self.s.db.query(
            f"""SELECT s.person_id, s.skill_key, s.skill_group, s.name, s.level, {ENDORSEMENT_COUNT} AS n
                FROM skills s JOIN team_members m ON m.person_id = s.person_id
                WHERE m.team_id = ? AND m.removed_at = '' ORDER BY s.person_id, s.skill_key""",
            (team_id,),
        )
        # Columns are skill groups (issue 13): a concept's column gathers every spelling linked to it, and
        # the free-text skills whose name is one of its labels; a need's group becomes its `skill_key`.
        # A free-text need joins the concept its words are linked to by a member, or whose label they are.
        # Each row is placed by its own link; words alone follow one rule (_words_groups), never the last row.
        linked = {r["skill_group"] for r in rows if r["skill_group"] != r["skill_key"]}
        team_needs = self.needs(team_id)
        by_label = concepts.label_keys(linked | {n.concept for n in team_needs if n.concept})
        by_words = _words_groups(rows, by_label)
        needs = [replace(n, skill_key=n.skill_group if n.concept else
                         by_words.get(n.skill_key) or by_label.get(n.skill_key, n.skill_key))
                 for n in team_needs]
        by_need = {skill_key(n.skill): n.skill_key for n in needs}

        def column(r) -> str:  # a linked row stays with its own concept; free text: the need's, else a label's
            key = r["skill_key"]
            return r["skill_group"] if r["skill_group"] != key else by_need.get(key) or by_label.get(key, key)

        def named(words: str) -> str:  # a column asked for by words (or by its group)
            key = skill_key(words)
            return by_need.get(key) or by_words.get(key) or by_label.get(key) or words

        wording = {n.skill_key: n.skill for n in needs}  # a column is named as the team's need says it
        cells = [(r["person_id"], column(r), wording.get(column(r), r["name"]), r["level"], r["n"]) for r in rows]
        # standing (issue 14): a cell's is the best of the groups its row stands in (its own, its words)
        stored = standing_read.in_groups(self.s.db, list({r["person_id"] for r in rows}),
                                         [g for r in rows for g in (r["skill_group"], r["skill_key"])])
        standing: dict[tuple[str, str], float] = {}
        for r in rows:
            cell = (r["person_id"], column(r))
            standing[cell] = max(standing.get(cell, 0.0), stored.get((r["person_id"], r["skill_group"]), 0.0),
                                 stored.get((r["person_id"], r["skill_key"]), 0.0))
        return analysis.build_matrix(
            members, cells, needs, only_skills=[named(k) for k in skills],
            min_level=min_level, sort_by=named(sort_by) if sort_by else "", standing=standing,
        )

    def matrix_csv(self, team_id: str, path: Path | None = None, *, matrix: TeamMatrix | None = None,
                   **options) -> str:
        """The matrix as CSV (`matrix` when already computed), written to `path` if given."""
        from . import analysis

        text = analysis.matrix_csv(matrix if matrix is not None else self.matrix(team_id, **options))
        if path is not None:
            try:
                Path(path).write_text(text, encoding="utf-8")
            except OSError as exc:
                raise StorageError(say("team.cannot_write", path=path, detail=exc.strerror)) from None
        return text

    def matching(self, team_id: str, others: int = 5) -> list[NeedMatches]:
        """For each open need: members who have the skill, then up to `others` other people."""
        return [NeedMatches(n, self._candidates(team_id, n, others)) for n in self.needs(team_id, "open")]

    def _candidates(self, team_id: str, need: Need, others: int) -> list:
        from .. import concepts
        from . import analysis

        active = "SELECT person_id FROM team_members WHERE team_id = ? AND removed_at = ''"
        # Skill groups that meet the need: its own (its concept, or its words), its words, and, for a concept,
        # its labels in both languages, which free-text skills spelled so have as their group. Free-text
        # words meet the concepts the vocabulary names for them and the one the team's members link them
        # to (as in the matrix), and every skill typed in those words; a link some outsider made never
        # brings in other people's skills (a peer linking "python" to Java's URI, or to made-up ones).
        # Indexes skills_by_group and skills_by_key serve them; a person holding two is listed once.
        groups = [need.skill_group or need.skill_key, need.skill_key]
        if need.concept:
            groups += sorted(concepts.label_keys([need.concept]))
        else:
            groups += concepts.concepts_named(need.skill)
            linked = self.s.db.query(
                f"""SELECT person_id, skill_key, skill_group FROM skills
                    WHERE skill_key = ? AND skill_group != skill_key AND person_id IN ({active})
                    ORDER BY person_id""", (need.skill_key, team_id))
            groups += _words_groups(linked, concepts.label_keys(groups[2:])).values()
        groups = list(dict.fromkeys(groups))
        select = f"""SELECT s.person_id, COALESCE(p.name, '') AS name, s.level, {ENDORSEMENT_COUNT} AS n,
                            s.availability, s.person_name_fold, s.skill_group AS grp
                     FROM skills s LEFT JOIN persons p ON p.person_id = s.person_id
                     WHERE (s.skill_group IN ({",".join("?" * len(groups))}) OR s.skill_key = ?)"""
        groups_words = (*groups, need.skill_key)
        members = self.s.db.query(f"{select} AND s.person_id IN ({active})", (*groups_words, team_id))
        # A person holding the need under two spellings has two rows: each person once, at their best
        # row's place (ROW_NUMBER over the same order), then the best `others` people.
        order = """level < ?, availability = 'busy', level DESC, n DESC,
                   CASE availability WHEN 'available' THEN 0 WHEN 'open' THEN 1 WHEN 'busy' THEN 3 ELSE 2 END,
                   person_name_fold, person_id"""
        outside = self.s.db.query(
            f"""SELECT * FROM (SELECT r.*, ROW_NUMBER() OVER (PARTITION BY person_id ORDER BY {order}) AS place
                               FROM ({select} AND s.person_id NOT IN ({active})) r)
                WHERE place = 1 ORDER BY {order} LIMIT ?""",
            (need.level, *groups_words, team_id, need.level, others),
        )
        members = list({r["person_id"]: r for r in sorted(members, key=lambda r: (r["level"], r["n"]))}.values())
        people = [(r["person_id"], r["name"], True, r["level"], r["n"], r["availability"]) for r in members]
        people += [(r["person_id"], r["name"], False, r["level"], r["n"], r["availability"]) for r in outside]
        # standing (issue 14): the best of the need's groups, and of the group of a skill met by its words
        mine = {r["person_id"]: {*groups, r["grp"]} for r in [*members, *outside]}
        stored = standing_read.in_groups(self.s.db, list(mine), [*groups, *(r["grp"] for r in [*members, *outside])])
        best: dict[str, float] = {}
        for (person_id, group), value in stored.items():
            if group in mine[person_id]:
                best[person_id] = max(best.get(person_id, 0.0), value)
        return analysis.rank(need, people, best)

    # -- the write path ------------------------------------------------------
    def _edit(self, team_id: str, make: Callable[[core.Document], pd.Edit], rotate: bool = False) -> Changes:
        """One signed, verified team edit; `rotate`: an admin's own membership change rotates the key at once."""
        identity = self.s.require_identity()
        with self.s._lock, self.s.db.transaction():  # read, verify and write as one, across processes too
            stored = self.s.store.get(team_id)
            if stored is None:
                raise NotFoundError(say("team.unknown", team_id=team_id[:60]))
            doc = stored.document()
            doc.set_actor(identity.actor_id)
            before = doc.get_heads()
            pd.apply(doc, make(doc))
            new_changes = doc.get_changes(before)
            if not new_changes:
                return Changes()
            signed = SignedHead.sign(identity, team_id, doc.get_heads())
            incoming = b"".join(c.bytes for c in new_changes)
            try:
                update = verify_update(team_id, stored.data, stored.signed_heads, incoming, [signed], self.policy)
            except RejectedError as exc:
                raise NotAllowedError(say("team.would_refuse", detail=exc)) from None
            self.s.store.commit([update])
            if rotate:
                self.reconcile_keys(team_id, acting=True)
        return self.s._notify(Changes(teams=True, documents=frozenset({team_id})))

    # -- team keys ---------------------------------------------------------------
    def reconcile_keys(self, team_id: str | None = None, acting: bool = False) -> int:
        """As an admin holding the current team key: rotate it if the active members changed.

        The new version is sealed to the active members only, so whoever left
        or was removed reads nothing written after it, and relays refuse what
        they sign with older keys. The admin who removes or adds someone
        rotates at once (`acting`); changes no admin made here (a leave, an
        admission of an accepted invitation) are picked up after each sync by
        one designated admin only — the active admin with the smallest person
        id — so that two admins do not fork the key chain. Returns how many
        teams got a new version.
        """
        identity = self.s.identity
        if identity is None or self.s.db.read_only:
            return 0
        me = identity.person_id
        teams = [team_id] if team_id else self.keys.teams()
        rotated = 0
        with self.s._lock, self.s.db.transaction():
            for tid in teams:
                if self.role(tid, me) != "admin" or self.keys.current(tid) is None:
                    continue
                rows = self.s.db.query(
                    "SELECT person_id, role FROM team_members WHERE team_id = ? AND removed_at = ''", (tid,))
                active = {r["person_id"] for r in rows}
                if not acting and min(r["person_id"] for r in rows if r["role"] == "admin") != me:
                    continue
                if active and self.keys.sealed_to(tid) != active:
                    self.keys.rotate(tid, active)
                    rotated += 1
        return rotated

    def _on_changes(self, changes: Changes) -> None:
        if changes.synced:  # the sync itself admits and rotates after each pull (sync/teams.py after_sync)
            return
        try:
            self.process_acceptances()
        except SkillerError as exc:
            log.warning("processing team acceptances failed: %s", exc)

    # -- checks ----------------------------------------------------------------
    def _require_member(self, team_id: str) -> str:
        self.team(team_id)
        if not self.role(team_id):
            raise NotAllowedError(say("team.not_member_you"))
        return self.s.person_id

    def _require_admin(self, team_id: str) -> str:
        me = self._require_member(team_id)
        if self.role(team_id) != "admin":
            raise NotAllowedError(say("team.admins_only"))
        return me

    def _other_admins(self, team_id: str) -> int:
        return int(self.s.db.scalar(
            """SELECT COUNT(*) FROM team_members
               WHERE team_id = ? AND role = 'admin' AND removed_at = '' AND person_id != ?""",
            (team_id, self.s.person_id),
        ))

    def _check_newcomer(self, team_id: str, person_id: str, role: str) -> None:
        _check_role(role)
        if not is_person_id(person_id):
            raise ValidationError(say("person.not_an_id", value=person_id[:60]), "person_id")
        row = self.s.db.one(
            "SELECT removed_at FROM team_members WHERE team_id = ? AND person_id = ?", (team_id, person_id)
        )
        if row is not None and row["removed_at"]:
            raise NotAllowedError(say("team.removed_final"))
        if row is not None:
            raise ValidationError(say("team.already_member"), "person_id")

    def _check_code(self, team_id: str, invitation_id: str, proof: str) -> None:
        """When the team is known here, say at once if the code is wrong or used."""
        row = self.s.db.one(
            "SELECT code_key, accepted_at, revoked_at, expires_at FROM team_invitations"
            " WHERE team_id = ? AND invitation_id = ?",
            (team_id, invitation_id),
        )
        if row is None:
            return
        if not td.check_proof(row["code_key"], team_id, invitation_id, self.s.person_id, proof):
            raise ValidationError(say("team.code_invalid"), "code")
        if row["accepted_at"]:
            raise ValidationError(say("team.code_used"), "code")
        if row["revoked_at"]:
            raise ValidationError(say("team.code_withdrawn"), "code")
        if row["expires_at"] and row["expires_at"] <= pd.now_iso():
            raise ValidationError(say("team.code_expired"), "code")


def _new_need(me: str, skill: str, level: int, note: str = "") -> dict:
    """An open need as the team document holds it (add_need and add_role_needs add its links)."""
    return {"skill": clean(skill, "skill", required=True), "level": clean_level(level), "note": clean(note, "comment"),
            "status": "open", "created_by": me, "created_at": pd.now_iso(), "filled_at": "", "filled_by": ""}


def _words_groups(rows: list, by_label: dict[str, str]) -> dict[str, str]:
    """Words (a skill key) -> the one concept they stand for in a team: the one most members link them
    to; on a tie, the one the vocabulary names for them, then the smallest URI. Members may link the same
    words to different concepts: the order of rows must not decide."""
    linkers: dict[tuple[str, str], set[str]] = {}
    for r in rows:
        if r["skill_group"] != r["skill_key"]:
            linkers.setdefault((r["skill_key"], r["skill_group"]), set()).add(r["person_id"])
    found: dict[str, str] = {}
    for (key, group), _people in sorted(linkers.items(), key=lambda item: (
            -len(item[1]), by_label.get(item[0][0]) != item[0][1], item[0][1])):
        found.setdefault(key, group)
    return found


def _days_from_now(days: int) -> str:
    from datetime import UTC, datetime, timedelta

    return pd.iso(datetime.now(UTC) + timedelta(days=days))


def _check_role(role: str) -> None:
    if role not in td.ROLES:
        raise ValidationError(say("team.role", values=", ".join(td.ROLES)), "role")


def _team(r) -> Team:
    return Team(
        r["team_id"],
        r["name"],
        r["description"],
        r["created_by"],
        r["created_at"],
        r["member_count"],
        r["open_needs"],
    )


def _need(r) -> Need:
    return Need(
        r["need_id"],
        r["skill"],
        r["skill_key"],
        r["level"],
        r["note"],
        r["status"],
        r["created_by"],
        r["created_at"],
        r["filled_by"],
        r["concept"],
        r["skill_group"],
        r["role"],
        r["role_label"],
    )
