"""Import and export wired to the services: the converters are pure, this module stores.

An import reads and checks everything first, then applies all of it as one
signed edit of the user's own document (one SQLite transaction), so a refused
import changes nothing. What Skiller has no field for (email, phone, address,
education, ...) is private: it stays in the data dir, never in the synced
document, and comes back on export so a JSON Resume round trip loses nothing.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from automerge import core

from .. import person_doc as pd
from .. import safe_json
from ..errors import NotFoundError, RejectedError, SkillerError, StorageError, ValidationError
from ..files import read_limited, stage, write_atomically
from ..messages import say
from ..text import LIMITS, clean_level, clean_years, fold, skill_key
from ..views import Changes
from . import linkedin
from .portfolio import ImportedPortfolio, InteropError

if TYPE_CHECKING:
    from ..services import Services

IMPORTS_DIR = "imports"
SECTIONS = ("positions", "projects", "certificates")
ELLIPSIS = "…"

# Which text limit each imported field obeys (see text.LIMITS).
PROFILE_LIMITS = {"name": "name", "headline": "headline", "bio": "bio", "location": "location"}
ITEM_LIMITS = {
    "positions": {"title": "title", "company": "title", "location": "location", "description": "description"},
    "projects": {"title": "title", "description": "description", "url": "url"},
    "certificates": {"name": "title", "issuer": "title", "url": "url", "license_number": "title"},
}
DATE_FIELDS = {"positions": ("start", "end"), "projects": ("start", "end"), "certificates": ("date", "expires")}
ENTRY_IDENTITY = {
    "positions": ("company", "title", "start"),
    "projects": ("title", "start"),
    "certificates": ("name", "date"),
}
SECTION_NOUNS = {"positions": "position", "projects": "project", "certificates": "certificate"}


@dataclass(frozen=True)
class ImportSummary:
    """What an import did, in counts and in lines a person reads."""

    source: str
    skills_added: int = 0
    skills_merged: int = 0
    positions: int = 0
    projects: int = 0
    certificates: int = 0
    endorsements: int = 0
    profile_filled: tuple[str, ...] = ()
    clipped: int = 0
    changed: bool = False
    report: tuple[str, ...] = ()
    skills_linked: int = 0  # issue 13: new skills whose name is exactly one ESCO concept's label, linked to it
    skills_ambiguous: int = 0  # ...or several concepts' label: left for the person to choose, never guessed


# --- import -------------------------------------------------------------------


# Told (items done, items in all) as an import goes; a UI shows it with a Cancel button.
ImportProgress = Callable[[int, int], None]


class ImportCancelled(SkillerError):
    """The user cancelled before anything was stored."""

    code = "import.cancelled"


def import_jsonresume(services: Services, path: Path, progress: ImportProgress | None = None,
                      cancelled: Callable[[], bool] | None = None) -> ImportSummary:
    """Import a JSON Resume file: every part the schema accepts; each field it refuses is named in the
    report and left out. A file that is not a résumé at all is refused whole."""
    from . import jsonresume  # jsonschema is slow to import: only when needed

    data, skipped = jsonresume.readable_parts(jsonresume.load_resume(Path(path)), Path(path).name)
    portfolio = jsonresume.resume_to_portfolio(data)
    portfolio.report.extend(skipped)  # issue 15.3: what the schema refused, field by field
    return _import(services, "jsonresume", portfolio, progress, cancelled)


def import_linkedin(services: Services, path: Path, progress: ImportProgress | None = None,
                    cancelled: Callable[[], bool] | None = None) -> ImportSummary:
    """Import a LinkedIn data export (the ZIP, or the folder it unpacks to)."""
    return _import(services, "linkedin", linkedin.read_linkedin_export(Path(path)), progress, cancelled)


def _import(services: Services, source: str, portfolio: ImportedPortfolio, progress: ImportProgress | None = None,
            cancelled: Callable[[], bool] | None = None) -> ImportSummary:
    """Planned part by part (each told to `progress`, `cancelled` asked after each); stored in one commit at
    the end, so a cancel before it leaves nothing behind."""
    services.require_identity()
    plan = _Plan(source, _own_document(services))
    parts = [portfolio.skills, *(getattr(portfolio, s) for s in SECTIONS), portfolio.imported_endorsements]
    total, done = sum(len(p) for p in parts) + 1, 0

    def step(count: int) -> None:
        nonlocal done
        done += count
        if progress is not None:
            progress(done, total)
        if cancelled is not None and cancelled():
            raise ImportCancelled(say("import.cancelled"))

    plan.profile(portfolio.profile)
    plan.skills(portfolio.skills)
    step(len(portfolio.skills))
    for section in SECTIONS:
        plan.entries(section, getattr(portfolio, section))
        step(len(getattr(portfolio, section)))
    plan.endorsements(portfolio.imported_endorsements)
    step(len(portfolio.imported_endorsements))
    extras_file = _extras_path(services, source)
    staged = _stage_private_json(extras_file, portfolio.extras) if portfolio.extras else None
    if staged is not None:
        plan.notes.append(say("import.extras_kept", file=extras_file))
    try:
        # several changes when large: each must fit in one sync entry (automerge_io.MAX_CHANGE_BYTES)
        changes = services.edit(plan.edits, plan.changes) if plan.edits else None
        if staged is not None:
            os.replace(staged, extras_file)
    except BaseException:
        if staged is not None:
            staged.unlink(missing_ok=True)
        raise
    if progress is not None:  # stored: told, no longer cancellable
        progress(total, total)
    return plan.summary(portfolio.report, bool(changes))


class _Plan:
    """Turns an imported portfolio into edits of the current document, noting each decision."""

    def __init__(self, source: str, current: dict) -> None:
        self.source, self.current = source, current
        self.edits: list[pd.Edit] = []
        self.changes = Changes()  # what the edits change, for the screens
        self.notes: list[str] = []
        self.counts = {name: 0 for name in ("skills_added", "skills_merged", *SECTIONS, "endorsements", "clipped",
                                            "skills_linked", "skills_ambiguous")}
        self.filled: list[str] = []
        self.present = {name: 0 for name in (*SECTIONS, "endorsements")}

    def clip(self, value: Any, field: str, what: str) -> str:
        text, cut = _clip(value, field)
        if cut:
            self.counts["clipped"] += 1
            self.notes.append(say("import.clipped", what=what, limit=LIMITS[field], ellipsis=ELLIPSIS))
        return text

    def clip_list(self, values: list | None, field: str, what: str) -> list[str]:
        texts = [self.clip(v, field, what) for v in values or []]
        return [t for t in texts if t]

    # -- profile -----------------------------------------------------------------
    def profile(self, imported: dict) -> None:
        mine = self.current.get("profile") or {}
        fields: dict[str, Any] = {}
        for name, limit in PROFILE_LIMITS.items():
            self._profile_field(fields, name, mine.get(name) or "", self.clip(imported.get(name), limit, name))
        for name, limit in (("links", "url"), ("languages", "language")):
            self._profile_field(
                fields, name, list(mine.get(name) or []), self.clip_list(imported.get(name), limit, name)
            )
        if fields:
            self.edits.append(pd.set_profile(fields))
            self.changes |= Changes(profile=True, people=True)

    def _profile_field(self, fields: dict, name: str, mine: Any, theirs: Any) -> None:
        if not theirs or theirs == mine:
            return
        if mine:
            shown = ", ".join(theirs) if isinstance(theirs, list) else theirs
            self.notes.append(say("import.kept_yours", name=name, value=_short(shown)))
            return
        fields[name] = theirs
        self.filled.append(name)

    # -- skills --------------------------------------------------------------------
    def skills(self, imported: list[dict]) -> None:
        existing = {k: v for k, v in (self.current.get("skills") or {}).items() if isinstance(v, dict)}
        position = max((float(v.get("position") or 0) for v in existing.values()), default=-1.0) + 1
        for raw in imported:
            name = self.clip(raw.get("name"), "skill", f"Skill {_short(raw.get('name'))!r}")
            key = skill_key(name)
            if not key:
                continue
            keywords = self.clip_list(raw.get("keywords"), "skill", f"A keyword of {name}")
            if key in existing:
                self._merge_skill(key, existing[key], keywords)
                continue
            entry = {
                "name": name,
                "level": clean_level(raw.get("level") or 3),
                "years": clean_years(raw.get("years")),
                "description": self.clip(raw.get("description"), "description", f"The description of {name}"),
                "keywords": keywords,
                "evidence": [],
                "position": position,
            }
            self._link(entry, existing)
            existing[key] = entry
            position += 1
            self.edits.append(pd.put_entry("skills", key, entry))
            self.counts["skills_added"] += 1
        if self.counts["skills_added"] or self.counts["skills_merged"]:
            self.changes |= Changes(skills=True)

    def _link(self, entry: dict, existing: dict) -> None:
        """Issue 13: a new skill named exactly as one ESCO concept (label or synonym, either language) is
        linked to it, unless another skill holds that concept; a name several concepts share is counted
        and left free text, for the person to choose (concepts.link_suggestions lists them)."""
        from .. import concepts

        uris = concepts.concepts_named(entry["name"])
        taken = {v.get("concept") for v in existing.values()}
        if len(uris) > 1:
            self.counts["skills_ambiguous"] += 1
        elif uris and uris[0] not in taken:
            entry["concept"] = uris[0]
            self.counts["skills_linked"] += 1

    def _merge_skill(self, key: str, mine: dict, keywords: list[str]) -> None:
        """An existing skill keeps its name and level; only new keywords join it."""
        known = list(mine.get("keywords") or [])
        folded = {fold(k) for k in known}
        new = [k for k in keywords if fold(k) not in folded]
        if not new:
            return
        mine["keywords"] = known + new
        self.edits.append(pd.set_fields("skills", key, {"keywords": known + new}))
        self.counts["skills_merged"] += 1

    # -- positions, projects, certificates -----------------------------------------------
    def entries(self, section: str, imported: list[dict]) -> None:
        existing = self.current.get(section) or {}
        for raw in imported:
            entry = self._entry(section, raw)
            key = entry_key(section, *(entry[f] for f in ENTRY_IDENTITY[section]))
            if key in existing:
                self._fill_entry(section, key, existing[key], entry)
                continue
            existing[key] = entry
            self.edits.append(pd.put_entry(section, key, entry))
            self.counts[section] += 1
            self.changes |= Changes(profile=True)  # positions, projects, certificates: part of the profile

    def _entry(self, section: str, raw: dict) -> dict:
        label = raw.get("title") or raw.get("name") or raw.get("company") or ""
        what = f"The {{}} of {SECTION_NOUNS[section]} {_short(label)!r}"
        entry: dict[str, Any] = {"source": self.source}
        for name, limit in ITEM_LIMITS[section].items():
            entry[name] = self.clip(raw.get(name), limit, what.format(name))
        for name in DATE_FIELDS[section]:
            entry[name] = raw.get(name) or ""
        if section == "projects":
            entry["keywords"] = self.clip_list(raw.get("keywords"), "skill", what.format("keyword"))
        return entry

    def _fill_entry(self, section: str, key: str, mine: Any, entry: dict) -> None:
        """Seen before: fill what is empty in Skiller, never overwrite what is there."""
        if not isinstance(mine, dict):
            return
        empty = {k: v for k, v in entry.items() if v and not mine.get(k) and k != "source"}
        if empty:
            mine.update(empty)
            self.edits.append(pd.set_fields(section, key, empty))
            self.changes |= Changes(profile=True)  # positions, projects, certificates: part of the profile
        else:
            self.present[section] += 1

    # -- endorsements copied from elsewhere --------------------------------------------
    def endorsements(self, imported: list[dict]) -> None:
        existing = self.current.get("imported") or {}
        for raw in imported:
            skill = self.clip(raw.get("skill"), "skill", f"An endorsed skill {_short(raw.get('skill'))!r}")
            entry = {
                "source": self.source,
                "skill": skill,
                "skill_key": skill_key(skill),
                "endorser_name": self.clip(raw.get("endorser_name"), "name", "An endorser's name"),
                "endorser_url": self.clip(raw.get("endorser_url"), "url", "An endorser's link"),
                "date": raw.get("date") or "",
                "status": raw.get("status") or "",
            }
            who = entry["endorser_url"] or fold(entry["endorser_name"])
            key = entry_key("imported", self.source, entry["skill_key"], who, entry["date"])
            if key in existing:
                self.present["endorsements"] += 1
                continue
            existing[key] = entry
            self.edits.append(pd.put_entry("imported", key, entry))
            self.counts["endorsements"] += 1
            self.changes |= Changes(endorsements=True)

    # -- the result ----------------------------------------------------------------------
    def summary(self, converter_report: list[str], changed: bool) -> ImportSummary:
        c = self.counts
        lines = list(converter_report)
        stored = say("import.stored", skills_added=c["skills_added"], skills_merged=c["skills_merged"],
                     positions=c["positions"], projects=c["projects"], certificates=c["certificates"],
                     endorsements=c["endorsements"])
        lines.append(stored if changed else say("import.nothing_new"))
        if c["skills_linked"] or c["skills_ambiguous"]:
            lines.append(say("import.linked", linked=c["skills_linked"], ambiguous=c["skills_ambiguous"]))
        if self.filled:  # "fields": field names, joined by ", " (the UI names each in its language)
            lines.append(say("import.filled", fields=", ".join(self.filled)))
        already = [f"{n} {k}" for k, n in self.present.items() if n]
        if already:  # "counts": "<n> <section>", joined by ", "
            lines.append(say("import.already", counts=", ".join(already)))
        lines += self.notes
        return ImportSummary(
            source=self.source,
            skills_added=c["skills_added"],
            skills_merged=c["skills_merged"],
            positions=c["positions"],
            projects=c["projects"],
            certificates=c["certificates"],
            endorsements=c["endorsements"],
            profile_filled=tuple(self.filled),
            clipped=c["clipped"],
            changed=changed,
            report=tuple(lines),
            skills_linked=c["skills_linked"],
            skills_ambiguous=c["skills_ambiguous"],
        )


def entry_key(kind: str, *parts: str) -> str:
    """A stable key from what identifies an entry, so a second import finds the first."""
    text = json.dumps([kind, *(fold(str(p)) for p in parts)], ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]


def _clip(value: Any, field: str) -> tuple[str, bool]:
    """Imported text made storable: NFC, LF line ends, no NUL, within its limit."""
    if value is None:
        return "", False
    text = unicodedata.normalize("NFC", str(value)).replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\x00", "").strip()
    limit = LIMITS[field]
    if len(text) <= limit:
        return text, False
    return text[: limit - 1].rstrip() + ELLIPSIS, True


def _short(value: Any, width: int = 60) -> str:
    text = " ".join(str(value or "").split())
    return text if len(text) <= width else text[: width - 1] + ELLIPSIS


# --- export ---------------------------------------------------------------------


def export_jsonresume(services: Services, path: Path) -> Path:
    """Write the user's portfolio as a JSON Resume that validates against the schema."""
    from . import jsonresume

    person_id = services.person_id
    profile = dataclasses.asdict(services.profile(person_id))
    skills = [_skill_dict(s) for s in services.queries.skills(person_id)]
    document = _own_document(services)
    sections = {section: _sorted_entries(document.get(section) or {}) for section in SECTIONS}
    resume = jsonresume.portfolio_to_resume(
        profile,
        skills,
        _read_extras(services),
        positions=sections["positions"],
        projects=sections["projects"],
        certificates=sections["certificates"],
    )
    jsonresume.validate_resume(resume)
    text = json.dumps(resume, ensure_ascii=False, indent=2) + "\n"
    write_atomically(Path(path), text.encode("utf-8"))
    return Path(path)


