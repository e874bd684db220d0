"""LinkedIn data export ("Get a copy of your data") to a Skiller portfolio.

Real exports vary by date and locale: file names change case and spacing,
some files start with a "Notes:" preamble, dates come in several shapes, and
people open the CSVs in a spreadsheet and save them back. So files are found
by a loose name, columns by a loose header, and only what cannot be read at
all is an error; everything else is imported or reported as skipped.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from ..files import read_limited
from ..messages import say
from ..text import fold, skill_key
from .portfolio import (
    ImportedPortfolio,
    InteropError,
    checked_date,
    empty_profile,
    iso_date,
    new_skill,
)

EXTRAS_KEY = "linkedin"
MAX_FILE_BYTES = 50 * 1024 * 1024

# Each file we read: its loose name and the columns that mark its header row.
FILES = {
    "Profile.csv": ("firstname", "lastname"),
    "Skills.csv": ("name",),
    "Endorsement_Received_Info.csv": ("skillname",),
    "Positions.csv": ("companyname", "title"),
    "Projects.csv": ("title",),
    "Certifications.csv": ("name",),
    "Languages.csv": ("name",),
}
PROFILE_COLUMNS = ("firstname", "lastname", "headline", "summary", "geolocation", "websites")


@dataclass
class _Table:
    """One CSV: original header names by loose key, and rows by loose key."""

    file: str
    headers: dict[str, str]
    rows: list[dict[str, str]]


def loose(name: str) -> str:
    """The form names are compared in: "Endorsement_Received Info" = "endorsementreceivedinfo"."""
    return re.sub(r"[\s_\-]+", "", name.replace("\ufeff", "")).casefold()


# --- finding and reading the files -------------------------------------------


def read_linkedin_export(path: Path) -> ImportedPortfolio:
    """Read the export ZIP or its unpacked folder; raises InteropError if unusable."""
    path = Path(path)
    notes: list[str] = []
    raw_files = _collect(path, notes)
    if not raw_files:
        raise InteropError(say("import.no_linkedin_files", file=path.name, files=", ".join(FILES)))
    read = {name: _table(name, data, notes) for name, data in raw_files.items()}
    tables = {name: table for name, table in read.items() if table is not None}
    if not tables:
        raise InteropError(say("import.no_linkedin_readable", file=path.name, detail=notes[-1]))
    return _build(tables, sorted(set(FILES) - set(raw_files)), notes)


def _collect(path: Path, notes: list[str]) -> dict[str, bytes]:
    if path.is_dir():
        members = {p.relative_to(path).as_posix(): p for p in path.rglob("*") if p.is_file()}
        return _pick(members, notes, _read_file)
    if not path.exists():
        raise InteropError(say("import.no_such_path", path=path))
    return _collect_zip(path, notes)


def _collect_zip(path: Path, notes: list[str]) -> dict[str, bytes]:
    if not path.is_file():  # a FIFO would block the open, a device never end
        raise InteropError(say("import.not_a_file", path=path))
    try:
        with zipfile.ZipFile(path) as archive:
            members = {info.filename: info for info in archive.infolist() if not info.is_dir()}
            return _pick(members, notes, lambda info: _read_member(archive, info))
    except zipfile.BadZipFile as exc:
        raise InteropError(say("import.not_zip", file=path.name, detail=exc)) from None
    except OSError as exc:
        raise InteropError(say("import.unreadable", file=path.name, detail=exc.strerror or exc)) from None


def _pick(members: dict, notes: list[str], read: Callable[..., bytes]) -> dict[str, bytes]:
    """The wanted files, by loose name; the least nested wins if one appears twice."""
    wanted = {loose(name): name for name in FILES}
    chosen: dict[str, str] = {}
    for member in sorted(members, key=lambda m: (m.count("/"), m)):
        parts = PurePosixPath(member).parts
        if "__MACOSX" in parts or parts[-1].startswith("._"):
            continue
        name = wanted.get(loose(parts[-1]))
        if name is None:
            continue
        if name in chosen:
            notes.append(say("import.member_twice", member=member, name=name, chosen=chosen[name]))
            continue
        chosen[name] = member
    return {name: read(members[member]) for name, member in chosen.items()}


def _read_file(path: Path) -> bytes:
    return read_limited(path, MAX_FILE_BYTES, InteropError, "LinkedIn export file")


_READ_STEP = 1024 * 1024


def _read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    """A member's bytes, read in steps and stopped past its declared size or the limit.

    `ZipFile.read` trusts the header: a member declaring 100 bytes that inflates
    to 450 MB is read whole before its CRC refuses it. Here at most the
    declared size (itself under the limit) plus one step is ever inflated.
    """
    if info.file_size > MAX_FILE_BYTES:
        raise InteropError(say("import.member_too_large", file=info.filename))
    try:
        parts, size = [], 0
        with archive.open(info) as member:
            while part := member.read(min(_READ_STEP, info.file_size - size + 1)):
                size += len(part)
                if size > info.file_size:
                    raise InteropError(say("import.member_longer", file=info.filename))
                parts.append(part)
        return b"".join(parts)
    except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
        raise InteropError(say("import.member_damaged", file=info.filename, detail=exc)) from None
    except (RuntimeError, NotImplementedError) as exc:  # encrypted, unknown compression
        raise InteropError(say("import.member_unextractable", file=info.filename, detail=exc)) from None


def _decode(name: str, data: bytes) -> str:
    """Text of a CSV; spreadsheets save UTF-16 or Windows-1252, so accept those too."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16")
    if b"\x00" in data[:8192]:
        raise InteropError(say("import.csv_binary", file=name))
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise InteropError(say("import.csv_encoding", file=name))


