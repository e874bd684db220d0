"""What a synced document may contain: one versioned check, run before anything is stored.

Anyone can make a key and sign a document, so every path that accepts one
(relay, node, bundle, import: `acceptance.verify_update`) checks it here
first, and projection checks again what an older version may have stored.

Forward compatible by design: only the fields this version knows are
checked; unknown keys, anywhere, are kept and ignored, and a document whose
`schema` number is higher than `VERSION` is checked on the fields this
version knows. Enumerations (availability, offer kind and status, roles)
are checked as bounded text only, so a newer value is never refused.
A known field may be missing or null (readers use their default).

The bounds are those the services and importers enforce (`text.LIMITS`,
levels 1–5, years 0–80) and, for counts, far above anything an honest
document holds, a large LinkedIn import included. Hand-written rather than
a JSON Schema library: it runs on every accepted update, on relays and
nodes alike, and costs a few microseconds per document.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from typing import Any

from .errors import RejectedError
from .text import LIMITS

VERSION = 1  # the document `schema` number this checker was written for

Check = Callable[[Any], None]

MAX_ID = 200  # person ids (did:key), team ids, entry ids, skill keys
MAX_HIDDEN_KEY = 2 * MAX_ID + 1  # "<endorser id> <endorsement id>" (person_doc)
MAX_DATE = 40
MAX_CREDENTIAL = 16_384  # a signed endorsement credential (a JWT of ~1–2 kB)
MAX_SEQ = 2**53
MAX_POSITION = 1e12
URL_SCHEMES = frozenset({"http", "https", "mailto"})

# ISO 8601 as documents and importers write it: a year, a month, a day, or a UTC moment.
_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?)?)?")
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")
_SURROGATE = re.compile("[\ud800-\udfff]")


class SchemaError(RejectedError):
    """A document with a known field out of bounds; `path` names the field."""

    code = "document.schema"  # refused for good: the same bytes always fail (sync.replicator.refused_for_good)

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path} {reason}")
        self.path = path
        self.reason = reason


class _Out(Exception):
    """Raised by a check; containers add their part of the path on the way up (none built when all is well)."""

    def __init__(self, reason: str) -> None:
        self.reason = reason
        self.parts: list[str] = []


def _type_name(value: Any) -> str:
    return {dict: "a map", list: "a list", str: "text", bool: "true/false", int: "a number",
            float: "a number", bytes: "bytes"}.get(type(value), type(value).__name__)


# -- building blocks ------------------------------------------------------------


def text(limit: int) -> Check:
    def check(value: Any) -> None:
        if type(value) is not str:
            raise _Out(f"must be text, not {_type_name(value)}")
        if len(value) > limit:
            raise _Out(f"is {len(value):,} characters long; at most {limit:,}")
        if not value.isascii() and _SURROGATE.search(value):
            raise _Out("holds a lone surrogate")

    return check


def date() -> Check:
    within = text(MAX_DATE)

    def check(value: Any) -> None:
        within(value)
        if value and not _DATE.fullmatch(value):
            raise _Out(f"is not an ISO date ({value[:MAX_DATE]!r})")

    return check


def url() -> Check:
    """A link others may click: http(s) or mailto; text with no scheme ("example.org/me") passes."""
    within = text(LIMITS["url"])

    def check(value: Any) -> None:
        within(value)
        found = _SCHEME.match(value)
        # "example.org:8080/x" reads as a scheme too; a dot never appears in a real one.
        if found and "." not in found[1] and found[1].lower() not in URL_SCHEMES:
            raise _Out(f"has a link scheme other than http, https or mailto ({found[1][:20]!r})")

    return check


def concept() -> Check:
    """A concept URI from a shared vocabulary (ESCO today): an http(s) IRI, bounded like an id."""
    within = text(MAX_ID)

    def check(value: Any) -> None:
        within(value)
        if value and not value.startswith(("http://", "https://")):
            raise _Out(f"is not a concept URI ({value[:40]!r})")

    return check


def integer(low: int, high: int) -> Check:
    def check(value: Any) -> None:
        if type(value) is not int:
            raise _Out(f"must be a whole number, not {_type_name(value)}")
        if not low <= value <= high:
            raise _Out(f"must be from {low:,} to {high:,} (got {_short_number(value)})")

    return check


def number(bound: float) -> Check:
    def check(value: Any) -> None:
        if type(value) not in (int, float):
            raise _Out(f"must be a number, not {_type_name(value)}")
        if not math.isfinite(value) or abs(value) > bound:
            raise _Out(f"must be a number within ±{bound:g}")

    return check


def boolean(value: Any) -> None:
    if type(value) is not bool:
        raise _Out(f"must be true or false, not {_type_name(value)}")


def record(**fields: Check) -> Check:
    """A map with known fields, each checked when present and not null; other keys are ignored."""
    known = tuple(fields.items())

    def check(value: Any) -> None:
        if type(value) is not dict:
            raise _Out(f"must be a map, not {_type_name(value)}")
        for key, field_check in known:
            found = value.get(key)
            if found is not None:
                try:
                    field_check(found)
                except _Out as out:
                    out.parts.append(f".{key}")
                    raise

    return check


def map_of(entry: Check, max_items: int, key_limit: int = MAX_ID) -> Check:
    """A map of entries keyed by ids: bounded in count and key length, each entry checked."""

    def check(value: Any) -> None:
        if type(value) is not dict:
            raise _Out(f"must be a map, not {_type_name(value)}")
        if len(value) > max_items:
            raise _Out(f"has {len(value):,} entries; at most {max_items:,}")
        for key, item in value.items():
            if len(key) > key_limit or (not key.isascii() and _SURROGATE.search(key)):
                raise _Out(f"has a key that is too long or not text ({key[:40]!r}…)")
            if item is not None:
                try:
                    entry(item)
                except _Out as out:
                    out.parts.append(f"[{key[:60]!r}]")
                    raise

    return check


def list_of(item: Check, max_items: int) -> Check:
    def check(value: Any) -> None:
        if type(value) is not list:
            raise _Out(f"must be a list, not {_type_name(value)}")
        if len(value) > max_items:
            raise _Out(f"has {len(value):,} items; at most {max_items:,}")
        for index, each in enumerate(value):
            if each is not None:
                try:
                    item(each)
                except _Out as out:
                    out.parts.append(f"[{index}]")
                    raise

    return check


def _short_number(value: int) -> str:
    digits = str(value) if abs(value) < 10**30 else f"{value:.3e}"
    return digits[:40]


# -- the person document (person_doc.py) ----------------------------------------------

_ID = text(MAX_ID)
_DATE_CHECK = date()
_URL = url()
_SKILL = text(LIMITS["skill"])
_TITLE = text(LIMITS["title"])
_DESCRIPTION = text(LIMITS["description"])
_COMMENT = text(LIMITS["comment"])
_SMALL = text(40)  # kinds, statuses, roles, availability, sources
_CONCEPT = concept()  # optional on every skill-bearing entry: older documents without it stay valid

PERSON = record(
    schema=integer(0, 2**31),
    kind=_SMALL,
    id=_ID,
    profile=record(
        name=text(LIMITS["name"]),
        headline=text(LIMITS["headline"]),
        bio=text(LIMITS["bio"]),
        location=text(LIMITS["location"]),
        links=list_of(_URL, 100),
        languages=list_of(text(LIMITS["language"]), 100),
        availability=text(LIMITS["availability"]),
    ),
    devices=map_of(
        record(name=text(LIMITS["device"]), added_at=_DATE_CHECK, revoked_at=_DATE_CHECK,
               revoked_after_seq=integer(0, MAX_SEQ)),
        1_000,
    ),
    skills=map_of(
        record(
            name=_SKILL,
            level=integer(1, 5),
            years=integer(0, 80),
            description=_DESCRIPTION,
            keywords=list_of(_SKILL, 500),
            evidence=list_of(record(kind=_TITLE, title=_TITLE, url=_URL, description=_DESCRIPTION), 200),
            position=number(MAX_POSITION),
            concept=_CONCEPT,
        ),
        2_000,
    ),
    endorsements=map_of(
        record(
            subject=_ID,
            skill=_SKILL,
            skill_key=_ID,
            comment=_COMMENT,
            level=integer(0, 5),  # 0: the endorser gave no level
            date=_DATE_CHECK,
            revoked=boolean,
            revoked_at=_DATE_CHECK,
            credential=text(MAX_CREDENTIAL),
            concept=_CONCEPT,
        ),
        20_000,
    ),
    hidden=map_of(boolean, 20_000, MAX_HIDDEN_KEY),
    offers=map_of(
        record(
            kind=_SMALL,
            skill=_SKILL,
            skill_key=_ID,
            title=_TITLE,
            description=_DESCRIPTION,
            status=_SMALL,
            created_at=_DATE_CHECK,
            updated_at=_DATE_CHECK,
            answers=map_of(record(person=_ID, message=_COMMENT, date=_DATE_CHECK), 2_000),
            recognition=record(person=_ID, comment=_COMMENT, endorsement_id=_ID, date=_DATE_CHECK),
            concept=_CONCEPT,
        ),
        10_000,
    ),
    responses=map_of(record(offer_id=_ID, offer_owner=_ID, message=_COMMENT, date=_DATE_CHECK), 20_000),
    imported=map_of(
        record(
            source=_SMALL,
            skill=_SKILL,
            skill_key=_ID,
            endorser_name=text(LIMITS["name"]),
            endorser_url=text(LIMITS["url"]),
            date=_DATE_CHECK,
            status=_TITLE,
            concept=_CONCEPT,
        ),
        20_000,
    ),
    positions=map_of(
        record(source=_SMALL, title=_TITLE, company=_TITLE, location=text(LIMITS["location"]),
               description=_DESCRIPTION, start=_DATE_CHECK, end=_DATE_CHECK),
        5_000,
    ),
    projects=map_of(
        record(source=_SMALL, title=_TITLE, description=_DESCRIPTION, url=text(LIMITS["url"]),
               start=_DATE_CHECK, end=_DATE_CHECK, keywords=list_of(_SKILL, 500)),
        5_000,
    ),
    certificates=map_of(
        record(source=_SMALL, name=_TITLE, issuer=_TITLE, url=text(LIMITS["url"]), license_number=_TITLE,
               date=_DATE_CHECK, expires=_DATE_CHECK),
        5_000,
    ),
    team_acceptances=map_of(record(invitation_id=_ID, proof=text(1_000), date=_DATE_CHECK), 2_000),
    # A thank-you for an endorsement received, signed by the person thanked: keyed by its own id.
    thanks=map_of(record(endorser=_ID, endorsement_id=_ID, message=_COMMENT, date=_DATE_CHECK), 20_000),
    # "I know this person", keyed by their person id; revoking keeps the entry with revoked_at.
    known=map_of(record(date=_DATE_CHECK, revoked_at=_DATE_CHECK), 10_000),
)

# -- the team document (teams/document.py) --------------------------------------------

TEAM = record(
    schema=integer(0, 2**31),
    kind=_SMALL,
    id=_ID,
    name=text(LIMITS["name"]),
    description=_DESCRIPTION,
    created_by=_ID,
    created_at=_DATE_CHECK,
    members=map_of(
        record(role=_SMALL, added_by=_ID, added_at=_DATE_CHECK, removed_at=_DATE_CHECK, removed_by=_ID,
               removed_after=map_of(integer(0, MAX_SEQ), 1_000)),
        10_000,
    ),
    invitations=map_of(
        record(person_id=_ID, code_key=_ID, role=_SMALL, created_by=_ID, created_at=_DATE_CHECK,
               accepted_at=_DATE_CHECK, accepted_by=_ID, revoked_at=_DATE_CHECK, revoked_by=_ID,
               expires_at=_DATE_CHECK),
        10_000,
    ),
    needs=map_of(
        record(skill=_SKILL, level=integer(1, 5), note=_COMMENT, status=_SMALL, created_by=_ID,
               created_at=_DATE_CHECK, filled_at=_DATE_CHECK, filled_by=_ID, concept=_CONCEPT,
               role=_CONCEPT, role_label=text(LIMITS["role"])),
        10_000,
    ),
)


def is_team_doc(doc_id: str) -> bool:
    return doc_id.startswith("team:")


def check(doc_id: str, data: Any) -> None:
    """Raise SchemaError (a RejectedError) naming the first known field out of bounds."""
    team = is_team_doc(doc_id)
    try:
        (TEAM if team else PERSON)(data)
    except _Out as out:
        path = "document" + "".join(reversed(out.parts))
        raise SchemaError(path, f"{out.reason} (document {doc_id[:60]})") from None
    kind = data.get("kind")
    if kind is not None and kind != ("team" if team else "person"):  # projection picks its tables by kind
        raise SchemaError("document.kind", f"is {kind[:40]!r}, not the kind of its id (document {doc_id[:60]})")


def problem(doc_id: str, data: Any) -> str | None:
    """Why `data` breaks the schema, or None when it is sane (for projection, which never raises)."""
    try:
        check(doc_id, data)
    except SchemaError as exc:
        return str(exc)
    return None
