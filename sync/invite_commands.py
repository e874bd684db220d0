"""`skiller invite` and `skiller open <link>`, registered by the composition root.

    skiller invite [--relay URL] [--team-code CODE] [--qr FILE.png|FILE.svg]
    skiller open 'skiller:invite?v=1&id=did:key:…&relay=…'

`invite` prints your invitation link (docs/invitations.md) with the relays you
sync with, or those given. `open` checks the link's relay really is one (one
`GET /v1/info`), adds it, syncs once, and shows the person. Importing this
module is cheap; the handlers import the sync machinery.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from skiller_desktop.errors import SkillerError

if TYPE_CHECKING:
    from skiller_desktop.services import Services

NAMES = ("invite", "open")


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    invite = subparsers.add_parser("invite", help="print your invitation link (and write its QR code)")
    invite.add_argument("--relay", action="append", default=[], metavar="URL",
                        help="a relay to put in the link (default: the relays you sync with)")
    invite.add_argument("--team-code", default="", metavar="CODE", help="a team invitation code to carry")
    invite.add_argument("--no-name", action="store_true", help="leave your name out of the link")
    invite.add_argument("--qr", type=Path, metavar="FILE", help="write the QR code to FILE (.png or .svg)")
    invite.set_defaults(handler=invite_command)
    opener = subparsers.add_parser("open", help="open an invitation link: add its relay, sync, show the person")
    opener.add_argument("link")
    opener.add_argument("--timeout", type=float, default=20.0, help="seconds the relay has for one answer")
    opener.set_defaults(handler=open_command)


def _say(args: argparse.Namespace, payload: dict[str, object], text: str) -> None:
    print(json.dumps(payload, ensure_ascii=False) if getattr(args, "json", False) else text, flush=True)


def invite_command(services: Services, args: argparse.Namespace) -> int:
    from skiller_desktop.invitations import Invitation, encode, is_loopback, save_qr

    from .peers import PeerBook

    me = services.require_identity().person_id
    relays = list(args.relay) or [p.url for p in PeerBook(services.db).all() if p.kind == "relay"]
    if not relays:
        print("skiller: no relay to put in the link: give --relay URL (or add one: skiller sync --relay URL)",
              file=sys.stderr)
        return 1
    name = "" if args.no_name else services.profile(me).name
    link = encode(Invitation(me, tuple(relays[:4]), args.team_code, name[:80]))
    if args.qr:
        save_qr(link, args.qr)
    for url in relays[:4]:
        if is_loopback(url):
            print(f"skiller: note: {url} is reachable from this computer only", file=sys.stderr)
    _say(args, {"link": link, "qr": str(args.qr) if args.qr else None}, link)
    return 0


def open_command(services: Services, args: argparse.Namespace) -> int:
    from skiller_desktop.invitations import decode

    from .cli_commands import keep_traces
    from .node import NodeSync
    from .relay_probe import check_relay
    from .scheduler import SchedulerConfig

    invitation = decode(args.link)
    me = services.require_identity().person_id
    if invitation.person_id == me:
        print("skiller: this is your own invitation link", file=sys.stderr)
        return 1
    checks = [check_relay(url) for url in invitation.relays]
    usable = [c.url for c in checks if c.ok]
    if not usable:
        reasons = "; ".join(f"{url}: {c.sentence}" for url, c in zip(invitation.relays, checks, strict=True))
        print(f"skiller: no relay in this link can be used ({reasons}); nothing was saved", file=sys.stderr)
        return 1
    keep_traces(services.data_dir)
    node = NodeSync(services, SchedulerConfig(timeout=args.timeout))
    try:
        for url in usable:
            status = node.scheduler.sync_once(node.scheduler.add_peer(url, "relay").peer_id)
            if services.queries.person_exists(invitation.person_id):
                break
        found = services.queries.profile(invitation.person_id)
    except SkillerError as exc:
        print(f"skiller: {exc}", file=sys.stderr)
        return 1
    finally:
        node.close()
    if found is None:
        print(f"skiller: the relay was added, but {invitation.name or invitation.person_id} is not on it yet "
              f"({status.state.value}): they may not have synced; try 'skiller sync --once' later", file=sys.stderr)
        return 1
    hint = (f"\nto join their team: skiller team join {invitation.team_code}" if invitation.team_code else "")
    _say(args, {"person_id": found.person_id, "name": found.name, "headline": found.headline, "relays": usable,
                "team_code": invitation.team_code or None},
         f"{found.name}{' — ' + found.headline if found.headline else ''}\n{found.person_id}\n"
         f"added relay {', '.join(usable)}{hint}")
    return 0
