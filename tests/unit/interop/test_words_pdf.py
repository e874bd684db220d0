"""A French PDF says nothing in English: every label, value and note it prints is French."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from skiller_desktop.interop.pdf import LABELS, MAX_SKILLS, render_portfolio_pdf

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) not installed")

# English that leaked, or could leak, into a French export: labels, availability values, evidence kinds, notes.
KNOWN_LEAKS = ["available", "Open to offers", "busy", "About", "Skills", "Level", "endorsement", "Evidence",
               "Languages", "Generated", "project", "link", "certificate", "(other)", "year",
               "more skills", "more items", "shortened", "No skills", "Skiller portfolio"]


def _view(availability: str, skills: int = 3, bio: str = "Je code.") -> dict[str, Any]:
    evidence = [{"kind": kind, "title": f"Preuve n°{i}", "url": f"https://example.org/{i}"}
                for i, kind in enumerate(("project", "link", "certificate", "publication", "other"))]
    return {
        "profile": {"name": "", "headline": "Développeuse", "bio": bio, "location": "Lyon",
                    "links": [], "languages": ["Français"], "availability": availability},
        "person_id": "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK",
        "skills": [{"name": f"Compétence {i}", "level": 1 + i % 5, "years": 1 + i % 2, "endorsement_count": 1 + i % 2,
                    "description": "Décrite.", "evidence": evidence * 3} for i in range(skills)],
        "generated_at": "2026-11-29T14:05:59+00:00",
    }


def _text(path: Path) -> str:
    done = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True)
    return " ".join(done.stdout.decode("utf-8").split())


def _title(path: Path) -> str:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, check=True, text=True).stdout
    found = re.search(r"^Title:\s*(.*)$", info, re.M)
    return found[1].strip() if found else ""


@pytest.mark.parametrize("availability", ["available", "open", "busy"])
def test_a_french_pdf_has_no_english_words_from_the_known_leaks(tmp_path: Path, availability: str) -> None:
    target = tmp_path / "fr.pdf"
    render_portfolio_pdf(_view(availability, skills=MAX_SKILLS + 3, bio="Long. " * 2000), target, "fr")
    text = _text(target)
    leaks = [word for word in KNOWN_LEAKS if re.search(rf"\b{re.escape(word)}", text, re.I)]
    assert leaks == [], text[:2000]
    assert {"available": "Lyon · Disponible", "open": "Lyon · Ouvert·e aux propositions",
            "busy": "Lyon · Occupé·e"}[availability] in text.replace("  ", " ")
    assert _title(target) == "Portfolio Skiller"


def test_the_english_pdf_says_the_same_values_in_english(tmp_path: Path) -> None:
    target = tmp_path / "en.pdf"
    render_portfolio_pdf(_view("open"), target, "en")
    assert "Lyon · Open to offers" in _text(target).replace("  ", " ")
    assert _title(target) == "Skiller portfolio"


def test_an_availability_in_the_persons_own_words_is_printed_as_it_is(tmp_path: Path) -> None:
    target = tmp_path / "fr.pdf"
    render_portfolio_pdf(_view("Disponible en mars"), target, "fr")
    assert "Disponible en mars" in _text(target)


def test_every_pdf_label_has_a_french_text_that_differs_where_english_would_show() -> None:
    assert set(LABELS["fr"]) == set(LABELS["en"])
    same = {key for key in LABELS["en"] if LABELS["en"][key] == LABELS["fr"][key]}
    assert same <= {"page", "kind.publication"}, same