def _skill_dict(skill: Any) -> dict:
    return {
        "name": skill.name,
        "level": skill.level,
        "years": skill.years,
        "description": skill.description,
        "keywords": list(skill.keywords),
        "evidence": list(skill.evidence),
    }


def _sorted_entries(entries: dict) -> list[dict]:
    """Newest first, as résumés list them; the template's own order wins on export."""
    items = [dict(v) for v in entries.values() if isinstance(v, dict)]
    items.sort(key=lambda e: (fold(str(e.get("title") or e.get("name") or "")), str(e.get("company") or "")))
    items.sort(key=lambda e: str(e.get("start") or e.get("date") or ""), reverse=True)
    return items


def portfolio_view(services: Services, person_id: str | None = None) -> dict:
    """The plain dict the PDF renderer takes: profile, skills with their endorsement counts."""
    pid = person_id or services.person_id
    profile = services.profile(pid)
    quotes = _quotes(services, pid)  # profiles (issue 12.5): quotes and positions printed too
    skills = [{**_skill_dict(s), "endorsement_count": s.endorsement_count, "concept": s.concept,
               "endorsements": quotes.get(s.key, [])}
              for s in services.queries.skills(pid)]
    stamp = pd.now_iso()
    return {"profile": dataclasses.asdict(profile), "skills": skills, "person_id": pid, "generated_at": stamp,
            "positions": services.positions(pid)}


