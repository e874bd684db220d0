"""Endorsements as rows: the table of endorsements given, with the level observed in words and the thanks
each one earned (the Endorsements screen's Given tab)."""

from __future__ import annotations

from typing import ClassVar

from skiller_desktop.views import Endorsement, Thanks

from .dates import local_date
from .level_legend import observed
from .models import GivenEndorsementsModel


class GivenModel(GivenEndorsementsModel):
    """Endorsements given, with the level observed, local dates and the thanks each one earned."""

    def __init__(self, ops, parent=None) -> None:
        super().__init__(ops, parent)
        self.thanks: dict[tuple[str, str], Thanks] = {}

    # Person, Skill, Date, Status, Level observed, Comment (takes the spare width), Thanks; the base model's
    # cells by their index there.
    BASE: ClassVar[dict[int, int]] = {0: 0, 1: 1, 3: 4, 5: 3}

    def header_labels(self) -> list[str]:
        return [self.tr("Person"), self.tr("Skill"), self.tr("Date"), self.tr("Status"), self.tr("Level observed"),
                self.tr("Comment"), self.tr("Thanks")]

    def cell(self, row: Endorsement, column: int) -> str:
        if column == 2:
            return local_date(row.date)
        if column == 4:
            return observed(row.level)
        if column == 6:
            thanks = self.thanks.get((row.subject_id, row.endorsement_id))
            if thanks is None:
                return ""
            said = self.tr("Thanked on %1").replace("%1", local_date(thanks.date))
            return f"{said}: “{thanks.message}”" if thanks.message else said
        return super().cell(row, self.BASE[column])

    def load(self, person_id: str) -> None:
        queries = self.ops.services.queries

        def read():
            return (queries.endorsements(endorser_id=person_id, include_revoked=True),
                    queries.thanks_for(endorser_id=person_id))

        def arrived(result, error: BaseException | None) -> None:
            if error is None:
                rows, thanks = result
                self.thanks = {(t.thanker_id, t.endorsement_id): t for t in thanks}
                self.set_rows(rows)

        self.ops.read(read, arrived)
