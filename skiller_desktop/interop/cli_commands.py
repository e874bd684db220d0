"""`skiller import`, `skiller export` and `skiller verify`: loaded by the CLI when present."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from ..cli import emit
from ..services import Services

# Each handler imports `service` (the formats, fpdf2, jsonschema): `skiller whoami` builds this
# parser too, and must not pay for them.

LANGUAGES = ("en", "fr")


def register(subparsers: Any) -> None:
    exporting = subparsers.add_parser("export", help="your portfolio as JSON Resume or PDF, your credentials")
    kinds = exporting.add_subparsers(dest="action", required=True)
    p = kinds.add_parser("jsonresume", help="a JSON Resume file (schema v1.0.0)")
    p.add_argument("file", type=Path)
    p.set_defaults(handler=cmd_export_jsonresume)
    p = kinds.add_parser("pdf", help="a printable portfolio")
    p.add_argument("file", type=Path)
    p.add_argument("--language", choices=LANGUAGES, default="en")
    p.add_argument("--person", help="someone else's portfolio, as this node knows it")
    p.set_defaults(handler=cmd_export_pdf)
    p = kinds.add_parser("credentials", help="endorsements you received, as verifiable credentials (.jwt)")
    p.add_argument("directory", type=Path)
    p.set_defaults(handler=cmd_export_credentials)

    importing = subparsers.add_parser("import", help="fill your portfolio from a résumé or LinkedIn")
    sources = importing.add_subparsers(dest="action", required=True)
    p = sources.add_parser("jsonresume", help="a JSON Resume file")
    p.add_argument("file", type=Path)
    p.set_defaults(handler=cmd_import_jsonresume)
    p = sources.add_parser("linkedin", help="LinkedIn's data export: the ZIP or its folder")
    p.add_argument("path", type=Path)
    p.set_defaults(handler=cmd_import_linkedin)

    p = subparsers.add_parser("verify", help="check an endorsement credential (.jwt), offline")
    p.add_argument("file", type=Path)
    p.add_argument("--online", action="store_true",
                   help="first sync with the relays and peers this node knows, to see a revocation")
    p.set_defaults(handler=cmd_verify)


def cmd_export_jsonresume(s: Services, a: argparse.Namespace) -> None:
    from . import service

    path = service.export_jsonresume(s, a.file)
    emit(a, {"file": str(path)}, f"Wrote {path}")


def cmd_export_pdf(s: Services, a: argparse.Namespace) -> None:
    from . import service

    path = service.export_pdf(s, a.file, a.language, a.person)
    emit(a, {"file": str(path), "language": a.language}, f"Wrote {path}")


def cmd_export_credentials(s: Services, a: argparse.Namespace) -> None:
    from . import service

    paths, skipped = service.export_credentials_report(s, a.directory)
    lines = [f"Wrote {len(paths)} credentials into {a.directory}"]
    lines += [f"Left out: {reason}" for reason in skipped]
    emit(a, {"files": [str(p) for p in paths], "skipped": skipped}, "\n".join(lines))


def cmd_import_jsonresume(s: Services, a: argparse.Namespace) -> None:
    from . import service

    summary = service.import_jsonresume(s, a.file)
    emit(a, summary, "\n".join(summary.report))


def cmd_import_linkedin(s: Services, a: argparse.Namespace) -> None:
    from . import service

    summary = service.import_linkedin(s, a.path)
    emit(a, summary, "\n".join(summary.report))


REVOKED_EXIT = 3  # the signature is valid but the endorser withdrew it: not to be relied on, unlike an exit 0


def cmd_verify(s: Services, a: argparse.Namespace) -> int:
    from . import service

    result = service.verify_file(s, a.file)  # a bad credential is refused before any network
    if a.online and result["revocation"] != "revoked":  # a revocation is final: nothing newer can undo it
        asked = _ask_network(s)
        result = {**service.verify_file(s, a.file), "asked": asked}
    emit(a, result, lambda: verify_text(result))
    return REVOKED_EXIT if result.get("revocation") == "revoked" else 0


def _ask_network(s: Services) -> dict:
    from .online import refresh

    asked = refresh(s)
    if asked is None:
        return {"answered": 0, "peers": 0, "sync": False}
    return {"answered": asked[0], "peers": asked[1], "sync": True}


MISSING_NAMES = {"issuer_name": "issuer name", "skill": "skill", "comment": "comment", "issued": "issue date"}


def verify_text(result: dict) -> str:
    """What a verified credential says, each part only when it is there; then what is missing and
    whether its endorser revoked it."""
    who = result.get("issuer_name") or result["issuer"]
    lines = [f"Valid signature: {_headline(result, who)}",
             f"  issuer:  {result['issuer']}",
             f"  subject: {result['subject']}"]
    if result.get("concept"):
        lines.append(f"  concept: {result['concept']}")
    if result.get("comment"):
        lines.append(f"  comment: {result['comment']}")
    missing = [MISSING_NAMES.get(name, name) for name in result.get("missing") or ()]
    if missing:
        lines.append(f"  not in this credential: {', '.join(missing)}")
    if result.get("asked"):
        lines.append(_asked_line(result["asked"]))
    lines.append(_revocation_line(result))
    return "\n".join(lines)


def _asked_line(asked: dict) -> str:
    if not asked.get("sync"):
        return "  online: this install has no sync; checked what this node has"
    if not asked.get("peers"):
        return "  online: this node knows no relay or peer; add one with 'skiller sync --relay URL'"
    return f"  online: synced with {asked['answered']} of {asked['peers']} relays and peers first"


def _headline(result: dict, who: str) -> str:
    kind = " ".join(result.get("types") or ()) or "VerifiableCredential"
    if result.get("skill"):
        level = f", level {result['level']}/5" if result.get("level") else ""
        text = f"{who} endorses {result['skill']}{level}"
    else:
        text = f"{who} issued a credential ({kind}) that names no skill"
    return f"{text}, issued {result['issued']}" if result.get("issued") else text


def _revocation_line(result: dict) -> str:
    state = result["revocation"]  # verified_summary says "not_checked" until a node looks it up
    if state == "revoked":
        return f"REVOKED on {result.get('revoked_at') or 'an unknown date'} by the endorser: do not rely on it"
    if state == "not_revoked":
        return "Not revoked: the endorser's document as this node has it still holds it"
    if state == "not_in_document":
        return ("Revocation not checked: the endorser's document here does not hold this endorsement "
                "(sync to get a newer one)")
    return "Revocation not checked (offline): this node has not seen the endorser's document; sync, then verify again"
