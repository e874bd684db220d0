"""Fixtures shared by the integration tests (the `node` factory is tests/conftest.py's)."""

from __future__ import annotations

import pytest
from support import hand_over


@pytest.fixture
def marqueterie_endorsed(node, tmp_path):
    """Ana endorsed Benoît's Marqueterie; they exchanged bundles both ways."""
    ana, benoit = node("Ana Lúcia", folder="ana"), node("Benoît Ébéniste", folder="benoit")
    benoit.add_skill("Marqueterie", 4)
    hand_over(benoit, ana, tmp_path / "b.skb")
    endorsement_id = ana.endorse(benoit.person_id, "marqueterie", comment="Travail d’orfèvre", level=5)
    hand_over(ana, benoit, tmp_path / "a.skb")
    return ana, benoit, endorsement_id
