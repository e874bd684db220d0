"""JSON Resume (schema v1.0.0) to and from a Skiller portfolio.

The imported document is kept whole in `extras["jsonresume"]` and used as a
template on export: every entry the person did not change in Skiller comes
back exactly as it was (level words, highlights, education, meta...), and
whatever they changed is written from the portfolio. Entries are matched by
what identifies them (a skill by its name, a position by company, title and
start), so reordering or deleting in Skiller does the expected thing.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from jsonschema import Draft7Validator, FormatChecker
from jsonschema.exceptions import best_match

from .. import safe_json
from ..files import read_limited
from ..messages import say
from ..text import fold, skill_key
from .portfolio import DEFAULT_LEVEL, ImportedPortfolio, InteropError, empty_profile, iso_date

SCHEMA_URL = "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json"
EXTRAS_KEY = "jsonresume"
LINKEDIN_EXTRAS_KEY = "linkedin"  # linkedin.EXTRAS_KEY, not imported: the two converters stay apart
MAX_FILE_BYTES = 10 * 1024 * 1024

# --- the schema -------------------------------------------------------------
# Built here rather than shipped as a data file; a unit test checks it equals
# the published schema once its descriptions are stripped.


def _obj(**props: dict) -> dict:
    return {"type": "object", "additionalProperties": True, "properties": props}


def _list(items: dict) -> dict:
    return {"type": "array", "items": items}


_S = {"type": "string"}
_URI = {"type": "string", "format": "uri"}
_DATE = {"$ref": "#/definitions/iso8601"}
_STRS = _list(_S)
_TIMED = {"url": _URI, "startDate": _DATE, "endDate": _DATE, "summary": _S, "highlights": _STRS}

SCHEMA: dict = {
    "$schema": "http://json-schema.org/draft-07/schema#",
    "additionalProperties": True,
    "definitions": {
        "iso8601": {
            "type": "string",
            "pattern": r"^([1-2][0-9]{3}-[0-1][0-9]-[0-3][0-9]|[1-2][0-9]{3}-[0-1][0-9]"
            r"|[1-2][0-9]{3})$",
        }
    },
    "properties": {
        "$schema": _URI,
        "basics": _obj(
            name=_S,
            label=_S,
            image=_S,
            email={"type": "string", "format": "email"},
            phone=_S,
            url=_URI,
            summary=_S,
            location=_obj(address=_S, postalCode=_S, city=_S, countryCode=_S, region=_S),
            profiles=_list(_obj(network=_S, username=_S, url=_URI)),
        ),
        "work": _list(_obj(name=_S, location=_S, description=_S, position=_S, **_TIMED)),
        "volunteer": _list(_obj(organization=_S, position=_S, **_TIMED)),
        "education": _list(
            _obj(
                institution=_S,
                url=_URI,
                area=_S,
                studyType=_S,
                startDate=_DATE,
                endDate=_DATE,
                score=_S,
                courses=_STRS,
            )
        ),
        "awards": _list(_obj(title=_S, date=_DATE, awarder=_S, summary=_S)),
        "certificates": _list(_obj(name=_S, date=_DATE, url=_URI, issuer=_S)),
        "publications": _list(
            _obj(
                name=_S,
                publisher=_S,
                releaseDate=_DATE,
                url=_URI,
                summary=_S,
            )
        ),
        "skills": _list(_obj(name=_S, level=_S, keywords=_STRS)),
        "languages": _list(_obj(language=_S, fluency=_S)),
        "interests": _list(_obj(name=_S, keywords=_STRS)),
        "references": _list(_obj(name=_S, reference=_S)),
        "projects": _list(
            _obj(
                name=_S,
                description=_S,
                highlights=_STRS,
                keywords=_STRS,
                startDate=_DATE,
                endDate=_DATE,
                url=_URI,
                roles=_STRS,
                entity=_S,
                type=_S,
            )
        ),
        "meta": _obj(canonical=_URI, version=_S, lastModified=_S),
    },
    "type": "object",
}

# Section order of the published schema, for sections a template lacks.
SECTION_ORDER = (
    "basics",
    "work",
    "volunteer",
    "education",
    "awards",
    "certificates",
    "publications",
    "skills",
    "languages",
    "interests",
    "references",
    "projects",
    "meta",
)


def validate_resume(data: Any) -> None:
    """Raise InteropError naming the most relevant schema error, if any."""
    validator = Draft7Validator(SCHEMA, format_checker=FormatChecker())
    error = best_match(validator.iter_errors(data))
    if error is not None:
        where = _path_text(error.absolute_path) or "document"
        raise InteropError(say("import.resume_invalid", where=where, detail=error.message))


# --- reading what can be read (issue 15.3) -------------------------------------------------------
# Real résumés often break the schema somewhere (an empty endDate for a current job, "2020 - now" as a
# date); the person importing one wants what can be read. Each field the schema refuses is taken out
# and named in the report; a file with none of the résumé's sections is still refused whole.

MAX_CLEANING_PASSES = 4  # one pass removes every refused field; more only if a removal uncovers another
_DATE_KEYS = {"startDate", "endDate", "date", "releaseDate"}
_TYPE_CODES = {"string": "import.skipped_not_text", "array": "import.skipped_not_list",
               "object": "import.skipped_not_object"}


def readable_parts(data: Any, file: str = "") -> tuple[dict, list[str]]:
    """The résumé without the fields the schema refuses, and one report line per field taken out.

    An empty date is no date rather than a wrong one (an empty ``endDate`` means "current"): it is
    dropped without a line. Raises InteropError for what is not a résumé at all: not an object, or an
    object with none of JSON Resume's sections.
    """
    if not isinstance(data, dict):
        raise InteropError(say("import.resume_not_object", kind=_kind(data)))
    if not any(data.get(key) for key in SECTION_ORDER):
        raise InteropError(say("import.not_a_resume", file=file or "the file", sections=", ".join(SECTION_ORDER)))
    cleaned = copy.deepcopy(data)
    notes: list[str] = []
    validator = Draft7Validator(SCHEMA, format_checker=FormatChecker())
    for _ in range(MAX_CLEANING_PASSES):
        refused = {tuple(e.absolute_path): e for e in validator.iter_errors(cleaned) if e.absolute_path}
        if not refused:
            break
        # deepest and last first, so removing a list item does not shift one still to remove
        for path in sorted(refused, key=lambda p: (len(p), p), reverse=True):
            _take_out(cleaned, list(path), refused[path], notes)
    error = best_match(validator.iter_errors(cleaned))
    if error is not None:  # the document itself, not a field of it: nothing left to take out
        raise InteropError(say("import.resume_invalid", where=_path_text(error.absolute_path) or "document",
                               detail=error.message))
    return cleaned, notes


def _take_out(document: dict, path: list[str | int], error: Any, notes: list[str]) -> None:
    parent: Any = document
    for part in path[:-1]:
        parent = parent[part]
    key = path[-1]
    value = parent[key]
    del parent[key]
    if value == "" and key in _DATE_KEYS:
        return  # no date given: an empty endDate is a current job, not a mistake
    notes.append(say(_skip_code(error), where=_path_text(path), value=_short(value)))


def _skip_code(error: Any) -> str:
    if error.validator == "pattern" and error.absolute_path and error.absolute_path[-1] in _DATE_KEYS:
        return "import.skipped_date"
    if error.validator == "type" and error.validator_value in _TYPE_CODES:
        return _TYPE_CODES[error.validator_value]
    if error.validator == "format":
        return "import.skipped_format"
    return "import.skipped_other"


def _short(value: Any, width: int = 60) -> str:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _path_text(parts: Iterable[str | int]) -> str:
    text = ""
    for part in parts:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def load_resume(path: Path) -> dict:
    """Read a JSON Resume file, with errors a user can act on."""
    path = Path(path)
    raw = read_limited(path, MAX_FILE_BYTES, InteropError, "JSON Resume file")
    try:
        data = safe_json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise InteropError(say("import.not_utf8", file=path.name)) from None
    except safe_json.TooDeepError as exc:
        raise InteropError(say("import.refused", file=path.name, detail=exc)) from None
    except json.JSONDecodeError as exc:
        raise InteropError(say("import.not_json", file=path.name, line=exc.lineno, column=exc.colno,
                               detail=exc.msg)) from None
    if not isinstance(data, dict):
        raise InteropError(say("import.not_resume_object", file=path.name, kind=type(data).__name__))
    return data


# --- skill levels -----------------------------------------------------------

LEVEL_NAMES = {1: "Beginner", 2: "Elementary", 3: "Intermediate", 4: "Advanced", 5: "Expert"}
_LEVEL_WORDS = {
    5: ("master", "expert", "guru", "maitrise", "authority"),
    4: ("advanced", "proficient", "senior", "strong", "confirmed", "confirme", "avance", "experienced", "fluent"),
    3: ("intermediate", "intermediaire", "competent", "mid", "working", "good", "moderate"),
    2: ("elementary", "basic", "basics", "novice", "junior", "familiar", "notions", "some"),
    1: ("beginner", "debutant", "learning", "entry", "initiation", "none"),
}
_WORD_LEVEL = {word: level for level, words in _LEVEL_WORDS.items() for word in words}
_FRACTION = re.compile(r"^(\d+(?:[.,]\d+)?)\s*(?:/|out of|sur)\s*(\d+)$")
_PERCENT = re.compile(r"^(\d+(?:[.,]\d+)?)\s*%$")


def parse_level(text: str) -> int | None:
    """A Skiller level 1..5 for JSON Resume's free-text level, None if not recognised."""
    folded = fold(text)
    if re.fullmatch(r"[1-5]", folded):
        return int(folded)
    if match := _FRACTION.match(folded):
        value, scale = float(match[1].replace(",", ".")), int(match[2])
        return _clamp_level(value / scale * 5) if scale else None
    if match := _PERCENT.match(folded):
        return _clamp_level(float(match[1].replace(",", ".")) / 20)
    for word in re.findall(r"[a-z]+", folded):
        if word in _WORD_LEVEL:
            return _WORD_LEVEL[word]
    return None


