"""Standing in the services: "I know this person", and keeping the stored standings up to date.

The keeper listens to every commit (`Services.add_listener`): local edits,
imports and synced documents all arrive as one typed `Changes`, on the thread
that committed them (a worker, the sync thread, the CLI), never the UI's. It
imports the engine, and numpy with it, only when something changed: read-only
commands never load it.
"""

from __future__ import annotations

import logging
import threading
from typing import TYPE_CHECKING

from . import person_doc as pd
from . import standing_read
from .errors import NotAllowedError, NotFoundError, StorageError, ValidationError
from .identity import is_person_id
from .messages import say
from .views import Changes

if TYPE_CHECKING:
    from .services import Services
    from .standing import Report, StandingEngine

log = logging.getLogger("skiller.standing")

KNOWN = Changes(people=True)  # a known mark shows on profiles and moves standings


class StandingKeeper:
    """Owns the engine of one data dir; recomputes whole when the user changes, else updates."""

    def __init__(self, services: Services) -> None:
        self.services = services
        self._engine: StandingEngine | None = None
        self._lock = threading.Lock()

    def close(self) -> None:
        with self._lock:
            if self._engine is not None:
                self._engine.close()
                self._engine = None

    def changes_committed(self, changes: Changes) -> None:
        """A listener: never raises (a failed update leaves the standings marked out of date)."""
        identity = self.services.identity
        if identity is None:
            return
        try:
            with self._lock:
                self._engine_for(identity.person_id).refresh(changes)
        except Exception:  # derived data: log it, keep it stale, never fail the commit that is already done
            log.exception("standing update failed; standings marked out of date")
            self._mark_stale()

    def ensure_current(self) -> Report | None:
        """Compute the stored standings if they are out of date or were computed for someone else."""
        identity = self.services.identity
        if identity is None:
            return None
        viewer, stale = standing_read.state(self.services.db)
        if not stale and viewer == identity.person_id:
            return None
        if self.services.db.read_only:
            raise StorageError(say("standing.read_only"))
        with self._lock:
            return self._engine_for(identity.person_id).compute()

    def recompute(self) -> Report | None:
        identity = self.services.identity
        if identity is None:
            return None
        with self._lock:
            return self._engine_for(identity.person_id).compute()

    def knows(self, person_id: str) -> bool:
        """Whether the user says they know this person (and has not taken it back)."""
        identity = self.services.identity
        return identity is not None and person_id in standing_read.known(self.services.db, identity.person_id)

    def network_size(self) -> int:
        """How many people the user's trust reaches: 0 means an empty network (the app then says how to grow it)."""
        return standing_read.network_size(self.services.db)

    def _engine_for(self, viewer: str) -> StandingEngine:
        if self._engine is None or self._engine.viewer != viewer:
            from .standing import StandingEngine  # numpy: only where something is computed

            self._engine = StandingEngine(self.services.db, viewer)
        return self._engine

    def _mark_stale(self) -> None:
        try:
            self.services.db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('standing_stale', '1')")
        except Exception:
            log.exception("cannot mark standings out of date")
        if self._engine is not None:
            self._engine.close()
            self._engine = None


def know(services: Services, person_id: str, *, undo: bool = False) -> Changes:
    """Say (or take back) that the user knows this person: a public, signed entry of their own document."""
    me = services.person_id
    if not is_person_id(person_id):
        raise ValidationError(say("person.not_an_id", value=person_id[:60]), "person_id")
    if person_id == me:
        raise NotAllowedError(say("known.self"))
    entry = (services._own_data().get("known") or {}).get(person_id)
    said = isinstance(entry, dict) and not entry.get("revoked_at")
    if undo:
        if not said:
            raise ValidationError(say("known.not_known"), "person_id")
        return services.edit(pd.set_fields("known", person_id, {"revoked_at": pd.now_iso()}), KNOWN)
    if said:
        raise ValidationError(say("known.already"), "person_id")
    if not services.queries.person_exists(person_id):
        raise NotFoundError(say("person.unknown"))
    return services.edit(pd.put_entry("known", person_id, {"date": pd.now_iso(), "revoked_at": ""}), KNOWN)
