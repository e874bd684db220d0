"""What the team services hand out: small immutable values."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Team:
    team_id: str
    name: str
    description: str
    created_by: str
    created_at: str
    member_count: int
    open_needs: int


@dataclass(frozen=True)
class Member:
    person_id: str
    name: str
    role: str
    added_by: str
    added_at: str
    removed_at: str
    availability: str = ""


@dataclass(frozen=True)
class Invitation:
    invitation_id: str
    person_id: str
    by_code: bool
    role: str
    created_by: str
    created_at: str
    accepted_at: str
    accepted_by: str
    revoked_at: str = ""
    expires_at: str = ""  # '' when it does not expire
    name: str = ""  # the invited person's name, when their profile is known here

    def is_open(self, now: str) -> bool:
        """Still waiting for an answer: not accepted, withdrawn or expired (`now` as person_doc.now_iso)."""
        return not (self.accepted_at or self.revoked_at or (self.expires_at and self.expires_at <= now))


@dataclass(frozen=True)
class Need:
    need_id: str
    skill: str
    skill_key: str
    level: int
    note: str
    status: str
    created_by: str
    created_at: str
    filled_by: str = ""
    concept: str = ""  # issue 13: the ESCO concept of the skill wanted, when linked
    skill_group: str = ""  # text.skill_group: what the matrix and matching compare with members' skills
    role: str = ""  # the ESCO occupation this need came from, with its label as picked
    role_label: str = ""


@dataclass(frozen=True)
class Cell:
    level: int
    endorsements: int


@dataclass(frozen=True)
class SkillColumn:
    key: str
    name: str
    wanted_level: int = 0  # the highest level an open need asks for; 0 when none


@dataclass(frozen=True)
class MatrixRow:
    person_id: str
    name: str
    availability: str
    cells: dict[str, Cell] = field(default_factory=dict)  # by skill key


@dataclass(frozen=True)
class Gap:
    """A skill the team needs that no member has at the wanted level."""

    skill: str
    wanted_level: int
    best_level: int
    best_person_id: str


@dataclass(frozen=True)
class TeamMatrix:
    skills: list[SkillColumn]
    rows: list[MatrixRow]
    gaps: list[Gap]

    def is_gap(self, skill_key: str) -> bool:
        return any(g.skill == c.name for g in self.gaps for c in self.skills if c.key == skill_key)


@dataclass(frozen=True)
class Candidate:
    person_id: str
    name: str
    member: bool
    level: int
    endorsements: int
    availability: str
    reason: str


@dataclass(frozen=True)
class NeedMatches:
    need: Need
    candidates: list[Candidate]
