"""Made once, by the code of commit bf419ff (before issue 13 linked skills to concepts): the fixture
`person_before_concepts.skb`. Kept to show how it was made; rerunning it makes a different file (new keys, dates).

    .venv/bin/python tests/integration/data/make_before_concepts.py
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ["SKILLER_NO_KEYRING"] = "1"
sys.path.insert(0, str(Path(__file__).resolve().parents[3]))

from skiller_desktop.services import Services

OUT = Path(__file__).with_name("person_before_concepts.skb")


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        camille = Services(Path(tmp) / "camille")
        camille.create_identity("Camille Durand", "Cheffe de projet")
        camille.update_profile(location="Lyon", languages=["français", "English"], availability="open")
        camille.add_skill("Gestion de projets", 4, years=6, description="Équipes de 5 à 12 personnes",
                          evidence=[{"title": "Portfolio", "url": "https://example.org/camille"}],
                          keywords=["Agile", "Scrum"])
        camille.add_skill("Python", 3, years=2)
        camille.add_skill("L’accessibilité numérique", 2)
        camille.add_offer("offer", "Python", "Relire du code Python")
        dominique = Services(Path(tmp) / "dominique")
        dominique.create_identity("Dominique Martin")
        dominique.add_skill("Project management", 3)
        camille.export_bundle(Path(tmp) / "c.skb")
        dominique.import_bundle(Path(tmp) / "c.skb")
        dominique.endorse(camille.person_id, "Gestion de projets", "Mène les projets à terme", level=4)
        dominique.export_bundle(Path(tmp) / "d.skb")
        camille.import_bundle(Path(tmp) / "d.skb")
        camille.endorse(dominique.person_id, "Project management", "Clear plans")
        camille.export_bundle(OUT, [camille.person_id, dominique.person_id])
        camille.close()
        dominique.close()
    print(OUT, OUT.stat().st_size)


if __name__ == "__main__":
    main()
