"""A newcomer's first steps, read from what is stored (issue 12, point 1: the checklist on My profile).

Each step is done when its trace is in the data, whoever made it and however
(this device, another of the user's devices, a sync): nothing is ticked by
hand, and nothing is remembered apart from the data itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .services import Services

IMPORTED_SECTIONS = ("positions", "projects", "certificates")  # what only an import (LinkedIn, résumé) fills
STEPS = ("skills", "imported", "connected", "endorsed")


@dataclass(frozen=True)
class Steps:
    skills: bool      # at least one skill in the portfolio
    imported: bool    # a LinkedIn export or a résumé was imported
    connected: bool   # someone else's profile reached this device (a link, a relay, the LAN, a bundle)
    endorsed: bool    # the user endorsed someone

    @property
    def done(self) -> bool:
        return all(getattr(self, step) for step in STEPS)


def steps(services: Services) -> Steps:
    me = services.require_identity().person_id
    q = services.queries
    return Steps(skills=bool(q.skills(me)), imported=_imported(services, me),
                 connected=any(p.person_id != me for p in q.people(limit=2)),
                 endorsed=bool(q.endorsements(endorser_id=me, include_revoked=True)))


def _imported(services: Services, me: str) -> bool:
    if services.queries.imported_endorsements(me):
        return True
    stored = services.store.get(me)
    if stored is None:
        return False
    from automerge import core

    document = core.extract(stored.document())
    return isinstance(document, dict) and any(document.get(section) for section in IMPORTED_SECTIONS)
