"""`skiller serve`, `skiller sync`, `skiller peers`, registered by the composition root.

    skiller_desktop/__main__.py:  sync.cli_commands.register(subparsers)   # set_defaults(handler=...)

Importing this module is cheap: it only declares the commands' arguments. The
sync machinery (the server, requests, the scheduler) is imported by the
handlers that use it, so `skiller whoami` does not pay for it.
Each handler is `handler(services, args) -> int` and honours `args.json`.
A sync that did not end up to date prints one line on stderr and exits 1;
what is our bug goes, with its trace, to `skiller-errors.log` in the data dir.
"""

from __future__ import annotations

import argparse
import json
import logging
import signal
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from skiller_desktop.errorlog import ERROR_LOG, ErrorLog, writes_to
from skiller_desktop.errors import SkillerError

if TYPE_CHECKING:
    from skiller_desktop.services import Services

    from .node import NodeSync
    from .scheduler import PeerStatus


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    serve = subparsers.add_parser("serve", help="serve this node's sync endpoint (headless) and sync with peers")
    serve.add_argument("--host", default="0.0.0.0", help="address to listen on (default: all)")
    serve.add_argument("--port", type=int, default=8766)
    serve.add_argument("--no-lan", action="store_true", help="do not announce or browse on the LAN")
    serve.add_argument("--relay", action="append", default=[], metavar="URL")
    serve.add_argument("--peer", action="append", default=[], metavar="URL")
    serve.add_argument("--period", type=float, default=30.0, help="seconds between periodic syncs")
    serve.set_defaults(handler=serve_command)

    sync = subparsers.add_parser("sync", help="sync with relays and peers")
    sync.add_argument("--relay", action="append", default=[], metavar="URL", help="add (and sync with) a relay")
    sync.add_argument("--peer", action="append", default=[], metavar="URL", help="add (and sync with) a peer")
    sync.add_argument("--once", action="store_true", help="sync once with each peer, then exit")
    sync.add_argument("--period", type=float, default=30.0, help="seconds between periodic syncs")
    sync.add_argument("--timeout", type=_seconds, default=20.0, help="seconds a peer has for one answer, all of it")
    sync.add_argument("--deadline", type=_seconds, default=600.0,
                      help="seconds one sync with a peer may take; past them it stops and goes on next time")
    sync.set_defaults(handler=sync_command)

    peers = subparsers.add_parser("peers", help="list known peers and relays with their state")
    peers.add_argument("--remove", metavar="URL", help="forget a peer")
    peers.set_defaults(handler=peers_command)


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds") from None
    if not 0 < value <= 86400:
        raise argparse.ArgumentTypeError("give between 0 and 86400 seconds")
    return value


def keep_traces(data_dir: Path) -> None:
    """Warnings and traces of `skiller.*` go to a private log file in the data dir, never to the screen.

    Without any handler, Python prints a logged trace on stderr (its "last resort").
    """
    logger = logging.getLogger("skiller")
    path = Path(data_dir) / ERROR_LOG
    handlers = [*logger.handlers, *logging.getLogger().handlers]  # the CLI's main may already route there
    if not any(writes_to(h, path) for h in handlers):
        logger.addHandler(ErrorLog(path))


def _json(args: argparse.Namespace) -> bool:
    return bool(getattr(args, "json", False))


def _emit(args: argparse.Namespace, payload: dict[str, object], text: str) -> None:
    print(json.dumps(payload, ensure_ascii=False) if _json(args) else text, flush=True)


def _status_line(status: PeerStatus) -> str:
    """In the words the Sync screen uses (sync.words), never an exception's class or a raw timestamp."""
    details = f" Details: {status.last_error}" if status.last_error and status.state.value != "up to date" else ""
    return f"{status.kind:5} {status.url}  {status.said().english()}{details}"


def _print_progress(status: PeerStatus) -> None:
    if status.progress:
        done, total = status.progress
        print(f"{status.url}: {done} of {total if total is not None else '?'} {status.progress_unit} received",
              file=sys.stderr, flush=True)