def _clamp_level(value: float) -> int:
    return max(1, min(5, round(value + 1e-9)))


# --- reading typed fields ---------------------------------------------------


def _text(entry: dict, key: str, where: str) -> str:
    value = entry.get(key)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise InteropError(say("import.field_not_text", where=where, key=key, kind=_kind(value)))
    return value


def _texts(entry: dict, key: str, where: str) -> list[str]:
    value = entry.get(key)
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise InteropError(say("import.field_not_texts", where=where, key=key))
    return list(value)


def _date(entry: dict, key: str, where: str, notes: list[str]) -> str:
    raw = _text(entry, key, where)
    value = iso_date(raw)
    if value is None:
        notes.append(say("import.field_bad_date", where=where, key=key, value=raw))
        return ""
    return value


def _object(data: dict, key: str, where: str = "") -> dict:
    value = data.get(key)
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise InteropError(say("import.field_not_object", where=where, key=key, kind=_kind(value)))
    return value


def _entries(data: dict, key: str, where: str = "") -> list[dict]:
    value = data.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        raise InteropError(say("import.field_not_list", where=where, key=key, kind=_kind(value)))
    for index, item in enumerate(value):
        if not isinstance(item, dict):
            raise InteropError(say("import.item_not_object", where=where, key=key, index=index, kind=_kind(item)))
    return value


