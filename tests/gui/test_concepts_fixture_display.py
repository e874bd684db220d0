"""The person document saved before concepts (tests/integration/data/person_before_concepts.skb) displays."""

from __future__ import annotations

import shutil
from pathlib import Path

from skiller_desktop.services import Services
from ui.person_view import PersonView

FIXTURE = Path(__file__).parent.parent / "integration" / "data" / "person_before_concepts.skb"


def test_the_old_document_shows_in_the_person_view(qtbot, tmp_path):
    reader = Services(tmp_path / "reader")
    try:
        reader.create_identity("Reader")
        shutil.copy(FIXTURE, tmp_path / "old.skb")
        reader.import_bundle(tmp_path / "old.skb")
        camille = next(p.person_id for p in reader.queries.people() if p.name == "Camille Durand")
        view = PersonView()
        qtbot.addWidget(view)
        view.show_person(reader.profile(camille), reader.queries.skills(camille),
                         reader.queries.endorsements(subject_id=camille))
        shown = view.toPlainText()
        for text in ("Camille Durand", "Gestion de projets", "L’accessibilité numérique", "Dominique Martin",
                     "Mène les projets à terme"):
            assert text in shown
    finally:
        reader.close()