def _add_peers(node: NodeSync, args: argparse.Namespace) -> list[str]:
    added = [node.scheduler.add_peer(url, "relay").peer_id for url in args.relay]
    added += [node.scheduler.add_peer(url, "peer").peer_id for url in args.peer]
    return added


def sync_command(services: Services, args: argparse.Namespace) -> int:
    from skiller_desktop.messages import STATES

    from .node import NodeSync
    from .scheduler import PeerState, SchedulerConfig

    keep_traces(services.data_dir)
    try:
        services.require_identity()
        node = NodeSync(services, SchedulerConfig(period=args.period, timeout=args.timeout,
                                                  sync_deadline=args.deadline))
        targets = _add_peers(node, args) or [p.peer_id for p in node.book.all()]
    except SkillerError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    if not targets:
        print("error: no peer or relay known: give --relay URL or --peer URL", file=sys.stderr)
        return 1
    if args.once:
        if not _json(args):  # a first sync takes a while: say how far it is
            node.scheduler.add_status_listener(_print_progress)
        failed = 0
        try:
            for peer_id in targets:
                status = node.scheduler.sync_once(peer_id)
                report = status.last_report.to_json() if status.last_report else {}
                summary = f" pulled {report.get('pulled', 0)} pushed {report.get('pushed', 0)}" if report else ""
                _emit(args, {**status.to_json(), "report": report}, _status_line(status) + summary)
                if status.state is not PeerState.UP_TO_DATE:
                    failed += 1
                    said = status.said()
                    print(f"skiller: sync with {status.url}: {STATES[said.state]}: {status.last_error}",
                          file=sys.stderr, flush=True)
        finally:  # package: the synced documents told before the CLI closes the store (a traceback otherwise)
            node.close()
        return 1 if failed else 0
    return _run_until_signal(node, args, serve=False)


def serve_command(services: Services, args: argparse.Namespace) -> int:
    from .node import NodeSync
    from .scheduler import SchedulerConfig

    keep_traces(services.data_dir)
    try:
        node = NodeSync(services, SchedulerConfig(period=args.period))
        _add_peers(node, args)
        server = node.serve(args.host, args.port)
    except (SkillerError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    lan = False if args.no_lan else node.announce()
    _emit(args, {"event": "serving", "url": server.url, "port": server.port, "lan": lan,
                 "node_id": node.storage.node_id()},
          f"serving on {server.url} (LAN discovery {'on' if lan else 'off'})")
    return _run_until_signal(node, args, serve=True)


def _run_until_signal(node: NodeSync, args: argparse.Namespace, serve: bool) -> int:
    done = threading.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: done.set())
    node.scheduler.add_status_listener(
        lambda s: _emit(args, {"event": "peer_state", **s.to_json()}, _status_line(s)))
    if node.services.identity is not None:
        node.scheduler.start()
    done.wait()
    node.close()
    return 0


def peers_command(services: Services, args: argparse.Namespace) -> int:
    from .peers import PeerBook, normalize_url
    from .scheduler import state_of
    from .words import say_status

    book = PeerBook(services.db)
    if args.remove:
        book.remove(normalize_url(args.remove))
    rows = []
    for peer in book.all():
        state = state_of(peer).value
        said = say_status(state, peer.last_error, peer.problem, peer.last_success)
        rows.append({"peer_id": peer.peer_id, "url": peer.url, "kind": peer.kind, "state": state,
                     "last_success": peer.last_success, "last_error": peer.last_error, "problem": peer.problem,
                     "said": said.english(), "pulled_seq": peer.pulled_seq, "pushed_seq": peer.pushed_seq})
    if _json(args):
        print(json.dumps(rows, ensure_ascii=False))
    elif not rows:
        print("no peers yet: skiller sync --relay URL or --peer URL")
    for row in rows if not _json(args) else []:
        details = f" Details: {row['last_error']}" if row["last_error"] else ""
        print(f"{row['kind']:5} {row['url']}  {row['said']}{details}")
    return 0