def _quotes(services: Services, person_id: str) -> dict[str, list[dict]]:
    """The endorsements a person shows (not hidden, not revoked), by skill key, newest first."""
    found: dict[str, list[dict]] = {}
    for e in services.queries.endorsements(subject_id=person_id, include_hidden=False):
        found.setdefault(skill_key(e.skill), []).append(
            {"endorser": e.endorser_name, "comment": e.comment, "level": e.level, "date": e.date})
    return found


def export_pdf(services: Services, path: Path, language: str = "en", person_id: str | None = None) -> Path:
    from . import pdf  # fpdf and fontTools take most of a second to import

    if language.replace("_", "-").split("-")[0].lower() not in pdf.LABELS:
        raise ValidationError(say("pdf.no_language", language=language, languages=", ".join(pdf.LABELS)), "language")
    view = portfolio_view(services, person_id)
    from ..concepts import label_skills  # issue 13: each linked skill's concept label in the export's language

    view["skills"] = label_skills(view["skills"], language)
    try:
        pdf.render_portfolio_pdf(view, Path(path), language)
    except OSError as exc:
        raise StorageError(say("import.cannot_write", path=path, detail=exc.strerror or exc)) from None
    return Path(path)


# --- credentials ---------------------------------------------------------------------


def received_credentials(services: Services) -> tuple[dict[str, str], list[str]]:
    """Credentials of the endorsements the user received and shows, by endorsement id.

    Each is read from the endorser's signed document as stored here, and
    checked before it is handed out; the second list names what was left out.
    """
    me = services.person_id
    tokens: dict[str, str] = {}
    skipped: list[str] = []
    documents: dict[str, dict] = {}
    for endorsement in services.queries.endorsements(subject_id=me, include_hidden=False):
        endorser = endorsement.endorser_id
        if endorser not in documents:
            stored = services.store.get(endorser)
            documents[endorser] = core.extract(stored.document()) if stored else {}  # type: ignore[assignment]
        entry = (documents[endorser].get("endorsements") or {}).get(endorsement.endorsement_id) or {}
        token = entry.get("credential") if isinstance(entry, dict) else None
        problem = _credential_problem(token, me, endorser)
        if problem:
            skipped.append(say("import.endorsement_skipped", skill=endorsement.skill,
                               endorser=endorsement.endorser_name or endorser[:24], detail=problem))
        else:
            tokens[endorsement.endorsement_id] = token  # type: ignore[assignment]
    return tokens, skipped


