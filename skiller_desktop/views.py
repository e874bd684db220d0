"""What the services hand out: small immutable values, no database rows."""

from __future__ import annotations

from dataclasses import dataclass, field


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
    """What an operation changed, so each screen redraws only what it shows."""

    parts: frozenset[str] = frozenset()

    @classmethod
    def of(cls, *parts: str) -> Changes:
        return cls(frozenset(parts))

    def __bool__(self) -> bool:
        return bool(self.parts)

    def __contains__(self, part: str) -> bool:
        return part in self.parts
