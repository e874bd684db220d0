"""`skiller team …`: registered by the CLI (cli.CORE_GROUPS)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..cli import bounded_int, emit, plural
from ..errors import NotFoundError, ValidationError
from ..person_doc import now_iso
from ..services import Services
from ..text import fold
from .document import ROLES
from .service import CODE_VALID_DAYS

TEAM_HELP = "a team id (team:…) or the name of one of your teams"


def register(subparsers: Any) -> None:
    team = subparsers.add_parser("team", help="teams: members, needs, skill matrix, matching")
    sub = team.add_subparsers(dest="action", required=True)
    sub.add_parser("list", help="the teams you belong to").set_defaults(handler=cmd_list)
    p = sub.add_parser("create", help="a new team, with you as its admin")
    p.add_argument("name")
    p.add_argument("--description", default="")
    p.set_defaults(handler=cmd_create)
    p = sub.add_parser("invite", help="invite a known person (admins)")
    p.add_argument("team", help=TEAM_HELP)
    p.add_argument("person")
    p.add_argument("--role", choices=ROLES, default="member")
    p.set_defaults(handler=by_name(cmd_invite))
    p = sub.add_parser("invite-code", help="a code for someone not known yet (admins)")
    p.add_argument("team", help=TEAM_HELP)
    p.add_argument("--role", choices=ROLES, default="member")
    p.add_argument("--days", type=int, default=CODE_VALID_DAYS,
                   help=f"how long the code works (default {CODE_VALID_DAYS}; 0: until withdrawn)")
    p.set_defaults(handler=by_name(cmd_invite_code))
    p = sub.add_parser("invitations", help="a team's invitations, open or not")
    p.add_argument("team", help=TEAM_HELP)
    p.set_defaults(handler=by_name(cmd_invitations))
    p = sub.add_parser("revoke-invitation", help="withdraw an invitation not yet accepted (admins)")
    p.add_argument("team", help=TEAM_HELP)
    p.add_argument("invitation_id")
    p.set_defaults(handler=by_name(cmd_revoke_invitation))
    p = sub.add_parser("join", help="accept an invitation: its code, or the team id")
    p.add_argument("code_or_team")
    p.set_defaults(handler=cmd_join)
    p = sub.add_parser("leave")
    p.add_argument("team", help=TEAM_HELP)
    p.set_defaults(handler=by_name(cmd_leave))
    p = sub.add_parser("remove", help="remove a member (admins); final")
    p.add_argument("team", help=TEAM_HELP)
    p.add_argument("person")
    p.set_defaults(handler=by_name(cmd_remove))
    p = sub.add_parser("members")
    p.add_argument("team", help=TEAM_HELP)
    p.add_argument("--all", action="store_true", help="include removed members")
    p.set_defaults(handler=by_name(cmd_members))
    p = sub.add_parser("needs", help="list needs, or: needs TEAM add SKILL --level N | needs TEAM fill ID")
    p.add_argument("team", help=TEAM_HELP)
    p.add_argument("verb", nargs="?", choices=("add", "fill"))
    p.add_argument("what", nargs="?", help="the skill (add) or the need id (fill)")
    p.add_argument("--level", type=bounded_int(1, 5), default=3)
    p.add_argument("--note", default="")
    p.add_argument("--by", default="", help="who fills it (person id)")
    p.add_argument("--concept", default="", help="its ESCO concept: a URI, or a label naming one (issue 13)")
    p.set_defaults(handler=by_name(cmd_needs))
    p = sub.add_parser("matrix", help="members × skills, with levels and endorsements")
    p.add_argument("team", help=TEAM_HELP)
    p.add_argument("--csv", type=Path, help="write it as CSV")
    p.add_argument("--skill", action="append", default=[], help="only these skills")
    p.add_argument("--min-level", type=bounded_int(0, 5), default=0)
    p.add_argument("--sort", default="", help="'name' or a skill")
    p.set_defaults(handler=by_name(cmd_matrix))
    p = sub.add_parser("match", help="who fits each open need")
    p.add_argument("team", help=TEAM_HELP)
    p.add_argument("--others", type=int, default=5, help="how many non-members to suggest per need")
    p.set_defaults(handler=by_name(cmd_match))


Handler = Callable[[Services, argparse.Namespace], None]


def by_name(handler: Handler) -> Handler:
    """The handler, with its `team` given as a team id or as the name of one of your teams."""

    def run(s: Services, a: argparse.Namespace) -> None:
        a.team = team_id(s, a.team)
        handler(s, a)

    run.__name__ = handler.__name__
    return run


def team_id(s: Services, given: str) -> str:
    """`team:…` as it is; else the id of the one team of yours so named (any case, any accents)."""
    if given.startswith("team:"):
        return given
    wanted = fold(given.strip())
    named = [t for t in s.teams.teams() if fold(t.name.strip()) == wanted]
    if len(named) > 1:
        raise ValidationError(f"{len(named)} of your teams are named {given.strip()!r}: give its id, one of "
                              + ", ".join(t.team_id for t in named))
    if not named:
        raise NotFoundError(f"you are in no team named {given.strip()!r} (see 'skiller team list'); "
                            "a team id (team:…) works too")
    return named[0].team_id


def cmd_list(s: Services, a: argparse.Namespace) -> None:
    teams = s.teams.teams()
    emit(
        a,
        teams,
        lambda: (
            "\n".join(f"{t.team_id}  {t.name}  ({plural(t.member_count, 'member')}, "
                      f"{plural(t.open_needs, 'open need')})" for t in teams)
            or "You are in no team yet."
        ),
    )


def cmd_create(s: Services, a: argparse.Namespace) -> None:
    team_id = s.teams.create(a.name, a.description)
    emit(a, {"team_id": team_id}, f"Created {a.name.strip()}: {team_id}")


def cmd_invite(s: Services, a: argparse.Namespace) -> None:
    invitation_id = s.teams.invite(a.team, a.person, a.role)
    emit(
        a,
        {"invitation_id": invitation_id},
        f"Invited. They join with: skiller team join {a.team} (once the team reaches them).",
    )


def cmd_invite_code(s: Services, a: argparse.Namespace) -> None:
    code = s.teams.create_invite_code(a.team, a.role, a.days)
    until = f" It works for {plural(a.days, 'day')}." if a.days else " It works until withdrawn."
    emit(a, {"code": code}, f"Give this code to the newcomer (once; keep it private).{until}\n{code}")


def cmd_invitations(s: Services, a: argparse.Namespace) -> None:
    now = now_iso()
    rows: list[dict[str, Any]] = [
        {"invitation_id": i.invitation_id, "person_id": i.person_id, "by_code": i.by_code, "role": i.role,
         "created_at": i.created_at, "expires_at": i.expires_at, "accepted_by": i.accepted_by,
         "state": _invitation_state(i, now)}
        for i in s.teams.invitations(a.team)
    ]
    lines = [f"{r['invitation_id']}  {r['state']:<9} {r['role']:<6} "
             f"{'code' if r['by_code'] else r['person_id'][:24]}"
             f"{'  expires ' + r['expires_at'] if r['expires_at'] and r['state'] == 'open' else ''}" for r in rows]
    emit(a, rows, "\n".join(lines) or "No invitations.")


def _invitation_state(invitation, now: str) -> str:
    if invitation.accepted_at:
        return "accepted"
    if invitation.revoked_at:
        return "withdrawn"
    return "open" if invitation.is_open(now) else "expired"


def cmd_revoke_invitation(s: Services, a: argparse.Namespace) -> None:
    s.teams.revoke_invitation(a.team, a.invitation_id)
    emit(a, {"invitation_id": a.invitation_id, "revoked": True}, "Withdrawn: it can no longer be used to join.")


def cmd_join(s: Services, a: argparse.Namespace) -> None:
    team_id = s.teams.accept(a.code_or_team)
    emit(a, {"team_id": team_id}, "Accepted. An admin's node adds you when your profile reaches it.")


def cmd_leave(s: Services, a: argparse.Namespace) -> None:
    s.teams.leave(a.team)
    emit(a, {"left": a.team}, "You left the team.")


def cmd_remove(s: Services, a: argparse.Namespace) -> None:
    s.teams.remove_member(a.team, a.person)
    emit(a, {"removed": a.person}, "Removed.")


def cmd_members(s: Services, a: argparse.Namespace) -> None:
    members = s.teams.members(a.team, include_removed=a.all)
    emit(
        a,
        members,
        lambda: "\n".join(
            f"{m.name or '?':<28} {m.role:<7} {m.availability:<10} {m.person_id}"
            + (f"  removed {m.removed_at[:10]}" if m.removed_at else "")
            for m in members
        ),
    )


def cmd_needs(s: Services, a: argparse.Namespace) -> None:
    if a.verb and not a.what:
        raise ValidationError(f"'needs {a.verb}' wants a {'skill' if a.verb == 'add' else 'need id'}")
    if a.verb == "add":
        from ..concepts_cli import resolve

        concept = resolve(a.concept) if a.concept else ""
        need_id = s.teams.add_need(a.team, a.what, a.level, a.note, concept=concept)
        emit(a, {"need_id": need_id}, f"Need {need_id} added.")
        return
    if a.verb == "fill":
        s.teams.fill_need(a.team, a.what, a.by)
        emit(a, {"filled": a.what}, "Marked filled.")
        return
    needs = s.teams.needs(a.team)
    emit(
        a,
        needs,
        lambda: (
            "\n".join(
                f"{n.need_id}  {n.status:<6} {n.skill:<24} level ≥ {n.level}" + (f"  — {n.note}" if n.note else "")
                for n in needs
            )
            or "No needs yet."
        ),
    )


def cmd_matrix(s: Services, a: argparse.Namespace) -> None:
    matrix = s.teams.matrix(a.team, skills=a.skill, min_level=a.min_level, sort_by=a.sort)
    if a.csv:
        s.teams.matrix_csv(a.team, a.csv, matrix=matrix)  # a path it cannot write: one clear line
    emit(a, matrix, lambda: _matrix_text(matrix) + (f"\nWrote {a.csv}" if a.csv else ""))


def _matrix_text(matrix) -> str:
    gaps = {g.skill for g in matrix.gaps}
    head = f"{'':<24}" + "".join(f"{(c.name + ('!' if c.name in gaps else ''))[:12]:>13}" for c in matrix.skills)
    lines = [head]
    for row in matrix.rows:
        cells = [row.cells.get(c.key) for c in matrix.skills]
        shown = [f"{c.level} ({c.endorsements})" if c else "·" for c in cells]
        lines.append(f"{row.name[:23]:<24}" + "".join(f"{x:>13}" for x in shown))
    lines += [f"GAP: {g.skill} wanted at level {g.wanted_level}, best in team {g.best_level}" for g in matrix.gaps]
    return "\n".join(lines)


def cmd_match(s: Services, a: argparse.Namespace) -> None:
    found = s.teams.matching(a.team, a.others)

    def text() -> str:
        lines = []
        for item in found:
            lines.append(f"{item.need.skill} (level ≥ {item.need.level})")
            lines += [f"  {c.name or c.person_id[:24]:<28} {c.reason}" for c in item.candidates] or ["  nobody yet"]
        return "\n".join(lines) or "No open needs."

    emit(a, found, text)