def _credential_problem(token: Any, subject: str, issuer: str) -> str:
    from .credentials import CredentialError, verify_credential  # PyJWT is slow to import: not at start-up

    if not token:
        return say("credential.none")
    try:
        payload = verify_credential(token)
    except CredentialError as exc:
        return say("credential.not_verified", detail=exc)
    if payload.get("sub") != subject or payload.get("iss") != issuer:
        return say("credential.other_person")
    return ""


def export_credentials(services: Services, directory: Path) -> list[Path]:
    """One `<endorsement id>.jwt` per endorsement received (not revoked, not hidden)."""
    return export_credentials_report(services, directory)[0]


def export_credentials_report(services: Services, directory: Path) -> tuple[list[Path], list[str]]:
    """The files written, and why any received endorsement was left out."""
    from .credentials import CredentialError, write_credentials

    tokens, skipped = received_credentials(services)
    try:
        return write_credentials(tokens, Path(directory)), skipped
    except OSError as exc:
        raise StorageError(say("credential.cannot_write", path=directory, detail=exc.strerror or exc)) from None
    except CredentialError as exc:
        raise ValidationError(say("credential.refused", detail=exc), "credential") from None


def verify_file(services: Services | None, path: Path) -> dict:
    """Check a credential file offline; with a node, also say whether its endorser revoked it."""
    from .credentials import CredentialError, read_credential_file, verify_credential

    path = Path(path)
    if not path.exists():
        raise NotFoundError(say("credential.no_such_file", path=path))
    if path.is_dir():
        raise ValidationError(say("credential.folder", path=path), "file")
    if not path.is_file():
        raise ValidationError(say("credential.not_regular", path=path), "file")
    try:
        payload = verify_credential(read_credential_file(path))
    except CredentialError as exc:
        raise RejectedError(say("credential.invalid", file=path.name, detail=exc)) from None
    result = verified_summary(payload)
    if services is not None:
        result.update(_revocation(services, payload))
    return result


