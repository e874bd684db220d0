"""The PDF portfolio: real files, read back with poppler's pdftotext."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from skiller_desktop.interop import pdf
from skiller_desktop.interop.pdf import FONT_DIR, labels_for, render_portfolio_pdf, truncate

needs_pdftotext = pytest.mark.skipif(
    shutil.which("pdftotext") is None,
    reason="pdftotext not installed (apt-get install poppler-utils) - cannot read the PDF's text back",
)


def make_view(name: str = "Élodie Müller", **profile: Any) -> dict[str, Any]:
    return {
        "profile": {
            "name": name,
            "headline": "Ingénieure logicielle",
            "bio": "J’aime les outils qui marchent hors ligne.",
            "location": "Lyon, France",
            "links": ["https://elodie.example.org"],
            "languages": ["Français", "English"],
            "availability": "Disponible en mars",
            **profile,
        },
        "person_id": "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK",
        "skills": [
            {
                "name": "Python",
                "level": 4,
                "years": 8,
                "description": "Services et tests automatisés.",
                "endorsement_count": 3,
                "evidence": [
                    {
                        "kind": "project",
                        "title": "Skiller Desktop",
                        "url": "https://example.org/skiller",
                        "description": "Client local-first.",
                    }
                ],
            },
            {"name": "Gestion de projet", "level": 2, "years": 1, "endorsement_count": 1, "evidence": []},
            {"name": "Écoute", "level": 5, "years": 0, "endorsement_count": 0},
        ],
        "generated_at": "2025-11-27T17:50:00+00:00",
    }


def render_text(view: dict[str, Any], tmp_path: Path, language: str = "en") -> str:
    target = tmp_path / f"portfolio-{language}.pdf"
    render_portfolio_pdf(view, target, language)
    assert target.read_bytes().startswith(b"%PDF-")
    result = subprocess.run(["pdftotext", "-enc", "UTF-8", str(target), "-"], capture_output=True, check=True)
    return " ".join(result.stdout.decode("utf-8").split())


def page_count(path: Path) -> int:
    """Pages as poppler's pdfinfo (same package as pdftotext) counts them."""
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, check=True, text=True).stdout
    return int(next(line.split()[1] for line in info.splitlines() if line.startswith("Pages:")))


@needs_pdftotext
def test_english_portfolio_shows_profile_skills_and_evidence(tmp_path: Path) -> None:
    text = render_text(make_view(), tmp_path, "en")
    for expected in [
        "Élodie Müller",
        "Ingénieure logicielle",
        "Lyon, France",
        "Languages: Français, English",
        "https://elodie.example.org",
        "ABOUT",
        "J’aime les outils qui marchent hors ligne.",
        "SKILLS",
        "Python",
        "Level 4/5",
        "8 years",
        "3 endorsements",
        "1 year",
        "1 endorsement",
        "Level 5/5",
        "Evidence",
        "Skiller Desktop (project)",
        "https://example.org/skiller",
        "Client local-first.",
        "Generated on 27 November 2025",
        "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK",
        "Page 1/1",
    ]:
        assert expected in text, expected
    assert "0 years" not in text  # unknown years are not printed as zero
    assert "0 endorsements" not in text  # nor a count of none (issue 12.5)


@needs_pdftotext
def test_french_portfolio_uses_french_labels(tmp_path: Path) -> None:
    text = render_text(make_view(), tmp_path, "fr")
    for expected in [
        "Élodie Müller",
        "À PROPOS",
        "COMPÉTENCES",
        "Niveau 4/5",
        "8 ans",
        "3 recommandations",
        "1 an ",
        "1 recommandation ",
        "Preuves",
        "(projet)",
        "Langues : Français, English",
        "Généré le 27 novembre 2025",
    ]:
        assert expected in text, expected
    for english in ["SKILLS", "Level", "endorsements", "years"]:
        assert english not in text