def _kind(value: object) -> str:
    names = {str: "text", bool: "true/false", int: "a number", float: "a number"}
    names.update({list: "a list", dict: "an object", type(None): "null"})
    return names.get(type(value), type(value).__name__)


def _with_highlights(text: str, highlights: list[str]) -> str:
    """One Skiller description from a summary and its bullet highlights."""
    bullets = "\n".join(f"• {item}" for item in highlights if item.strip())
    return "\n\n".join(part for part in (text.strip(), bullets) if part)


# --- one converter per section: raw entry -> portfolio item ----------------


def _profile_from(basics: dict, languages: list[dict], notes: list[str]) -> dict:
    where = "basics"
    profile = empty_profile()
    profile["name"] = _text(basics, "name", where).strip()
    profile["headline"] = _text(basics, "label", where).strip()
    profile["bio"] = _text(basics, "summary", where).strip()
    profile["location"] = _location_line(_object(basics, "location", "basics."))
    profile["links"] = _links_from(basics)
    profile["languages"] = _languages_from(languages, notes)
    return profile


def _location_line(location: dict) -> str:
    parts = [_text(location, key, "basics.location").strip() for key in ("city", "region", "countryCode")]
    line = ", ".join(part for part in parts if part)
    return line or _text(location, "address", "basics.location").strip().replace("\n", ", ")


def _links_from(basics: dict) -> list[str]:
    links = [_text(basics, "url", "basics").strip()]
    for index, profile in enumerate(_entries(basics, "profiles", "basics.")):
        links.append(_text(profile, "url", f"basics.profiles[{index}]").strip())
    return [link for link in dict.fromkeys(links) if link]


