"""Rows without the store's numbers are read by their text, joined by separators: another person's document
can put a separator in a subject or a concept. That endorser's rows are left out; everyone else's count."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from standing_world import World


def test_a_separator_in_a_subject_or_concept_leaves_out_that_endorser_only(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    world = World(tmp_path / "store.sqlite3", numbered=False)
    world.know("V", "A")
    world.know("V", "X")
    world.endorse("A", "B")
    world.endorse("X", "B", "Rust")
    world.endorse("X", "C D")  # a space in the subject id
    world.know("V", "Y")
    world.endorse("Y", "B", "Go", concept="one\ntwo")  # a newline in the concept
    with caplog.at_level(logging.WARNING, logger="skiller.standing"):
        scores = world.compute()
    assert set(scores) == {("B", "python")}
    assert world.trust("B") > 0
    assert any("separator" in record.getMessage() for record in caplog.records)
