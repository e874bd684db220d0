"""What an import produces, whatever the source: plain data the services store.

Converters return an `ImportedPortfolio` instead of writing anywhere, so the
services decide what to keep, and a rejected import leaves nothing behind.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from ..errors import ValidationError

DEFAULT_LEVEL = 3


class InteropError(ValidationError, ValueError):
    """A file or document we cannot read; the message says what is wrong in one line."""

    code = "invalid_import"


@dataclass(frozen=True)
class ImportedPortfolio:
    """A person's portfolio as read from an outside source.

    `extras` keeps, verbatim and JSON-serialisable, what Skiller has no field
    for, so an export back to the same format loses nothing. `report` tells
    the user what was imported and what was skipped, and why.
    """

    profile: dict
    skills: list[dict] = field(default_factory=list)
    positions: list[dict] = field(default_factory=list)
    projects: list[dict] = field(default_factory=list)
    certificates: list[dict] = field(default_factory=list)
    imported_endorsements: list[dict] = field(default_factory=list)
    extras: dict = field(default_factory=dict)
    report: list[str] = field(default_factory=list)


def empty_profile() -> dict:
    return {
        "name": "",
        "headline": "",
        "bio": "",
        "location": "",
        "links": [],
        "languages": [],
        "availability": "",
    }


def new_skill(name: str, level: int = DEFAULT_LEVEL, keywords: list[str] | None = None) -> dict:
    return {
        "name": name,
        "level": level,
        "years": 0,
        "description": "",
        "evidence": [],
        "keywords": list(keywords or []),
    }


_ISO = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")


def iso_date(text: str) -> str | None:
    """ "YYYY-MM-DD" or "YYYY-MM" for an ISO-like date, "" for blank, None if not a date.

    A bare year becomes January of that year: Skiller dates have a month.
    """
    text = text.strip()
    if not text:
        return ""
    match = _ISO.match(text)
    if not match:
        return None
    year, month, day = (int(part) if part else None for part in match.groups())
    if year is None:  # the pattern requires it; said for the type checker
        return None
    return checked_date(year, month or 1, day)


def checked_date(year: int, month: int, day: int | None) -> str | None:
    """Formats a date, or None when it does not exist (month 13, 31 April)."""
    try:
        date(year, month, day or 1)
    except ValueError:
        return None
    if day is None:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}"