def _languages_from(entries: list[dict], notes: list[str]) -> list[str]:
    names: dict[str, str] = {}
    for index, entry in enumerate(entries):
        name = _text(entry, "language", f"languages[{index}]").strip()
        if not name:
            notes.append(say("import.language_unnamed", index=index))
        names.setdefault(fold(name), name)
    return [name for name in names.values() if name]


def _skill_from(raw: dict, where: str, notes: list[str]) -> dict:
    level_text = _text(raw, "level", where)
    level = parse_level(level_text) if level_text.strip() else DEFAULT_LEVEL
    if level is None:
        if raw.get("name"):  # a skill with no name is skipped, and said so, by _convert_all
            notes.append(say("import.level_unknown", name=raw.get("name"), value=level_text))
        level = DEFAULT_LEVEL
    return {
        "name": _text(raw, "name", where).strip(),
        "level": level,
        "years": _years(raw.get("years")),  # not in the schema: what our export adds (issue 12.11)
        "description": raw["description"] if isinstance(raw.get("description"), str) else "",
        "evidence": [],
        "keywords": _texts(raw, "keywords", where),
    }


def _years(value: object) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 80 else 0


def _position_from(raw: dict, where: str, notes: list[str]) -> dict:
    return {
        "title": _text(raw, "position", where).strip(),
        "company": _text(raw, "name", where).strip(),
        "location": _text(raw, "location", where).strip(),
        "start": _date(raw, "startDate", where, notes),
        "end": _date(raw, "endDate", where, notes),
        "description": _with_highlights(_text(raw, "summary", where), _texts(raw, "highlights", where)),
    }


def _project_from(raw: dict, where: str, notes: list[str]) -> dict:
    return {
        "title": _text(raw, "name", where).strip(),
        "description": _with_highlights(_text(raw, "description", where), _texts(raw, "highlights", where)),
        "url": _text(raw, "url", where).strip(),
        "start": _date(raw, "startDate", where, notes),
        "end": _date(raw, "endDate", where, notes),
        "keywords": _texts(raw, "keywords", where),
    }


def _certificate_from(raw: dict, where: str, notes: list[str]) -> dict:
    return {
        "name": _text(raw, "name", where).strip(),
        "issuer": _text(raw, "issuer", where).strip(),
        "url": _text(raw, "url", where).strip(),
        "date": _date(raw, "date", where, notes),
        "expires": "",
        "license_number": "",
    }


Converter = Callable[[dict, str, list[str]], dict]
# (portfolio field, JSON Resume keys it stands for, first one written on export)
Fields = tuple[tuple[str, tuple[str, ...]], ...]


class _Section:
    """How one list section maps: converter, field groups, identity of an entry."""

    def __init__(self, key: str, convert: Converter, fields: Fields, identity: Callable[[dict], tuple]) -> None:
        self.key, self.convert, self.fields, self.identity = key, convert, fields, identity


SKILLS = _Section(
    "skills",
    _skill_from,
    # years and description are no JSON Resume fields; the schema allows more, and a résumé loses neither
    (("name", ("name",)), ("level", ("level",)), ("keywords", ("keywords",)), ("years", ("years",)),
     ("description", ("description",))),
    lambda item: (skill_key(item["name"]),),
)
WORK = _Section(
    "work",
    _position_from,
    (
        ("company", ("name",)),
        ("title", ("position",)),
        ("location", ("location",)),
        ("start", ("startDate",)),
        ("end", ("endDate",)),
        ("description", ("summary", "highlights")),
    ),
    lambda item: (fold(item["company"]), fold(item["title"]), item["start"]),
)
PROJECTS = _Section(
    "projects",
    _project_from,
    (
        ("title", ("name",)),
        ("description", ("description", "highlights")),
        ("url", ("url",)),
        ("start", ("startDate",)),
        ("end", ("endDate",)),
        ("keywords", ("keywords",)),
    ),
    lambda item: (fold(item["title"]), item["start"]),
)
CERTIFICATES = _Section(
    "certificates",
    _certificate_from,
    (("name", ("name",)), ("issuer", ("issuer",)), ("url", ("url",)), ("date", ("date",))),
    lambda item: (fold(item["name"]), item["date"]),
)


# --- import -----------------------------------------------------------------


