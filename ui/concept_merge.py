"""Merge one of my skills into another (issue 13): two spellings of one skill become one."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QLabel

from skiller_desktop.views import Skill

from .forms import FormDialog
from .plain import plain

if TYPE_CHECKING:
    from .screens.base import Screen


class MergeDialog(FormDialog):
    """`skill` goes into the one chosen: the higher level and years, both texts, keywords and evidence."""

    def __init__(self, screen: Screen, skill: Skill, others: list[Skill]) -> None:
        super().__init__(screen, QCoreApplication.translate("MergeDialog", "Merge “%1”").replace("%1", skill.name))
        self.skill = skill
        intro = QLabel(self.tr("“%1” will be merged into the skill you choose: it keeps the higher level and "
                               "years, both descriptions, keywords and evidence; “%1” becomes one of its "
                               "keywords.").replace("%1", skill.name), self)
        intro.setWordWrap(True)
        plain(intro)
        self.form.addRow(intro)
        self.target = QComboBox(self)
        for other in others:
            if other.key != skill.key:
                self.target.addItem(other.name, other.name)
        self.field("skill", self.tr("&Into"), self.target, self.tr("Skill to merge into"))
        self.finish(self.tr("&Merge"))

    def save(self) -> None:
        from skiller_desktop import concepts

        services, absorb, keep = self.screen.ops.services, self.skill.name, self.target.currentData() or ""
        self.run(lambda: concepts.merge(services, keep, absorb))