def _table(name: str, data: bytes, notes: list[str]) -> _Table | None:
    """Rows of a CSV, from the first row that has the expected header columns."""
    try:
        rows = list(csv.reader(io.StringIO(_decode(name, data), newline="")))
    except csv.Error as exc:
        raise InteropError(say("import.csv_unreadable", file=name, detail=exc)) from None
    required = FILES[name]
    for index in range(_after_notes(rows), len(rows)):
        row = rows[index]
        keys = [loose(cell) for cell in row]
        if all(column in keys for column in required):
            headers = {key: cell.strip() for key, cell in zip(keys, row, strict=True) if key}
            return _Table(name, headers, _records(keys, rows[index + 1 :]))
    notes.append(say("import.csv_no_header", file=name, columns=", ".join(required)))
    return None


def _after_notes(rows: list[list[str]]) -> int:
    """Where the header search starts: past a "Notes:" preamble, which ends at a blank row.

    A preamble line may itself start with a column name ("Name, as shown...").
    """
    if not rows or not rows[0] or not rows[0][0].strip().casefold().startswith("notes"):
        return 0
    blank = next((i for i, row in enumerate(rows) if not any(c.strip() for c in row)), None)
    return blank + 1 if blank is not None else 1


def _records(keys: list[str], rows: list[list[str]]) -> list[dict[str, str]]:
    records = []
    for row in rows:
        if not any(cell.strip() for cell in row):
            continue
        cells = [cell.strip() for cell in row] + [""] * (len(keys) - len(row))
        records.append({key: cell for key, cell in zip(keys, cells, strict=False) if key})
    return records


# --- dates -------------------------------------------------------------------

_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
    "janv": 1,
    "fev": 2,
    "fevr": 2,
    "avr": 4,
    "mai": 5,
    "juin": 6,
    "juil": 7,
    "aout": 8,
    "sept": 9,
}
_STAMP = re.compile(
    r"^(\d{4})[-/](\d{1,2})[-/](\d{1,2})"
    r"(?:[ t]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?\s*(?:utc|gmt|z|[+-]\d{2}:?\d{2})?$"
)
_MONTH_YEAR = re.compile(r"^([a-z]+)\.?\s+(\d{4})$")
_DAY_MONTH_YEAR = re.compile(r"^(\d{1,2})\s+([a-z]+)\.?\s+(\d{4})$")


def parse_date(text: str) -> str | None:
    """ISO "YYYY-MM[-DD]" for the shapes LinkedIn writes, "" if blank, None if unknown.

    Seen in exports: "2026/08/01 10:00:00 UTC", "Jan 2023", "22 Jan 2026",
    ISO, and French month names in French-language exports.
    """
    folded = fold(text)
    value = iso_date(folded)
    if value is not None:
        return value
    if match := _STAMP.match(folded):
        return checked_date(int(match[1]), int(match[2]), int(match[3]))
    if match := _MONTH_YEAR.match(folded):
        return _with_month(match[1], int(match[2]), None)
    if match := _DAY_MONTH_YEAR.match(folded):
        return _with_month(match[2], int(match[3]), int(match[1]))
    return None