# What an endorsement credential is expected to say; `missing` lists those a verified one lacks.
EXPECTED_FIELDS = ("issuer_name", "skill", "comment", "issued")


def verified_summary(payload: dict) -> dict:
    """What a verified credential says, in plain fields; what an endorsement would say and this one
    does not is listed in `missing` rather than printed empty. `revocation` is "not_checked" until a
    node looks the endorser's document up (`_revocation`)."""
    subject = payload.get("credentialSubject") or {}
    issuer: dict = payload["issuer"] if isinstance(payload.get("issuer"), dict) else {}
    result = {
        "valid": True,
        "credential_id": payload["jti"],
        "types": [t for t in payload.get("type") or [] if isinstance(t, str) and t != "VerifiableCredential"],
        "issuer": payload["iss"],
        "issuer_name": _said(issuer.get("name")),
        "subject": payload["sub"],
        "skill": _said(subject.get("skill")),
        "concept": _aligned_concept(subject),
        "comment": _said(subject.get("endorsementComment")),
        "level": _observed_level(subject.get("levelObserved")),
        "issued": _said(payload.get("validFrom") or payload.get("issuanceDate")),
        "known": False,
        "revoked": None,
        "revoked_at": "",
        "revocation": "not_checked",
    }
    result["missing"] = [name for name in EXPECTED_FIELDS if not result[name]]
    return result


