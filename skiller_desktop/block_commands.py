"""`skiller block`, `skiller unblock`, `skiller blocked`: registered by the CLI (cli.CORE_GROUPS).

Blocking a key refuses its entries and hides the person on this node; the
stored document is kept, so unblocking shows them again at once.
"""

from __future__ import annotations

import argparse
from typing import Any

from .cli import emit
from .services import Services


def register(subparsers: Any) -> None:
    p = subparsers.add_parser("block", help="refuse a person's key: hide them, take nothing more from them")
    p.add_argument("person_id")
    p.add_argument("--reason", default="", help="a note for yourself")
    p.set_defaults(handler=cmd_block)
    p = subparsers.add_parser("unblock", help="accept a blocked key again")
    p.add_argument("person_id")
    p.set_defaults(handler=cmd_unblock)
    subparsers.add_parser("blocked", help="the keys you blocked").set_defaults(handler=cmd_blocked)


def cmd_block(s: Services, a: argparse.Namespace) -> None:
    s.block_person(a.person_id, a.reason)
    emit(a, {"blocked": a.person_id}, f"Blocked {a.person_id}.")


def cmd_unblock(s: Services, a: argparse.Namespace) -> None:
    s.unblock_person(a.person_id)
    emit(a, {"unblocked": a.person_id}, f"Unblocked {a.person_id}.")


def cmd_blocked(s: Services, a: argparse.Namespace) -> None:
    people = s.blocked_people()
    emit(a, people, lambda: "\n".join(_line(p) for p in people) or "You blocked nobody.")


def _line(person: dict[str, str]) -> str:
    name = f"  {person['name']}" if person["name"] else ""
    reason = f"  ({person['reason']})" if person["reason"] else ""
    return f"{person['person_id']}{name}  since {person['blocked_at'][:10]}{reason}"