def _with_month(word: str, year: int, day: int | None) -> str | None:
    month = _MONTHS.get(word) or _MONTHS.get(word[:4]) or _MONTHS.get(word[:3])
    return checked_date(year, month, day) if month else None


# --- turning tables into a portfolio ----------------------------------------


class _Rows:
    """Reads one table's rows, noting every value it has to leave out."""

    def __init__(self, table: _Table | None, notes: list[str]) -> None:
        self.table, self.notes = table, notes

    def __iter__(self) -> Iterator[tuple[int, dict[str, str]]]:
        if self.table is None:
            return iter(())
        return iter(enumerate(self.table.rows, start=1))

    @property
    def file(self) -> str:
        return self.table.file if self.table else ""

    def date(self, row: dict[str, str], key: str, line: int) -> str:
        raw = row.get(key, "")
        value = parse_date(raw)
        if value is None:
            column = self.table.headers.get(key, key) if self.table else key
            self.notes.append(say("import.csv_bad_date", file=self.file, row=line, column=column, value=raw))
            return ""
        return value


def _build(tables: dict[str, _Table], missing: list[str], notes: list[str]) -> ImportedPortfolio:
    extras: dict = {}
    profile = _profile(tables.get("Profile.csv"), extras)
    profile["languages"] = _languages(tables.get("Languages.csv"), extras)
    skills = _skills(_Rows(tables.get("Skills.csv"), notes), notes)
    endorsements = _endorsements(_Rows(tables.get("Endorsement_Received_Info.csv"), notes), notes)
    positions = _unique(_positions(_Rows(tables.get("Positions.csv"), notes)), "position", notes)
    projects = _unique(_projects(_Rows(tables.get("Projects.csv"), notes)), "project", notes)
    certificates = _unique(_certificates(_Rows(tables.get("Certifications.csv"), notes)), "certificate", notes)
    _note_unlisted_skills(skills, endorsements, notes)
    report: list[str] = [say("import.linkedin_read", files=", ".join(sorted(tables)))]
    if missing:
        report.append(say("import.linkedin_missing", files=", ".join(missing)))
    report += _summary(profile, skills, endorsements, positions, projects, certificates)
    if extras.get("profile"):
        report.append(say("import.linkedin_kept", fields=", ".join(extras["profile"])))
    return ImportedPortfolio(
        profile=profile,
        skills=skills,
        positions=positions,
        projects=projects,
        certificates=certificates,
        imported_endorsements=endorsements,
        extras={EXTRAS_KEY: extras} if extras else {},
        report=report + notes,
    )


def _summary(
    profile: dict, skills: list, endorsements: list, positions: list, projects: list, certificates: list
) -> list[str]:
    lines: list[str] = [say("import.linkedin_profile", name=profile["name"] or say("import.no_name"),
                            positions=len(positions), projects=len(projects), certificates=len(certificates),
                            languages=len(profile["languages"]))]
    if skills:
        lines.append(say("import.linkedin_skills", count=len(skills)))
    if endorsements:
        lines.append(say("import.linkedin_endorsements", count=len(endorsements)))
    return lines


def _profile(table: _Table | None, extras: dict) -> dict:
    profile = empty_profile()
    if table is None or not table.rows:
        return profile
    row = table.rows[0]
    profile["name"] = " ".join(p for p in (row.get("firstname"), row.get("lastname")) if p)
    profile["headline"] = row.get("headline", "")
    profile["bio"] = row.get("summary", "")
    profile["location"] = row.get("geolocation", "")
    profile["links"] = parse_websites(row.get("websites", ""))
    kept = {table.headers[key]: value for key, value in row.items() if key not in PROFILE_COLUMNS and value}
    if kept:
        extras["profile"] = kept
    return profile


def parse_websites(text: str) -> list[str]:
    """URLs from LinkedIn's "[PERSONAL:https://a.example,COMPANY:b.example]"."""
    inner = text.strip().strip("[]")
    links = []
    for part in re.split(r",\s*(?=[A-Z_]+:|https?://|www\.)", inner):
        url = re.sub(r"^[A-Z_]+:", "", part.strip()).strip()
        if url:
            links.append(_with_scheme(url))
    return list(dict.fromkeys(links))


