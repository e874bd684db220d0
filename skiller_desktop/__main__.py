"""`python -m skiller_desktop` and the `skiller` command: the composition root.

This is the one module of the core that may import the packages built on top
of it, `sync` (the `serve`, `sync` and `peers` commands) and `ui` (the desktop
app), and it imports them only when they are used: a read-only command such as
`skiller whoami` loads neither the sync server nor Qt (tests/test_layering.py
keeps it so; bench/bench_cli_start.py measures it).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from .cli import CommandGroup, command_word
from .cli import main as run_command
from .interop import online


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    online.set_refresher(refresh_from_network)  # interop (issue 15): `skiller verify --online`
    item = app_item(argv)  # `skiller skiller:invite?…`, `skiller ana.skb`: how a registered handler starts the app
    if item is not None:
        argv.remove(item[0])
        return run_command(argv, extensions=[SYNC_COMMANDS, INVITE_COMMANDS],
                           launch_app=lambda data_dir, demo: launch_app(data_dir, demo, item[1]))
    return run_command(argv, extensions=[SYNC_COMMANDS, INVITE_COMMANDS], launch_app=launch_app)


def app_item(argv: list[str]) -> tuple[str, str] | None:
    """(the word as given, what to open) when the command word is a `skiller:` link or a `.skb` bundle."""
    from .launch import openable

    word = command_word(argv)
    found = openable(word) if word is not None else None
    return (word, found) if word is not None and found is not None else None


def register_sync_commands(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """`skiller serve`, `skiller sync`, `skiller peers` (their module defers the sync machinery to their handlers)."""
    from sync.cli_commands import register

    register(subparsers)


SYNC_COMMANDS = CommandGroup(("serve", "sync", "peers"), register_sync_commands)


def refresh_from_network(services: Any) -> tuple[int, int]:
    """interop (issue 15): one sync with every known relay and peer, so `verify --online` sees revocations."""
    from sync.verify_online import refresh

    return refresh(services)


def register_invite_commands(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """`skiller invite`, `skiller open <link>` (sync/invite_commands.py: invitation links)."""
    from sync.invite_commands import register

    register(subparsers)


INVITE_COMMANDS = CommandGroup(("invite", "open"), register_invite_commands)


def launch_app(data_dir: Path | None, demo: bool, link: str | None = None) -> int:
    """The desktop app; a missing Qt is said in one line, any other import error is our bug and is raised.

    `link` is a `skiller:` link or a `.skb` bundle's path (skiller_desktop/launch.py): the app opens it, or
    hands it to the app already running on that data dir (ui/single_instance.py).
    """
    try:
        from ui.app import run
    except ModuleNotFoundError as exc:
        if not (exc.name or "").startswith("PySide6"):
            raise
        print(f"skiller: the desktop app is not available ({exc}); try 'skiller --help'", file=sys.stderr)
        return 1
    return run(data_dir, demo, link) if link else run(data_dir, demo)


if __name__ == "__main__":
    if getattr(sys, "frozen", False):  # sync verifies in worker processes; a frozen build needs this
        import multiprocessing

        multiprocessing.freeze_support()
    sys.exit(main())