def resume_to_portfolio(data: dict) -> ImportedPortfolio:
    """Convert a JSON Resume document; raises InteropError on wrongly typed fields."""
    if not isinstance(data, dict):
        raise InteropError(say("import.resume_not_object", kind=_kind(data)))
    notes: list[str] = []
    basics = _object(data, "basics")
    profile = _profile_from(basics, _entries(data, "languages"), notes)
    skills = _merge_skills(_convert_all(SKILLS, data, notes, "name"), notes)
    positions = _convert_all(WORK, data, notes, "company", "title")
    projects = _convert_all(PROJECTS, data, notes, "title")
    certificates = _convert_all(CERTIFICATES, data, notes, "name")
    _note_missing_levels(data, notes)
    report: list[str] = [say("import.resume_summary", name=profile["name"] or say("import.no_name"),
                             skills=len(skills), positions=len(positions), projects=len(projects),
                             certificates=len(certificates), languages=len(profile["languages"]))]
    report += _kept_line(data, basics) + notes
    return ImportedPortfolio(
        profile=profile,
        skills=skills,
        positions=positions,
        projects=projects,
        certificates=certificates,
        extras={EXTRAS_KEY: copy.deepcopy(data)},
        report=report,
    )


def _convert_all(section: _Section, data: dict, notes: list[str], *named: str) -> list[dict]:
    """Converts every entry; one with none of the `named` fields filled is skipped."""
    items = []
    for index, raw in enumerate(_entries(data, section.key)):
        where = f"{section.key}[{index}]"
        item = section.convert(raw, where, notes)
        if any(item[name] for name in named):
            items.append(item)
        else:
            notes.append(say("import.entry_unnamed", where=where, fields=" or ".join(named)))
    return items


def _merge_skills(skills: list[dict], notes: list[str]) -> list[dict]:
    """One skill per name, as in Skiller: keywords joined, the higher level kept."""
    merged: dict[str, dict] = {}
    for skill in skills:
        key = skill_key(skill["name"])
        if key not in merged:
            merged[key] = skill
            continue
        first = merged[key]
        first["level"] = max(first["level"], skill["level"])
        first["keywords"] = list(dict.fromkeys(first["keywords"] + skill["keywords"]))
        notes.append(say("import.skill_twice", name=skill["name"]))
    return list(merged.values())


def _note_missing_levels(data: dict, notes: list[str]) -> None:
    unlevelled = [
        str(raw.get("name"))
        for raw in _entries(data, "skills")
        if raw.get("name") and not str(raw.get("level") or "").strip()
    ]
    if unlevelled:
        notes.append(say("import.no_levels", skills=", ".join(unlevelled)))


def _kept_line(data: dict, basics: dict) -> list[str]:
    mapped = {"$schema", "basics", *(s.key for s in (SKILLS, WORK, PROJECTS, CERTIFICATES)), "languages"}
    kept = [key for key, value in data.items() if key not in mapped and value]
    kept += [
        key
        for key, value in basics.items()
        if key not in {"name", "label", "summary", "location", "url", "profiles"} and value
    ]
    if not kept:
        return []
    return [say("import.resume_kept", fields=", ".join(kept))]


# --- export -----------------------------------------------------------------


def portfolio_to_resume(
    profile: dict,
    skills: list[dict],
    extras: dict | None = None,
    positions: list[dict] | None = None,
    projects: list[dict] | None = None,
    certificates: list[dict] | None = None,
) -> dict:
    """A JSON Resume document; what `extras` kept from an import comes back unchanged."""
    template = (extras or {}).get(EXTRAS_KEY) or {}
    if not isinstance(template, dict):
        raise InteropError("extras['jsonresume'] is not a JSON Resume document")
    notes: list[str] = []  # an import already reported these
    sections = {
        "basics": _export_basics(profile, _object(template, "basics"), notes),
        "skills": _export_section(SKILLS, skills, template, notes),
        "work": _export_section(WORK, positions or [], template, notes),
        "projects": _export_section(PROJECTS, projects or [], template, notes),
        "certificates": _export_section(CERTIFICATES, certificates or [], template, notes),
        "languages": _export_languages(profile.get("languages") or [], template, _fluency_kept(extras)),
    }
    resume: dict = {} if template else {"$schema": SCHEMA_URL}
    for key, value in template.items():
        resume[key] = sections.pop(key) if key in sections else copy.deepcopy(value)
    for key in SECTION_ORDER:
        if sections.get(key):
            resume[key] = sections[key]
    return resume


