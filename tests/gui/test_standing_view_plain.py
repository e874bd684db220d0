"""The Why panel's cells carry names others typed (endorsers, teams): their tooltips show them as words.

A tooltip guesses rich text and cannot be told otherwise (ui/plain.py): an
endorser named `<b>x</b>` must show those characters, not a bold x.
"""

from __future__ import annotations

import html

from skiller_desktop.standing_read import Contribution, SkillStanding, Step
from ui.standing_view import WhyDialog


def test_why_tooltips_escape_names_others_typed(qtbot):
    path = [Step("me", "Me"), Step("ana", "<i>Ana</i>", "team", "<img src='/dev/zero'>"),
            Step("bx", "<b>x</b>", "endorsed")]
    found = SkillStanding("Python", "python", 50.0, 1.0, 1, 1, 4.0, 3,
                          [Contribution("bx", "<b>x</b>", 1.0, 1.0, 4, path)])
    dialog = WhyDialog(found, "me")
    qtbot.addWidget(dialog)
    name, _share, how = (dialog.table.item(0, c) for c in range(3))
    assert name.text() == "<b>x</b>"
    assert name.toolTip() == f"<p>{html.escape('<b>x</b>')}</p>"
    assert "&lt;img" in how.toolTip() and "<img" not in how.toolTip()
    assert "&lt;i&gt;Ana&lt;/i&gt;" in how.toolTip()
