"""Issue 13 point 5: labels in the reader's language, beside the person's own words where they differ."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from skiller_desktop import concepts
from skiller_desktop.interop.service import export_pdf

PM = "http://data.europa.eu/esco/skill/7111b95d-0ce3-441a-9d92-4c75d05c4388"
PYTHON = "http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d"


def test_the_reader_label_is_the_concepts_label_in_their_language_when_it_differs():
    assert concepts.reader_label("Project management", PM, "fr") == "gestion de projets"
    assert concepts.reader_label("Project management", PM, "en") == ""  # the same words: said once
    assert concepts.reader_label("Gestion de projets", PM, "fr_CA") == ""
    assert concepts.reader_label("Python", "", "fr") == ""


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext not installed (poppler-utils)")
@pytest.mark.parametrize(("language", "shown", "hidden"), [("fr", "gestion de projets", "project management"),
                                                            ("en", "Python (computer programming)",
                                                             "gestion de projets")])
def test_the_pdf_shows_concept_labels_in_the_export_language(node, tmp_path, language, shown, hidden):
    ana = node("Ana")
    ana.add_skill("Project management", 3, concept=PM)
    ana.add_skill("Python", 4, concept=PYTHON)
    export_pdf(ana, tmp_path / "cv.pdf", language)
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(tmp_path / "cv.pdf"), "-"], capture_output=True,
                          check=True).stdout.decode("utf-8")
    text = " ".join(text.split())
    assert shown in text and hidden not in text
