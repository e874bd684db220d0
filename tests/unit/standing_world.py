"""Hand-made trust graphs in a real store: read-model rows written directly, the engine run over them."""

from __future__ import annotations

from pathlib import Path

from skiller_desktop.db import Database
from skiller_desktop.standing import StandingEngine
from skiller_desktop.store_numbers import numbered_endorsements
from skiller_desktop.text import fold, skill_group, skill_key


class World:
    """A store with people, endorsements, known marks and teams, and the engine seen from `viewer`."""

    def __init__(self, path: Path, viewer: str = "V", *, numbered: bool = True) -> None:
        self.db = Database(path)
        self.viewer = viewer
        self.numbered = numbered
        self.engine = StandingEngine(self.db, viewer)
        self.count = 0
        self.add(viewer)

    def add(self, *people: str) -> World:
        self.db.executemany(
            """INSERT OR IGNORE INTO persons (person_id, name, name_fold, headline, bio, location, links,
                   languages, availability, skill_count, updated_at, max_level)
               VALUES (?, ?, ?, '', '', '', '[]', '[]', '', 0, '', 0)""",
            [(p, p, fold(p)) for p in people],
        )
        return self

    def endorse(self, endorser: str, subject: str, skill: str = "Python", level: int = 0, *,
                revoked: bool = False, concept: str = "", numbered: bool | None = None) -> str:
        """Written as the read model writes it, with the store's numbers (store_numbers), or without them
        as an older writer left it (`numbered=False`; the engine reads those by their text)."""
        self.add(endorser, subject)
        self.count += 1
        eid = f"e{self.count}"
        row = (eid, endorser, subject, skill_key(skill), skill, "", level, "2026-01-01", int(revoked), "", concept,
               skill_group(skill, concept))
        with self.db.transaction() as conn:
            if self.numbered if numbered is None else numbered:
                [row] = numbered_endorsements(conn, [row])
            else:
                row = (*row, 0, 0, 0)
            conn.execute(f"INSERT INTO endorsements VALUES ({','.join('?' * len(row))})", row)
        return eid

    def revoke(self, endorser: str, eid: str) -> None:
        self.db.execute("UPDATE endorsements SET revoked = 1 WHERE endorser_id = ? AND endorsement_id = ?",
                        (endorser, eid))

    def hide(self, subject: str, endorser: str, eid: str) -> None:
        self.db.execute("INSERT INTO hidden_endorsements VALUES (?, ?, ?)", (subject, endorser, eid))

    def know(self, person: str, known: str) -> None:
        self.add(person, known)
        self.db.execute("INSERT OR REPLACE INTO known_people VALUES (?, ?, '2026-01-01', '')", (person, known))

    def team(self, team_id: str, *members: str, accepted: tuple[str, ...] | None = None) -> None:
        """Members listed in the team document; those `accepted` (all by default) said so in their own."""
        self.add(*members)
        self.db.executemany("INSERT INTO team_members VALUES (?, ?, 'member', '', '2026-01-01', '')",
                            [(team_id, m) for m in members])
        self.db.executemany("INSERT INTO team_acceptances VALUES (?, ?, '', '', '2026-01-01')",
                            [(m, team_id) for m in (members if accepted is None else accepted)])

    def compute(self) -> dict[tuple[str, str], float]:
        self.engine.compute()
        return self.scores()

    def scores(self) -> dict[tuple[str, str], float]:
        """Every (person, group) score in memory, stored or not."""
        from skiller_desktop import trust as tr

        e = self.engine
        found = tr.skill_scores(len(e.people.names), len(e.groups.names),
                                tr.Endorsements(e.e_endorser, e.e_subject, e.e_group, e.e_level), e.trust)
        return {(e.people.names[p], e.groups.names[g]): float(s)
                for p, g, s in zip(found.subject, found.group, found.score, strict=True) if s > 0}

    def trust(self, person: str) -> float:
        e = self.engine
        return float(e.trust[e.people[person]]) if person in e.people else 0.0