def _with_scheme(url: str) -> str:
    """LinkedIn often writes "www.linkedin.com/in/x"; links in Skiller are full URLs."""
    if not url or re.match(r"^[a-z][a-z0-9+.-]*://", url, re.IGNORECASE):
        return url
    return f"https://{url}"


def _languages(table: _Table | None, extras: dict) -> list[str]:
    names: dict[str, str] = {}
    proficiency: dict[str, str] = {}
    for row in table.rows if table else []:
        name = row.get("name", "")
        if name and fold(name) not in names:
            names[fold(name)] = name
            if row.get("proficiency"):
                proficiency[name] = row["proficiency"]
    if proficiency:
        extras["languages"] = proficiency
    return list(names.values())


def _skills(rows: _Rows, notes: list[str]) -> list[dict]:
    skills: dict[str, dict] = {}
    for _line, row in rows:
        name = row.get("name", "")
        key = skill_key(name)
        if key in skills:
            notes.append(say("import.duplicate_skill", name=name, same=skills[key]["name"]))
        elif key:
            skills[key] = new_skill(name)
    return list(skills.values())


def _endorsements(rows: _Rows, notes: list[str]) -> list[dict]:
    found: dict[tuple, dict] = {}
    duplicates = 0
    for line, row in rows:
        endorser = " ".join(p for p in (row.get("endorserfirstname"), row.get("endorserlastname")) if p)
        entry = {
            "skill": row.get("skillname", ""),
            "endorser_name": endorser,
            "endorser_url": _with_scheme(row.get("endorserpublicurl", "")),
            "date": rows.date(row, "endorsementdate", line),
            "status": row.get("endorsementstatus", "").lower(),
        }
        if not entry["skill"] or not (endorser or entry["endorser_url"]):
            notes.append(say("import.endorsement_incomplete", file=rows.file, row=line))
            continue
        key = (skill_key(entry["skill"]), fold(entry["endorser_url"] or endorser), entry["date"])
        duplicates += key in found
        found.setdefault(key, entry)
    if duplicates:
        notes.append(say("import.duplicate_endorsements", count=duplicates))
    return list(found.values())


def _note_unlisted_skills(skills: list[dict], endorsements: list[dict], notes: list[str]) -> None:
    listed = {skill_key(skill["name"]) for skill in skills}
    unlisted = {e["skill"]: None for e in endorsements if skill_key(e["skill"]) not in listed}
    if unlisted:
        notes.append(say("import.unlisted_skills", skills=", ".join(unlisted)))


def _positions(rows: _Rows) -> list[dict]:
    return [
        {
            "title": row.get("title", ""),
            "company": row.get("companyname", ""),
            "location": row.get("location", ""),
            "start": rows.date(row, "startedon", line),
            "end": rows.date(row, "finishedon", line),
            "description": row.get("description", ""),
        }
        for line, row in rows
        if row.get("title") or row.get("companyname")
    ]


def _projects(rows: _Rows) -> list[dict]:
    return [
        {
            "title": row["title"],
            "description": row.get("description", ""),
            "url": _with_scheme(row.get("url", "")),
            "start": rows.date(row, "startedon", line),
            "end": rows.date(row, "finishedon", line),
            "keywords": [],
        }
        for line, row in rows
        if row.get("title")
    ]


def _certificates(rows: _Rows) -> list[dict]:
    return [
        {
            "name": row["name"],
            "issuer": row.get("authority", ""),
            "url": _with_scheme(row.get("url", "")),
            "date": rows.date(row, "startedon", line),
            "expires": rows.date(row, "finishedon", line),
            "license_number": row.get("licensenumber", ""),
        }
        for line, row in rows
        if row.get("name")
    ]


def _unique(items: list[dict], kind: str, notes: list[str]) -> list[dict]:
    """Drops exact repeats, which appear when an export is merged by hand."""
    seen: dict[tuple, dict] = {}
    for item in items:
        key = tuple((k, fold(str(v))) for k, v in sorted(item.items()))
        if key in seen:
            notes.append(say("import.duplicate_item", kind=kind, name=item.get("title") or item.get("name")))
        seen.setdefault(key, item)
    return list(seen.values())
