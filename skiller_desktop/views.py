"""What the services hand out: small immutable values, no database rows."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any


@dataclass(frozen=True)
class PersonSummary:
    person_id: str
    name: str
    headline: str
    location: str
    availability: str
    skill_count: int
    matched_skill: str = ""
    matched_level: int = 0
    standing: float | None = None  # in the matched skill, 0-100 from the user's point of view (docs/standing.md)


@dataclass(frozen=True)
class Profile:
    person_id: str
    name: str
    headline: str
    bio: str
    location: str
    links: list[str]
    languages: list[str]
    availability: str


@dataclass(frozen=True)
class Skill:
    key: str
    name: str
    level: int
    years: int
    description: str
    keywords: list[str]
    evidence: list[dict]
    position: float
    endorsement_count: int = 0
    concept: str = ""  # the ESCO concept URI the person linked it to, "" when free text (issue 13)
    doc_key: str = ""  # the key in the person document ("" = `key`); older keys may keep a ’ that `key` folds

    @property
    def group(self) -> str:
        """What endorsements, search and teams add this skill up by (text.skill_group)."""
        return self.concept or self.key

    @property
    def entry_key(self) -> str:
        return self.doc_key or self.key


@dataclass(frozen=True)
class Endorsement:
    endorsement_id: str
    endorser_id: str
    endorser_name: str
    subject_id: str
    subject_name: str
    skill: str
    comment: str
    level: int
    date: str
    revoked: bool
    hidden: bool
    concept: str = ""  # the concept of the skill endorsed, when its owner had linked one
    skill_group: str = ""  # text.skill_group of the endorsed skill: two spellings of one concept add up


@dataclass(frozen=True)
class ImportedEndorsement:
    """An endorsement copied from elsewhere (LinkedIn): unverified, never counted."""

    import_id: str
    source: str
    skill: str
    endorser_name: str
    endorser_url: str
    date: str


@dataclass(frozen=True)
class Response:
    response_id: str
    person_id: str
    person_name: str
    message: str
    date: str


@dataclass(frozen=True)
class Offer:
    offer_id: str
    person_id: str
    person_name: str
    kind: str
    skill: str
    title: str
    description: str
    status: str
    created_at: str
    recognition: dict
    responses: list[Response] = field(default_factory=list)


@dataclass(frozen=True)
class Device:
    device_id: str
    name: str
    added_at: str
    revoked_at: str
    current: bool


@dataclass(frozen=True)
class PersonDetail:
    profile: Profile
    skills: list[Skill]
    received: list[Endorsement]
    given: list[Endorsement]
    offers: list[Offer]


@dataclass(frozen=True)
class SearchPage:
    total: int
    people: list[PersonSummary]


@dataclass(frozen=True)
class ImportReport:
    documents: int
    changed: int
    people: list[str]


@dataclass(frozen=True)
class Changes:
    """What a commit changed, one field per part, so each screen redraws only what it shows.

    Like Anki's `OpChanges`: local edits, imports and synced documents all end
    in one of these, handed to the services' listeners. The parts are about
    what the user sees, not about tables: `skills` is the user's own portfolio,
    `people` anyone's listed profile or skills.
    """

    profile: bool = False        # the user's own profile (and the sections imported with it)
    skills: bool = False         # the user's own skills
    endorsements: bool = False   # endorsements the user gave or received
    offers: bool = False         # offers, requests and their answers, anyone's
    people: bool = False         # people as listed and searched: anyone's profile or skills
    teams: bool = False          # teams, their members, needs and invitations
    devices: bool = False        # the user's devices
    blocked: bool = False        # the keys the user blocked
    documents: frozenset[str] = frozenset()  # ids of the documents committed; empty when not known
    synced: bool = False         # came from another node (a pull, or a push to our endpoint)

    @classmethod
    def everything(cls, *, synced: bool = False) -> Changes:
        """Every part: for writes made behind the services' back (the demo generator)."""
        every: dict[str, Any] = dict.fromkeys(PARTS, True)
        return cls(**every, synced=synced)

    @property
    def any(self) -> bool:
        """Whether any part changed (documents and origin alone are not a change)."""
        return any(getattr(self, part) for part in PARTS)

    def __bool__(self) -> bool:
        return self.any

    def __or__(self, other: Changes) -> Changes:
        """Both changes at once: a part is set if either sets it; synced only if both came by sync."""
        if not isinstance(other, Changes):
            return NotImplemented
        merged: dict[str, Any] = {part: getattr(self, part) or getattr(other, part) for part in PARTS}
        return Changes(**merged, documents=self.documents | other.documents,
                       synced=self.synced and other.synced)

    def touches(self, wanted: Changes) -> bool:
        """Whether any part set in `wanted` (what a screen shows) is set here too."""
        return any(getattr(self, part) and getattr(wanted, part) for part in PARTS)

    def concerns(self, doc_id: str) -> bool:
        """Whether this document may have changed (always, when the documents are not known)."""
        return not self.documents or doc_id in self.documents


PARTS: tuple[str, ...] = tuple(f.name for f in fields(Changes) if f.type in ("bool", bool) and f.name != "synced")


@dataclass(frozen=True)
class Thanks:
    """A thank-you signed by the person an endorsement was given to (profiles, issue 12.6)."""

    thanks_id: str
    thanker_id: str
    thanker_name: str
    endorser_id: str
    endorsement_id: str
    message: str
    date: str
