"""Endorse back offers only what services.endorse accepts: one endorsement per concept, so a second skill of
the endorser linked to a concept I already endorse is not offered (it would be refused as a duplicate).

Two skills of one person can share a concept when two of their devices each linked one and the edits merged."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from support import hand_over

from skiller_desktop import person_doc as pd
from skiller_desktop.errors import ValidationError
from skiller_desktop.services import SKILLS, Services
from tests.gui.test_profiles_endorsements import endorsements

PM = "http://data.europa.eu/esco/skill/7111b95d-0ce3-441a-9d92-4c75d05c4388"


def bring(source: Services, tmp_path, window, ask, name: str) -> None:
    """Their document to me through File › Import (what a sync brings)."""
    path = tmp_path / f"{name}.skb"
    source.export_bundle(path)
    ask.paths.append(str(path))
    window.import_bundle()


def test_a_skill_of_a_concept_i_endorse_is_not_offered_again(qtbot, window, ask, tmp_path):
    me = window.ops.services
    me.add_skill("Python", 3)
    dana = Services(tmp_path / "node-Dana")
    dana.create_identity("Dana")
    dana.add_skill("Project management", 4, concept=PM)
    dana.add_skill("Gestion de projet", 3)
    dana.add_skill("Fiscalité", 3)
    dana.edit(pd.set_fields("skills", "gestion de projet", {"concept": PM}), SKILLS)  # the other device's link
    hand_over(me, dana, tmp_path / "mine0.skb")
    endorsement_id = dana.endorse(me.person_id, "Python", "Solide")
    bring(dana, tmp_path, window, ask, "theirs0")
    me.endorse(dana.person_id, "Project management")
    for skill in ("Project management", "Gestion de projet"):  # what the dialog must not offer
        with pytest.raises(ValidationError):
            me.endorse(dana.person_id, skill)
    screen = endorsements(qtbot, window)
    screen.select_received(endorsement_id)
    qtbot.mouseClick(screen.endorse_back_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.endorse_dialog is not None)
    dialog = screen.endorse_dialog
    assert [dialog.skill.itemText(i) for i in range(dialog.skill.count())] == ["Fiscalité"]
    dialog.reject()
    dana.close()