@needs_pdftotext
@pytest.mark.parametrize("shaping", [True, False], ids=["shaped", "unshaped"])
@pytest.mark.parametrize(
    "name",
    ["Дмитрий Иванов", "Νίκος Παπαδόπουλος", "Zoë Ångström-Łukasiewicz", "François Nguyễn"],
)
def test_non_latin_and_accented_names_render(
    name: str, shaping: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if not shaping:
        monkeypatch.setattr(pdf, "_shaping_available", lambda _pdf: False)
    assert name in render_text(make_view(name), tmp_path, "fr")


@needs_pdftotext
@pytest.mark.parametrize("shaping", [True, False], ids=["shaped", "unshaped"])
def test_right_to_left_scripts_and_emoji_do_not_break_the_page(
    shaping: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if not shaping:
        monkeypatch.setattr(pdf, "_shaping_available", lambda _pdf: False)
    view = make_view("محمد عبد الله", headline="מהנדסת תוכנה 🚀✨", bio="שלום — مرحبا — hello 👋🏽")
    text = render_text(view, tmp_path)
    assert "Level 4/5" in text and "hello" in text


@needs_pdftotext
def test_characters_missing_from_the_font_are_replaced_not_boxed(tmp_path: Path) -> None:
    """DejaVu has no CJK and few pictographs: letters show as "?", symbols vanish."""
    text = render_text(make_view("李雷 Li 🦄"), tmp_path)
    assert "?? Li" in text
    assert "李" not in text and "🦄" not in text


@needs_pdftotext
def test_a_huge_bio_is_shortened_with_a_note(tmp_path: Path) -> None:
    bio = "Début. " + "Lorem ipsum dolor sit amet. " * 4000 + "FIN-INVISIBLE"
    assert len(bio) > 100_000
    text = render_text(make_view(bio=bio), tmp_path, "fr")
    assert "Début." in text and "…" in text
    assert "FIN-INVISIBLE" not in text
    assert "(abrégé pour l’impression ; le texte complet est dans Skiller)" in text
    assert page_count(tmp_path / "portfolio-fr.pdf") <= 3


@needs_pdftotext
def test_endless_skills_and_evidence_are_capped_and_counted(tmp_path: Path) -> None:
    long = "word " * 20_000
    evidence = [{"kind": "link", "title": "t", "url": "https://x.example/" + "y" * 5000, "description": long}] * 50
    skills = [{"name": f"Skill {i}", "level": i % 9 - 2, "description": long, "evidence": evidence} for i in range(500)]
    view = {"profile": {"name": "N", "bio": long}, "skills": skills}
    text = render_text(view, tmp_path)
    assert "more skills not shown" in text
    assert "more items not shown" in text
    assert page_count(tmp_path / "portfolio-en.pdf") < 40


@needs_pdftotext
def test_sparse_or_junk_values_still_render(tmp_path: Path) -> None:
    view: dict[str, Any] = {
        "profile": {"name": None, "links": [None, 42], "languages": None},
        "skills": [{"name": "", "level": "high", "years": "lots", "endorsement_count": None, "evidence": [{}]}],
    }
    text = render_text(view, tmp_path)
    assert "Level 0/5" in text and "0 endorsements" not in text
    assert "No skills listed yet." in render_text({}, tmp_path)


def test_export_replaces_the_file_whole_and_leaves_no_temporary_files(tmp_path: Path) -> None:
    target = tmp_path / "exports" / "portfolio.pdf"
    target.parent.mkdir()
    target.write_bytes(b"old export")
    render_portfolio_pdf(make_view(), target)
    assert target.read_bytes().startswith(b"%PDF-")
    assert [path.name for path in target.parent.iterdir()] == ["portfolio.pdf"]


def test_a_failed_render_keeps_the_previous_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "portfolio.pdf"
    target.write_bytes(b"old export")

    def broken(*_args: Any, **_kwargs: Any) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(pdf.os, "replace", broken)
    with pytest.raises(OSError, match="disk full"):
        render_portfolio_pdf(make_view(), target)
    assert target.read_bytes() == b"old export"
    assert [path.name for path in tmp_path.iterdir()] == ["portfolio.pdf"]


def test_fonts_and_their_license_are_bundled() -> None:
    for name in ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "LICENSE"]:
        assert (FONT_DIR / name).is_file(), name
    assert "Bitstream" in (FONT_DIR / "LICENSE").read_text(encoding="utf-8")


def test_language_tags_pick_label_sets() -> None:
    assert labels_for("fr")["skills"] == "Compétences"
    assert labels_for("fr-CA")["skills"] == "Compétences"
    assert labels_for("fr_FR")["level"] == "Niveau"
    assert labels_for("en-GB")["skills"] == "Skills"
    assert labels_for("de")["skills"] == "Skills"  # unknown languages fall back to English


def test_truncate_cuts_at_a_word_and_says_so() -> None:
    assert truncate("  short  ", 20) == ("short", False)
    text, cut = truncate("alpha beta gamma delta epsilon", 20)
    assert cut and text == "alpha beta gamma…"
    text, cut = truncate("x" * 50, 10)
    assert cut and text == "x" * 10 + "…"
