"""`docs/screenshots/take.py` shoots every screen at 1280×800 and 1024×680, in English and French."""

from __future__ import annotations

import sys

from PySide6.QtGui import QImage

from .test_layouts_every_screen import load_take

SCREENS = {"profile", "portfolio", "endorsements-received", "endorsements-given", "people", "exchange", "teams",
           "teams-invite", "teams-needs", "teams-matrix", "teams-matching", "sync", "settings"}


def test_take_shoots_every_screen_at_both_sizes_in_both_languages(qapp, tmp_path, monkeypatch) -> None:
    from ui.app import setup

    setup(qapp)
    take = load_take()
    monkeypatch.setattr(sys, "argv", ["take.py", str(tmp_path / "shots")])
    assert take.main() == 0
    made = {p.name for p in (tmp_path / "shots").glob("*.png")}
    for lang in ("en", "fr"):
        assert {f"{lang}-first-run.png", f"{lang}-recovery-phrase.png"} <= made
        for suffix, size in take.SIZES.items():
            for screen in SCREENS:
                name = f"{lang}-{screen}{suffix}.png"
                assert name in made, name
                image = QImage(str(tmp_path / "shots" / name))
                assert (image.width(), image.height()) == size, name  # the whole window, at that size
    assert {s.removesuffix("-1024x680.png") for s in made if s.endswith("-1024x680.png")} >= {
        f"{lang}-{screen}" for lang in ("en", "fr") for screen in SCREENS}