def _said(value: Any) -> str:
    return " ".join(value.split()) if isinstance(value, str) else ""


def _observed_level(value: Any) -> int | None:
    """A level 1..5 as the signer wrote it; anything else (a bool, 0, 99, "4") is no level."""
    return value if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 5 else None


def _aligned_concept(subject: dict) -> str:
    """The concept URI of the subject's first alignment (OB 3.0 `alignment[].targetUrl`), if any: a signed
    credential is anyone's JSON, so an alignment that is not a list says nothing."""
    alignments = subject.get("alignment")
    for target in alignments if isinstance(alignments, list) else []:
        url = target.get("targetUrl") if isinstance(target, dict) else None
        if isinstance(url, str) and url.startswith(("http://", "https://")):
            return url
    return ""


def _revocation(services: Services, payload: dict) -> dict:
    """The endorser's current document as this node has it (synced from peers and relays): "revoked",
    "not_revoked", "not_in_document" (the document here does not hold it, e.g. older than the credential)
    or "not_checked" when the endorser's document has never reached this node."""
    endorsement_id = str(payload["jti"]).removeprefix("urn:uuid:")
    stored = services.store.get(payload["iss"])
    if stored is None:
        return {"revocation": "not_checked"}
    given = (core.extract(stored.document()).get("endorsements") or {}).get(endorsement_id)  # type: ignore[union-attr]
    if not isinstance(given, dict):
        return {"revocation": "not_in_document"}
    revoked = bool(given.get("revoked"))
    return {"known": True, "revoked": revoked, "revoked_at": given.get("revoked_at") or "",
            "revocation": "revoked" if revoked else "not_revoked"}


# --- files --------------------------------------------------------------------------------


def _own_document(services: Services) -> dict:
    stored = services.store.get(services.person_id)
    if stored is None:
        raise NotFoundError(say("identity.doc_missing"))
    return core.extract(stored.document())  # type: ignore[return-value]


def _extras_path(services: Services, source: str) -> Path:
    return services.data_dir / IMPORTS_DIR / f"{source}-extras.json"


def _read_extras(services: Services) -> dict:
    """What earlier imports kept privately; an unreadable file counts as none."""
    extras: dict = {}
    for source in ("linkedin", "jsonresume"):
        try:  # bounded as the largest import it came from: a file in the data dir is still read with care
            raw = read_limited(_extras_path(services, source), linkedin.MAX_FILE_BYTES, ValueError)
            data = safe_json.loads(raw.decode("utf-8"))
        except (OSError, ValueError):
            continue
        if isinstance(data, dict):
            extras.update(data)
    return extras


def _stage_private_json(target: Path, data: dict) -> Path:
    """Write beside `target`, readable by the owner only; the caller renames it into place."""
    payload = json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")
    return stage(target, payload, 0o600)


__all__ = [
    "ImportSummary",
    "InteropError",
    "entry_key",
    "export_credentials",
    "export_credentials_report",
    "export_jsonresume",
    "export_pdf",
    "import_jsonresume",
    "import_linkedin",
    "portfolio_view",
    "received_credentials",
    "verify_file",
]
