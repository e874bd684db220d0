"""`skiller standing` and `skiller know`: registered by the CLI (cli.CORE_GROUPS).

`standing` reads what the engine stored; it computes (and imports numpy) only
when the stored standings are out of date or were made for someone else.
"""

from __future__ import annotations

import argparse
from typing import Any

from .cli import emit
from .errors import NotFoundError
from .messages import say
from .services import Services
from .standing_read import SkillStanding, Step

KIND_WORDS = {"known": "knows", "endorsed": "endorsed", "team": "team", "exchange": "exchange"}


def register(subparsers: Any) -> None:
    p = subparsers.add_parser("standing", help="a person's skill standing, from where you stand")
    p.add_argument("person_id")
    p.add_argument("--skill", default=None, help="only this skill")
    p.add_argument("--explain", action="store_true", help="who makes up each standing, and how you reach them")
    p.set_defaults(handler=cmd_standing)
    p = subparsers.add_parser("know", help="say publicly (signed, synced) that you know this person")
    p.add_argument("person_id")
    p.add_argument("--undo", action="store_true", help="take it back")
    p.set_defaults(handler=cmd_know)


def cmd_know(s: Services, a: argparse.Namespace) -> None:
    s.know(a.person_id, undo=a.undo)
    name = s.queries.person_name(a.person_id) or a.person_id
    emit(a, {"person_id": a.person_id, "known": not a.undo},
         f"You no longer say you know {name}." if a.undo else f"You say you know {name} (public, signed).")


def cmd_standing(s: Services, a: argparse.Namespace) -> None:
    if not s.queries.person_exists(a.person_id):
        raise NotFoundError(say("person.unknown_id", person_id=a.person_id))
    found = s.skill_standings(a.person_id, a.skill, explain=a.explain)
    value = {"person_id": a.person_id, "skills": [_plain(k, a.explain) for k in found]}
    emit(a, value, lambda: "\n".join(_text(k, s.person_id) for k in found) or "No skills listed.")


def _plain(found: SkillStanding, explain: bool) -> dict:
    value: dict[str, Any] = {
        "skill": found.skill,
        "standing": found.standing,
        "endorsements": found.endorsements,
        "counted": found.counted,
        "community_level": found.community_level,
        "claimed_level": found.claimed_level,
    }
    if explain:
        value["why"] = [
            {"endorser_id": c.endorser_id, "share": c.share, "path": [step.person_id for step in c.path]}
            for c in found.why
        ]
    return value


def _text(found: SkillStanding, me: str) -> str:
    level = f", community level {found.community_level:.1f}" if found.community_level else ""
    outside = f", {found.outside} from outside your network (count for nothing)" if found.outside else ""
    lines = [f"{found.skill}: standing {found.standing:.0f}/100 ({found.endorsements} endorsements, "
             f"{found.counted} counted{outside}{level}; claimed level {found.claimed_level}/5)"]
    lines += [f"  {100 * c.share:5.1f}%  {path_text(c.path, me)}" for c in found.why]
    return "\n".join(lines)


def path_text(path: list[Step], me: str) -> str:
    """'you → Ana (team Atelier) → Ben (endorsed)': how the user reaches an endorser."""
    words = []
    for step in path:
        if step.person_id == me:
            words.append("you")
            continue
        how = f"team {step.team}" if step.kind == "team" and step.team else KIND_WORDS.get(step.kind, step.kind)
        words.append(f"{step.name or step.person_id[:20]} ({how})")
    return " → ".join(words)
