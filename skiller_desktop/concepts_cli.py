"""`skiller concept ...` and the concept part of `skill add`: link a skill to its ESCO concept (issue 13).

A concept is given as its URI or as a label or synonym (either language) that names exactly one concept;
a label naming several is refused with the list to choose from, never guessed. `--pick` asks instead:
the suggestions for the skill's name, numbered, read from stdin.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterable
from typing import Any

from . import concepts
from .cli import emit
from .errors import ValidationError
from .messages import say
from .services import Services
from .views import Endorsement


def register(subparsers: Any) -> None:
    group = subparsers.add_parser("concept", help="link your skills to the shared skills vocabulary (ESCO)")
    actions = group.add_subparsers(dest="action", required=True)
    p = actions.add_parser("link", help="link one of your skills to a concept (URI, or a label naming one)")
    p.add_argument("skill")
    p.add_argument("concept", nargs="?", default="")
    p.add_argument("--pick", action="store_true", help="choose among the suggestions for the skill's name")
    p.add_argument("--merge", action="store_true",
                   help="when another of your skills holds the concept, merge this one into it")
    p.set_defaults(handler=cmd_link)
    p = actions.add_parser("unlink", help="undo a link: the skill is free text again")
    p.add_argument("skill")
    p.set_defaults(handler=cmd_unlink)
    p = actions.add_parser("merge", help="merge one of your skills into another")
    p.add_argument("keep")
    p.add_argument("absorb")
    p.set_defaults(handler=cmd_merge)
    p = actions.add_parser("suggestions", help="your free-text skills that a concept's label matches")
    p.add_argument("--language", default="en", help="en or fr")
    p.set_defaults(handler=cmd_suggestions)


def _language() -> str:
    """The terminal's language for labels: French when LANG or LC_ALL says so, else English."""
    found = os.environ.get("LC_ALL") or os.environ.get("LANG") or ""
    return "fr" if found.lower().startswith("fr") else "en"


def resolve(text: str, *, pick_for: str = "", language: str = "") -> str:
    """A concept URI from what the user gave: a URI, a label naming one concept, or a pick on stdin."""
    language = language or _language()
    if pick_for:
        return pick(pick_for, language)
    text = text.strip()
    if text.startswith(("http://", "https://")):
        return concepts.known_uri(text)
    uris = concepts.concepts_named(text)
    if len(uris) == 1:
        return uris[0]
    if not uris:
        raise ValidationError(say("concept.unknown", value=text[:80]), "concept")
    choices = "; ".join(f"{concepts.label(u, language)} {u}" for u in uris)
    raise ValidationError(say("concept.ambiguous", value=text[:80], choices=choices), "concept")


def pick(name: str, language: str = "en", stream: Any = None) -> str:
    """Show the suggestions for `name`, numbered; read the number chosen (empty or 0: none)."""
    from . import vocabulary

    found = vocabulary.suggest(name, language, 9)
    for number, suggestion in enumerate(found, start=1):
        group = f"  [{suggestion.group}]" if suggestion.group else ""
        print(f"{number}. {suggestion.label}{group}", file=sys.stderr)
    print("Concept number (empty: none): ", end="", file=sys.stderr, flush=True)
    answer = (stream or sys.stdin).readline().strip()
    if not answer or answer == "0":
        return ""
    if not answer.isdigit() or not 1 <= int(answer) <= len(found):
        raise ValidationError(say("concept.pick", count=len(found)), "concept")
    return found[int(answer) - 1].uri


def cmd_link(s: Services, a: argparse.Namespace) -> None:
    uri = resolve(a.concept, pick_for=a.skill if a.pick or not a.concept else "")
    if not uri:
        emit(a, {"linked": None}, "Nothing linked.")
        return
    if a.merge:
        concepts.link_or_merge(s, a.skill, uri)
    else:
        concepts.link(s, a.skill, uri)
    kept = concepts.holder(s, uri)
    emit(a, kept, f"Linked {kept.name if kept else a.skill} to {concepts.label(uri, 'en') or uri}.")


def cmd_unlink(s: Services, a: argparse.Namespace) -> None:
    concepts.unlink(s, a.skill)
    emit(a, s.queries.skill(s.person_id, a.skill), f"Unlinked {a.skill.strip()}.")


def cmd_merge(s: Services, a: argparse.Namespace) -> None:
    concepts.merge(s, a.keep, a.absorb)
    emit(a, s.queries.skill(s.person_id, a.keep), f"Merged {a.absorb.strip()} into {a.keep.strip()}.")


def cmd_suggestions(s: Services, a: argparse.Namespace) -> None:
    found = concepts.link_suggestions(s, a.language)
    lines = [f"{f.skill}: " + "; ".join(f"{label} {uri}" for label, uri in zip(f.labels, f.concepts, strict=True))
             for f in found]
    emit(a, found, lambda: "\n".join(lines) or "No suggestion: every skill is linked or has no exact match.")


def totals(endorsements: Iterable[Endorsement]) -> list[dict[str, Any]]:
    """Endorsements that count (neither revoked nor hidden) added up by skill group, most first."""
    counted: dict[str, dict[str, Any]] = {}
    for e in endorsements:
        if e.revoked or e.hidden:
            continue
        group = e.skill_group or e.skill
        entry = counted.setdefault(group, {"skill_group": group, "concept": e.concept, "skill": e.skill, "count": 0})
        entry["count"] += 1
    return sorted(counted.values(), key=lambda t: (-t["count"], t["skill"]))
