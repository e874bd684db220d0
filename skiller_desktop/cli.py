"""The `skiller` command line: every action of the app, scriptable.

A refused action prints one line on stderr and exits 1; a usage error exits 2;
an unexpected bug exits 70 with its trace in the data dir's log, never on
screen.
"""

from __future__ import annotations

import argparse
import dataclasses
import getpass
import importlib
import json
import logging
import os
import sys
import threading
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, NoReturn

from .errorlog import ERROR_LOG, ErrorLog
from .errors import SkillerError, ValidationError
from .identity import PHRASE_LANGUAGES, translate_phrase
from .paths import default_data_dir, demo_data_dir
from .person_doc import AVAILABILITY
from .services import Services

log = logging.getLogger("skiller")


# SQLite stores 64-bit integers: a larger number is refused as a usage error, not a crash.
INT64 = (-(2**63), 2**63 - 1)


def bounded_int(low: int, high: int) -> Callable[[str], int]:
    """An argparse type: an integer from `low` to `high`, or a one-line usage error."""

    def parse(text: str) -> int:
        value = int(text)  # a ValueError: argparse says "invalid int value: 'high'"
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"{text[:40]} is not from {low} to {high}")
        return value

    parse.__name__ = "int"  # argparse names the type in its messages
    return parse


class _Parser(argparse.ArgumentParser):
    def __init__(self, *args: Any, top: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not top:  # `skiller whoami --json`, `skiller team list --data-dir D`: the global options, after the command
            _global_options(self, argparse.SUPPRESS)

    def error(self, message: str) -> NoReturn:  # one line, exit 2, as argparse does, without usage noise
        print(f"skiller: {_printable(message)}", file=sys.stderr)
        raise SystemExit(2)

    def add_argument(self, *args: Any, **kwargs: Any) -> argparse.Action:
        """Every plain `type=int`, in this file or a command group of another package, is 64-bit bounded."""
        if kwargs.get("type") is int:
            kwargs["type"] = bounded_int(*INT64)
        return super().add_argument(*args, **kwargs)


MAX_LIST = 100_000  # people listed or found at once
AVAILABILITY_CHOICES = (*AVAILABILITY[1:], "")  # "" clears it


def plural(count: int, one: str, many: str | None = None) -> str:
    """"1 skill", "0 skills", "2 endorsements": the count and the word that goes with it."""
    return f"{count} {one if count == 1 else (many or one + 's')}"


Register = Callable[[Any], None]  # adds a command group to the `skiller` sub-parsers
LaunchApp = Callable[[Path | None, bool], int]  # the desktop app: (data dir, demo) -> exit code


@dataclasses.dataclass(frozen=True)
class CommandGroup:
    """Commands another module adds: their names, and the function that adds their parsers.

    With the names known, a command outside the group is parsed without
    importing the group or building its parsers (~10 ms of the 150 ms a
    read-only command may take; bench/bench_cli_start.py).
    """

    names: tuple[str, ...]
    register: Register


def _imported(module_name: str) -> Register:
    """A group of the core, imported when it is registered (each module imports `emit` from this one)."""

    def register(subparsers: Any) -> None:
        importlib.import_module(module_name).register(subparsers)

    return register


CORE_GROUPS = (
    CommandGroup(("export", "import", "verify"), _imported("skiller_desktop.interop.cli_commands")),
    CommandGroup(("team",), _imported("skiller_desktop.teams.cli_commands")),
    CommandGroup(("block", "unblock", "blocked"), _imported("skiller_desktop.block_commands")),
    CommandGroup(("vocabulary",), _imported("skiller_desktop.vocabulary_cli")),
    CommandGroup(("standing", "know"), _imported("skiller_desktop.standing_cli")),
    CommandGroup(("concept",), _imported("skiller_desktop.concepts_cli")),
)


def _global_options(parser: argparse.ArgumentParser, default: Any) -> None:
    """--data-dir and --json, before the command (defaults set) or after it (SUPPRESS: absent unless given,
    so a value given before the command is not reset by a subcommand's parser)."""
    parser.add_argument("--data-dir", type=Path, default=default,
                        help="where the data lives (default: the platform's data dir)")
    parser.add_argument("--json", action="store_true", default=False if default is None else default,
                        help="machine-readable output")


def build_parser(extensions: Iterable[CommandGroup] = (), command: str | None = None) -> argparse.ArgumentParser:
    """Every `skiller` command: the core's, then its groups and those of `extensions` (sync's, from __main__).

    Given the `command` about to be parsed, a group without it is left out when
    the command is known; an unknown one (a typo) or none (`--help`) gets them all.
    """
    parser = _Parser(prog="skiller", description="Skiller: your skills, endorsed, offline-first.", top=True)
    _global_options(parser, None)
    parser.add_argument("--demo", action="store_true", help="open the app on a generated demo community")
    parser.add_argument("--version", action=_Version, help="the version, commit and build date, then exit")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    p = sub.add_parser("init", help="create your identity")
    p.add_argument("--name", required=True)
    p.add_argument("--headline", default="")
    p.add_argument("--device-name", default="this device")
    _phrase_language(p)
    p.set_defaults(handler=cmd_init)

    sub.add_parser("whoami", help="your person id and name").set_defaults(handler=cmd_whoami)

    profile = sub.add_parser("profile", help="show or edit a profile").add_subparsers(dest="action", required=True)
    p = profile.add_parser("show")
    p.add_argument("--person")
    p.set_defaults(handler=cmd_profile_show)
    p = profile.add_parser("set")
    for name in ("name", "headline", "bio", "location"):
        p.add_argument(f"--{name}")
    p.add_argument("--availability", choices=AVAILABILITY_CHOICES, metavar="{" + ",".join(AVAILABILITY_CHOICES) + "}",
                   help="one of: " + ", ".join(AVAILABILITY[1:]) + " ('' clears it)")
    p.add_argument("--link", action="append", dest="links", help="repeat for several links")
    p.add_argument("--language", action="append", dest="languages")
    p.set_defaults(handler=cmd_profile_set)

    skill = sub.add_parser("skill", help="your skill portfolio").add_subparsers(dest="action", required=True)
    for action in ("add", "edit"):
        p = skill.add_parser(action)
        p.add_argument("name")
        p.add_argument("--level", type=int, required=action == "add")  # 64-bit; 1-5 said by the core
        p.add_argument("--years", type=int)
        p.add_argument("--description")
        p.add_argument("--keyword", action="append", dest="keywords")
        p.add_argument("--link", action="append", dest="links", help="evidence: a link")
        p.add_argument("--project", action="append", dest="projects", help="evidence: a project title")
        if action == "edit":
            p.add_argument("--rename", metavar="NEW_NAME", help="a new name (it keeps its place and evidence)")
        else:  # issue 13: the skill's ESCO concept (skiller_desktop/concepts_cli.py)
            p.add_argument("--concept", default="", help="its ESCO concept: a URI, or a label naming one concept")
            p.add_argument("--pick", action="store_true", help="choose its concept among suggestions (stdin)")
        p.set_defaults(handler=cmd_skill_add if action == "add" else cmd_skill_edit)
    p = skill.add_parser("list")
    p.add_argument("--person")
    p.set_defaults(handler=cmd_skill_list)
    p = skill.add_parser("remove")
    p.add_argument("name")
    p.set_defaults(handler=cmd_skill_remove)

    p = sub.add_parser("endorse", help="endorse someone's skill")
    p.add_argument("person_id")
    p.add_argument("skill")
    p.add_argument("--comment", default="")
    p.add_argument("--level", type=int)
    p.set_defaults(handler=cmd_endorse)

    endorsement = sub.add_parser("endorsement", help="revoke, hide or show one").add_subparsers(
        dest="action", required=True
    )
    for action in ("revoke", "hide", "show"):
        p = endorsement.add_parser(action)
        p.add_argument("endorsement_id")
        p.add_argument("--endorser", help="whose endorsement, when several people used this id")
        p.set_defaults(handler=cmd_endorsement, endorsement_action=action)

    p = sub.add_parser("endorsements", help="endorsements you received or gave")
    group = p.add_mutually_exclusive_group()
    group.add_argument("--received", action="store_true")
    group.add_argument("--given", action="store_true")
    p.add_argument("--all", action="store_true", help="include revoked and hidden ones")
    p.set_defaults(handler=cmd_endorsements)

    p = sub.add_parser("thank", help="thank whoever gave you an endorsement: a signed note they see")
    p.add_argument("endorsement_id")
    p.add_argument("--message", default="")
    p.add_argument("--endorser", help="whose endorsement, when several people used this id")
    p.set_defaults(handler=cmd_thank)

    offer = sub.add_parser("offer", help="the exchange board").add_subparsers(dest="action", required=True)
    p = offer.add_parser("add")
    p.add_argument("--kind", choices=("offer", "request"), default="offer")
    p.add_argument("--skill", required=True)
    p.add_argument("--title", required=True)
    p.add_argument("--description", default="")
    p.set_defaults(handler=cmd_offer_add)
    p = offer.add_parser("list")
    p.add_argument("--skill")
    p.add_argument("--kind", choices=("offer", "request"))
    p.add_argument("--status")
    p.add_argument("--mine", action="store_true")
    p.set_defaults(handler=cmd_offer_list)
    p = offer.add_parser("respond")
    p.add_argument("offer_id")
    p.add_argument("message")
    p.add_argument("--owner", help="whose post, when several people used this id")
    p.set_defaults(handler=cmd_offer_respond)
    p = offer.add_parser("done", help="mark done and recognise who helped")
    p.add_argument("offer_id")
    p.add_argument("--person", required=True)
    p.add_argument("--comment", default="")
    p.set_defaults(handler=cmd_offer_done)
    p = offer.add_parser("close")
    p.add_argument("offer_id")
    p.set_defaults(handler=cmd_offer_close)

    p = sub.add_parser("search", help="find people by skill and text")
    p.add_argument("text", nargs="?", default="")
    p.add_argument("--skill", default="")
    p.add_argument("--min-level", type=bounded_int(0, 5), default=0)
    p.add_argument("--availability", default="")
    p.add_argument("--limit", type=bounded_int(1, MAX_LIST), default=20)
    p.set_defaults(handler=cmd_search)

    p = sub.add_parser("people", help="everyone this node knows")
    p.add_argument("--limit", type=bounded_int(1, MAX_LIST), default=50)
    p.add_argument("--offset", type=bounded_int(0, INT64[1]), default=0)
    p.set_defaults(handler=cmd_people)

    bundle = sub.add_parser("bundle", help="signed files to hand over offline").add_subparsers(
        dest="action", required=True
    )
    p = bundle.add_parser("export")
    p.add_argument("file", type=Path)
    p.add_argument("--person", action="append", default=[])
    p.set_defaults(handler=cmd_bundle_export)
    p = bundle.add_parser("import")
    p.add_argument("file", type=Path)
    p.set_defaults(handler=cmd_bundle_import)

    identity = sub.add_parser("identity", help="devices, export, recovery").add_subparsers(dest="action", required=True)
    p = identity.add_parser("export", help="for another device, protected by a passphrase")
    p.add_argument("file", type=Path)
    p.add_argument("--passphrase-file", type=Path)
    p.set_defaults(handler=cmd_identity_export)
    p = identity.add_parser("import", help="become the same person on this device")
    p.add_argument("file", type=Path)
    p.add_argument("--passphrase-file", type=Path)
    p.add_argument("--device-name", default="new device")
    p.set_defaults(handler=cmd_identity_import)
    p = identity.add_parser("restore", help="from your recovery phrase (read from stdin or --phrase-file)")
    p.add_argument("--phrase-file", type=Path)
    p.add_argument("--name", default="")
    p.set_defaults(handler=cmd_identity_restore)
    p = identity.add_parser("phrase", help="show your recovery phrase")
    _phrase_language(p)
    p.set_defaults(handler=cmd_identity_phrase)
    identity.add_parser("devices").set_defaults(handler=cmd_identity_devices)
    p = identity.add_parser("revoke", help="refuse a lost device's later changes")
    p.add_argument("device_id")
    p.set_defaults(handler=cmd_identity_revoke)

    p = sub.add_parser("demo", help="fill this data dir with a generated community")
    p.add_argument("--people", type=bounded_int(1, 100_000), default=300)
    p.set_defaults(handler=cmd_demo)

    groups = (*CORE_GROUPS, *extensions)
    known = set(sub.choices).union(*(g.names for g in groups))
    for command_group in groups:
        if command not in known or command in command_group.names:
            command_group.register(sub)
    return parser


class _Version(argparse.Action):
    """`skiller --version`: the build's details are read only when asked (build_info.py)."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: Any) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs)

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace, values: Any,
                 option_string: str | None = None) -> None:
        from .build_info import build_info

        print(build_info().describe())
        parser.exit()


def _phrase_language(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--phrase-language", choices=sorted(PHRASE_LANGUAGES), default="en",
                        help="the words of the recovery phrase: en or fr (both restore the same identity)")


def command_word(argv: Sequence[str]) -> str | None:
    """The command `argv` names, read as the parser will: its first word that is no option nor an option's value.

    Only `--data-dir` among the global options takes a value. Should a new
    one take a value too and be missed here, its value is taken for the
    command: unknown, so every group is built, and the parse is the same.
    """
    words = iter(argv)
    for word in words:
        if word == "--data-dir":
            next(words, None)
        elif not word.startswith("-"):
            return word
    return None


# -- output --------------------------------------------------------------


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {k: _plain(v) for k, v in dataclasses.asdict(value).items()}
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, frozenset | set):
        return sorted(value)
    return value


def emit(args: argparse.Namespace, value: Any, text: str | Callable[[], str]) -> None:
    if args.json:
        print(json.dumps(_plain(value), ensure_ascii=False, indent=1))
    else:
        print(text() if callable(text) else text)


# -- handlers --------------------------------------------------------------


def cmd_init(s: Services, a: argparse.Namespace) -> None:
    phrase = translate_phrase(s.create_identity(a.name, a.headline, a.device_name), a.phrase_language)
    emit(
        a,
        {"person_id": s.person_id, "recovery_phrase": phrase},
        f"Welcome, {a.name.strip()}!\nYour person id: {s.person_id}\n\n"
        "Your recovery phrase (write it down, it is shown only now; it restores your identity):\n\n"
        f"  {phrase}\n",
    )


def cmd_whoami(s: Services, a: argparse.Namespace) -> None:
    profile = s.profile()
    emit(
        a,
        {"person_id": s.person_id, "device_id": s.require_identity().device_id, "name": profile.name},
        f"{profile.name}  {s.person_id}",
    )


def cmd_profile_show(s: Services, a: argparse.Namespace) -> None:
    p = s.profile(a.person)
    lines = [
        p.name,
        p.headline,
        p.location,
        p.availability and f"availability: {p.availability}",
        p.bio,
        *p.links,
        p.languages and "languages: " + ", ".join(p.languages),
        p.person_id,
    ]
    emit(a, p, "\n".join(line for line in lines if line))


def cmd_profile_set(s: Services, a: argparse.Namespace) -> None:
    fields = {
        k: getattr(a, k)
        for k in ("name", "headline", "bio", "location", "availability", "links", "languages")
        if getattr(a, k) is not None
    }
    if not fields:
        raise ValidationError("nothing to change: give --name, --headline, --bio, …")
    s.update_profile(**fields)
    emit(a, s.profile(), "Profile saved.")


def _evidence(a: argparse.Namespace) -> list[dict] | None:
    if a.links is None and a.projects is None:
        return None
    return [{"kind": "link", "title": "", "url": u} for u in a.links or []] + [
        {"kind": "project", "title": t, "url": ""} for t in a.projects or []
    ]


def cmd_skill_add(s: Services, a: argparse.Namespace) -> None:
    concept = ""
    if a.concept or a.pick:
        from .concepts_cli import resolve

        concept = resolve(a.concept, pick_for=a.name if a.pick else "")
    s.add_skill(a.name, a.level, a.years, a.description or "", _evidence(a) or (), a.keywords or (), concept)
    emit(a, s.queries.skill(s.person_id, a.name), f"Added {a.name.strip()} (level {a.level}).")


def cmd_skill_edit(s: Services, a: argparse.Namespace) -> None:
    fields = {
        k: v
        for k, v in (
            ("level", a.level),
            ("years", a.years),
            ("description", a.description),
            ("keywords", a.keywords),
            ("evidence", _evidence(a)),
            ("name", a.rename),
        )
        if v is not None
    }
    s.update_skill(a.name, **fields)
    name = a.rename if a.rename is not None else a.name
    emit(a, s.queries.skill(s.person_id, name), f"Saved {name.strip()}.")


def cmd_skill_list(s: Services, a: argparse.Namespace) -> None:
    person = a.person or s.person_id
    s.profile(person)  # a clear error for an unknown person
    skills = s.queries.skills(person)
    emit(
        a,
        skills,
        lambda: (
            "\n".join(
                f"{k.name:<30} level {k.level}  {plural(k.years, 'year'):>8}  "
                f"{plural(k.endorsement_count, 'endorsement')}" for k in skills
            )
            or "No skills yet."
        ),
    )


def cmd_skill_remove(s: Services, a: argparse.Namespace) -> None:
    s.remove_skill(a.name)
    emit(a, {"removed": a.name}, f"Removed {a.name.strip()}.")


def cmd_endorse(s: Services, a: argparse.Namespace) -> None:
    eid = s.endorse(a.person_id, a.skill, a.comment, a.level)
    emit(a, {"endorsement_id": eid}, f"Endorsed {s.queries.person_name(a.person_id)} for {a.skill.strip()} ({eid}).")


def cmd_endorsement(s: Services, a: argparse.Namespace) -> None:
    if a.endorsement_action == "revoke":
        s.revoke_endorsement(a.endorsement_id)
    else:
        s.hide_endorsement(a.endorsement_id, hidden=a.endorsement_action == "hide", endorser_id=a.endorser)
    emit(
        a,
        {"endorsement_id": a.endorsement_id, "action": a.endorsement_action},
        f"Done: {a.endorsement_action} {a.endorsement_id}.",
    )


def cmd_endorsements(s: Services, a: argparse.Namespace) -> None:
    me = s.person_id
    if a.given:
        items = s.queries.endorsements(endorser_id=me, include_revoked=a.all)
    else:
        items = s.queries.endorsements(subject_id=me, include_revoked=a.all, include_hidden=a.all)
    imported = [] if a.given else s.queries.imported_endorsements(me)
    # thanks (issue 12.6): those I sent, marked on what I received; those I got, under what I gave
    sent = [] if a.given else s.queries.thanks_for(thanker_id=me)
    thanked = {(t.endorser_id, t.endorsement_id) for t in sent}
    thanks: dict[str, list] = {}
    for t in s.queries.thanks_for(endorser_id=me) if a.given else []:
        thanks.setdefault(t.endorsement_id, []).append(t)

    def text() -> str:
        lines = []
        for e in items:
            who = f"to {e.subject_name}" if a.given else f"from {e.endorser_name or e.endorser_id[:24]}"
            flags = " [revoked]" * e.revoked + " [hidden]" * e.hidden
            flags += " [thanked]" * ((e.endorser_id, e.endorsement_id) in thanked)
            lines.append(
                f"{e.skill:<24} {who}  {e.date[:10]}{flags}  {e.endorsement_id}"
                + (f"  (observed level {e.level}/5)" if e.level else "")
                + (f"\n    “{e.comment}”" if e.comment else "")
                + "".join(f"\n    thanked: “{t.message}”" for t in thanks.get(e.endorsement_id, []) if t.message)
            )
        if imported:
            lines.append(f"\nImported, unverified ({len(imported)}):")
            lines += [f"{i.skill:<24} from {i.endorser_name} ({i.source})" for i in imported]
        return "\n".join(lines) or "No endorsements yet."

    if a.given:
        emit(a, items, text)
        return
    from .concepts_cli import totals  # issue 13: one concept under two spellings adds up

    emit(a, {"endorsements": items, "imported_unverified": imported, "totals": totals(items)}, text)


def cmd_thank(s: Services, a: argparse.Namespace) -> None:
    thanks_id = s.thank_received(a.endorsement_id, a.message, a.endorser)
    emit(a, {"thanks_id": thanks_id, "endorsement_id": a.endorsement_id}, f"Thanked ({thanks_id}).")


def cmd_offer_add(s: Services, a: argparse.Namespace) -> None:
    oid = s.add_offer(a.kind, a.skill, a.title, a.description)
    emit(a, {"offer_id": oid}, f"Posted {a.kind} {oid}.")


def cmd_offer_list(s: Services, a: argparse.Namespace) -> None:
    offers = s.queries.offers(skill=a.skill, kind=a.kind, status=a.status, person_id=s.person_id if a.mine else None)
    emit(
        a,
        offers,
        lambda: (
            "\n".join(
                f"{o.offer_id}  {o.kind:<7} {o.status:<8} {o.skill:<20} {o.title}  — {o.person_name}" for o in offers
            )
            or "Nothing on the board."
        ),
    )


def cmd_offer_respond(s: Services, a: argparse.Namespace) -> None:
    rid = s.respond_to_offer(a.offer_id, a.message, a.owner)
    emit(a, {"response_id": rid}, "Answer sent.")


def cmd_offer_done(s: Services, a: argparse.Namespace) -> None:
    s.complete_offer(a.offer_id, a.person, a.comment)
    emit(a, s.queries.offer(a.offer_id, s.person_id), "Marked done; recognition given.")


def cmd_offer_close(s: Services, a: argparse.Namespace) -> None:
    s.set_offer_status(a.offer_id, "closed")
    emit(a, {"offer_id": a.offer_id, "status": "closed"}, "Closed.")


def _people_text(people) -> str:
    return "\n".join(
        f"{p.name:<28} {p.headline[:36]:<36} {p.location:<12}"
        + (f" {p.matched_skill} {p.matched_level}/5" if p.matched_skill else "")
        + (f" standing {p.standing:.0f}" if p.standing is not None else "")
        + f"  {p.person_id}"
        for p in people
    )


def cmd_search(s: Services, a: argparse.Namespace) -> None:
    page = s.queries.search(a.text, skill=a.skill, min_level=a.min_level, availability=a.availability, limit=a.limit)
    emit(a, page, lambda: (_people_text(page.people) + f"\n{plural(page.total, 'person', 'people')} found")
         if page.total else "No one found.")


def cmd_people(s: Services, a: argparse.Namespace) -> None:
    people = s.queries.people(a.limit, a.offset)
    emit(a, people, lambda: _people_text(people) or "No one yet.")


def cmd_bundle_export(s: Services, a: argparse.Namespace) -> None:
    count = s.export_bundle(a.file, a.person)
    emit(a, {"file": str(a.file), "documents": count}, f"Exported {plural(count, 'document')} to {a.file}.")


def cmd_bundle_import(s: Services, a: argparse.Namespace) -> None:
    report = s.import_bundle(a.file)
    emit(a, report, f"Verified {plural(report.documents, 'document')}; {report.changed} brought something new.")


def _passphrase(path: Path | None, confirm: bool) -> str:
    if path is not None:
        return _read_secret_file(path, "passphrase file").rstrip("\r\n")
    if os.environ.get("SKILLER_PASSPHRASE"):
        return os.environ["SKILLER_PASSPHRASE"]
    if not sys.stdin.isatty():
        raise ValidationError("give the passphrase with --passphrase-file or SKILLER_PASSPHRASE")
    first = getpass.getpass("Passphrase: ")
    if confirm and getpass.getpass("Again: ") != first:
        raise ValidationError("the two passphrases differ")
    return first


MAX_SECRET_FILE_BYTES = 64 * 1024  # a passphrase or 24 words


def _read_secret_file(path: Path, what: str) -> str:
    """A short UTF-8 text, at most 64 KiB read: a pipe is fine (`--passphrase-file <(pass show x)`)."""
    try:
        with open(path, "rb") as handle:
            return _short_text(handle.read(MAX_SECRET_FILE_BYTES + 1), f"the {what}")
    except OSError as exc:
        raise ValidationError(f"cannot read the {what} {path}: {exc.strerror or exc}") from None


def _read_secret_stdin(what: str) -> str:
    return _short_text(sys.stdin.buffer.read(MAX_SECRET_FILE_BYTES + 1), f"the {what} on stdin")


def _short_text(data: bytes, what: str) -> str:
    if len(data) > MAX_SECRET_FILE_BYTES:
        raise ValidationError(f"{what} is longer than {MAX_SECRET_FILE_BYTES:,} bytes")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise ValidationError(f"{what} is not UTF-8 text") from None


def cmd_identity_export(s: Services, a: argparse.Namespace) -> None:
    s.export_identity(a.file, _passphrase(a.passphrase_file, confirm=True))
    emit(a, {"file": str(a.file)}, f"Identity exported to {a.file}. Keep it and its passphrase apart.")


def cmd_identity_import(s: Services, a: argparse.Namespace) -> None:
    pid = s.import_identity(a.file, _passphrase(a.passphrase_file, confirm=False), a.device_name)
    emit(a, {"person_id": pid, "device_id": s.require_identity().device_id}, f"This device is now {pid}.")


def cmd_identity_restore(s: Services, a: argparse.Namespace) -> None:
    if a.phrase_file:
        phrase = _read_secret_file(a.phrase_file, "recovery phrase file")
    elif sys.stdin.isatty():
        phrase = getpass.getpass("Recovery phrase: ")
    else:
        phrase = _read_secret_stdin("recovery phrase")
    pid = s.restore_identity(phrase, a.name)
    emit(a, {"person_id": pid}, f"Restored {pid}.")


def cmd_identity_phrase(s: Services, a: argparse.Namespace) -> None:
    phrase = translate_phrase(s.recovery_phrase(), a.phrase_language)
    emit(a, {"recovery_phrase": phrase}, phrase)


def cmd_identity_devices(s: Services, a: argparse.Namespace) -> None:
    devices = s.devices()
    emit(
        a,
        devices,
        lambda: "\n".join(
            f"{d.device_id}  {d.name:<20} added {d.added_at[:10]}"
            + (f"  REVOKED {d.revoked_at[:10]}" if d.revoked_at else "")
            + ("  (this device)" if d.current else "")
            for d in devices
        ),
    )


def cmd_identity_revoke(s: Services, a: argparse.Namespace) -> None:
    s.revoke_device(a.device_id)
    emit(a, {"revoked": a.device_id}, f"Device {a.device_id} revoked.")


def cmd_demo(s: Services, a: argparse.Namespace) -> None:
    from .demo import prepare_demo

    if not prepare_demo(s, a.people):
        raise ValidationError("this data dir already has an identity; use an empty --data-dir for the demo")
    emit(
        a,
        {"person_id": s.person_id, "people": s.queries.count_people()},
        f"Demo community ready: {s.queries.count_people()} people. You are {s.profile().name}.",
    )


# -- entry point -----------------------------------------------------------


def _open(data_dir: Path) -> Services:
    return Services(data_dir)


class _OneLine(logging.Formatter):
    """A record as one line on the terminal: its message and the exception's type, no trace."""

    def format(self, record: logging.LogRecord) -> str:
        text = f"skiller: {_printable(record.getMessage())}"
        if record.exc_info and record.exc_info[0] is not None:
            text += f" ({record.exc_info[0].__name__}; details in the log)"
        return text


def _route_logs(data_dir: Path) -> list[logging.Handler]:
    """Warnings as one line on stderr, with their traces in the data dir's log.

    Without a handler, Python's last resort prints a logged exception's whole
    trace on the terminal (a failed periodic sync did); an uncaught error in a
    thread printed its trace too.
    """
    stderr = logging.StreamHandler(sys.stderr)
    stderr.setLevel(logging.WARNING)
    stderr.setFormatter(_OneLine())
    handlers: list[logging.Handler] = [ErrorLog(data_dir / ERROR_LOG), stderr]
    root = logging.getLogger()
    for handler in handlers:
        root.addHandler(handler)
    threading.excepthook = _thread_crashed
    return handlers


def _thread_crashed(crash: threading.ExceptHookArgs) -> None:
    if crash.exc_type is SystemExit:
        return
    name = crash.thread.name if crash.thread else "a thread"
    log.error("%s stopped on an unexpected error", name,
              exc_info=(crash.exc_type, crash.exc_value, crash.exc_traceback))  # type: ignore[arg-type]


def _unroute_logs(handlers: list[logging.Handler]) -> None:
    root = logging.getLogger()
    for handler in handlers:
        root.removeHandler(handler)
        handler.close()
    threading.excepthook = threading.__excepthook__


def _log_bug(data_dir: Path) -> Path | None:
    """The trace of an unexpected error, to the data dir's log only (the terminal gets one line)."""
    path = data_dir / ERROR_LOG
    handler = ErrorLog(path)
    bugs = logging.getLogger("skiller.bugs")
    bugs.propagate = False  # not to the one-line stderr handler: main prints its own line
    bugs.addHandler(handler)
    try:
        bugs.exception("unexpected error")
    finally:
        bugs.removeHandler(handler)
        handler.close()
    return path if path.exists() else None


def _printable(text: str) -> str:
    """`text` safe to print whatever the terminal's encoding: lone surrogates shown escaped."""
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def _undecodable(args: argparse.Namespace) -> str | None:
    """The first option given as text that is not valid Unicode (bytes Python kept as lone surrogates).

    Paths may hold such bytes (they name files as the OS does); names, ids and
    texts may not: they go into documents and the store as UTF-8.
    """
    for name, value in vars(args).items():
        for text in value if isinstance(value, list) else [value]:
            if isinstance(text, str) and not _encodes(text):
                return name
    return None


def _encodes(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def main(argv: list[str] | None = None, *, extensions: Iterable[CommandGroup] = (),
         launch_app: LaunchApp | None = None) -> int:
    """Run one `skiller` command; without a command, `launch_app` opens the desktop app.

    The composition root (skiller_desktop/__main__.py) passes the sync command
    group and the app's launcher: this module imports neither `sync` nor `ui`.
    """
    argv = sys.argv[1:] if argv is None else argv
    parser = build_parser(extensions, command_word(argv))
    args = parser.parse_args(argv)
    bad = _undecodable(args)
    if bad is not None:
        print(f"skiller: the {bad.replace('_', ' ')} given is not valid text (undecodable bytes)", file=sys.stderr)
        return 2
    if args.command is None:
        if launch_app is None:
            print("skiller: no command given; try 'skiller --help'", file=sys.stderr)
            return 2
        return launch_app(args.data_dir or (demo_data_dir() if args.demo else None), args.demo)
    data_dir = args.data_dir or default_data_dir()
    routed = _route_logs(data_dir)
    services = None
    try:
        services = _open(data_dir)
        result = args.handler(services, args)
        return result if isinstance(result, int) else 0
    except SkillerError as exc:
        print(f"skiller: {_printable(str(exc))}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("skiller: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:
        where = _log_bug(data_dir)
        print(f"skiller: internal error ({type(exc).__name__}); details in {where}", file=sys.stderr)
        return 70
    finally:
        if services is not None:
            services.close()
        _unroute_logs(routed)