def _export_entry(item: dict, template: dict | None, section: _Section, notes: list[str]) -> dict:
    """The template entry, with each field group the person changed rewritten."""
    derived = section.convert(template, section.key, notes) if template else {}
    out = copy.deepcopy(template) if template else {}
    for name, keys in section.fields:
        value = item.get(name)
        if template and value == derived.get(name):
            continue
        for key in keys:
            out.pop(key, None)
        if value:
            out[keys[0]] = _level_name(value) if name == "level" else copy.deepcopy(value)
    return out


def _level_name(level: object) -> str:
    if level not in LEVEL_NAMES:
        raise InteropError(f"Skill level must be from 1 to 5, not {level!r}")
    return LEVEL_NAMES[level]  # type: ignore[index]


def _export_section(section: _Section, items: list[dict], template: dict, notes: list[str]) -> list[dict]:
    """Entries in the template's order, then new ones in the order given."""
    pool: dict[tuple, list[tuple[int, dict]]] = {}
    for position, entry in enumerate(_entries(template, section.key)):
        key = section.identity(section.convert(entry, section.key, notes))
        pool.setdefault(key, []).append((position, entry))
    ranked = []
    for given, item in enumerate(items):
        item = _complete(section, item)
        candidates = pool.get(section.identity(item))
        index: int | None = None
        raw: dict | None = None
        if candidates:
            index, raw = candidates.pop(0)
        rank = (0, index) if index is not None else (1, given)
        ranked.append((rank, _export_entry(item, raw, section, notes)))
    return [entry for _, entry in sorted(ranked, key=lambda pair: pair[0])]


def _complete(section: _Section, item: dict) -> dict:
    """The item with missing fields defaulted, so callers may pass partial dicts."""
    defaults: dict[str, object] = {name: "" for name, _ in section.fields}
    defaults.update({"level": DEFAULT_LEVEL, "keywords": []})
    return {**defaults, **item}


def _export_basics(profile: dict, template: dict, notes: list[str]) -> dict:
    profile = {**empty_profile(), **profile}
    derived = _profile_from(template, [], notes) if template else {}
    out = copy.deepcopy(template)
    for name, key in (("name", "name"), ("headline", "label"), ("bio", "summary")):
        if not template or profile[name] != derived[name]:
            out.pop(key, None)
            if profile[name]:
                out[key] = profile[name]
    if not template or profile["location"] != derived["location"]:
        out.pop("location", None)
        if profile["location"]:
            out["location"] = {"city": profile["location"]}
    if not template or list(profile["links"]) != derived["links"]:
        _rewrite_links(out, list(profile["links"]))
    return out


def _rewrite_links(basics: dict, links: list[str]) -> None:
    """Keeps the url and profiles still linked, drops removed ones, adds new ones."""
    wanted = [link for link in dict.fromkeys(link.strip() for link in links) if link]
    if basics.get("url") and basics["url"] not in wanted:
        del basics["url"]
    profiles = [p for p in basics.get("profiles") or [] if not p.get("url") or p["url"] in wanted]
    covered = {basics.get("url")} | {p.get("url") for p in profiles}
    new = [link for link in wanted if link not in covered]
    if new and not basics.get("url"):
        basics["url"] = new.pop(0)
    profiles += [{"url": link} for link in new]
    if profiles or "profiles" in basics:
        basics["profiles"] = profiles


def _export_languages(names: list[str], template: dict, fluency: dict[str, str] | None = None) -> list[dict]:
    """One entry per language of the profile; a résumé's own entry first, else the fluency a LinkedIn
    import kept privately (issue 15.4), in LinkedIn's words ("Full professional proficiency")."""
    pool: dict[str, list[dict]] = {}
    for raw in _entries(template, "languages"):
        pool.setdefault(fold(str(raw.get("language") or "")), []).append(raw)
    known = {fold(name): level for name, level in (fluency or {}).items()}
    entries = []
    for name in names:
        candidates = pool.get(fold(name))
        entry = copy.deepcopy(candidates.pop(0)) if candidates else {}
        entry["language"] = name
        if not entry.get("fluency") and known.get(fold(name)):
            entry["fluency"] = known[fold(name)]
        entries.append(entry)
    return entries


def _fluency_kept(extras: dict | None) -> dict[str, str]:
    """Language -> proficiency, as the LinkedIn import kept it (`extras["linkedin"]["languages"]`)."""
    kept = ((extras or {}).get(LINKEDIN_EXTRAS_KEY) or {}).get("languages")
    if not isinstance(kept, dict):
        return {}
    return {str(k): v for k, v in kept.items() if isinstance(v, str) and v.strip()}
