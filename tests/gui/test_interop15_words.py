"""Issue 15 in the app, in English and French: restoring a Chinese phrase, the wallet warning, a
credential that names no skill, résumé fields skipped, each said in the user's language."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from skiller_desktop.identity import Identity
from skiller_desktop.interop import jsonresume
from ui.first_run import FirstRunDialog
from ui.messages import say_line

DATA = Path(__file__).parents[1] / "unit" / "interop" / "data"
WALLET = {"en": "cryptocurrency wallet", "fr": "portefeuille de cryptomonnaie"}
MISSING = {"en": "Not in this credential: the skill, a comment",
           "fr": "Absent de cette attestation : la compétence, un commentaire"}
OFFLINE = {"en": "Revocation not checked (offline)", "fr": "Révocation non vérifiée (hors ligne)"}
SKIPPED = {"en": "Skipped education[0].endDate: “----” is not a date",
           "fr": "Ignoré education[0].endDate : « ---- » n’est pas une date"}


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_chinese_phrase_restores_and_the_dialog_warns_about_wallet_phrases(qtbot, ops, ask, languages, language):
    languages.switch(language)
    vectors = json.loads((DATA / "bip39-vectors-24.json").read_text("utf-8"))
    [phrase] = [p for e, p in vectors["chinese_traditional"] if e == "00" * 32]
    dialog = FirstRunDialog(ops, ask)
    qtbot.addWidget(dialog)
    dialog.tabs.setCurrentIndex(1)
    assert WALLET[language] in dialog.restore_note.text()
    dialog.restore_phrase.setPlainText(phrase)
    dialog.restore_name.setText("Zhang Wei")
    with qtbot.waitSignal(dialog.finished):
        dialog.restore()
    assert ops.services.person_id == Identity.from_seed(bytes(32)).person_id


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_credential_without_a_skill_says_what_is_missing(window, languages, language):
    languages.switch(language)
    result = {"valid": True, "credential_id": "http://example.edu/credentials/3732", "types": ["OpenBadgeCredential"],
              "issuer": "did:key:z6Mk", "issuer_name": "Example University", "subject": "did:example:ebfeb",
              "skill": "", "concept": "", "comment": "", "level": None, "issued": "2010-01-01T00:00:00Z",
              "known": False, "revoked": None, "revoked_at": "", "revocation": "not_checked",
              "missing": ["skill", "comment"]}
    lines = window.interop.verification_lines(result)
    assert not [line for line in lines if line.rstrip().endswith(":")]  # no "Skill: " left empty
    assert MISSING[language] in lines
    assert lines[-1].startswith(OFFLINE[language])


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_skipped_resume_field_is_reported_in_the_users_language(qapp, languages, language):
    languages.switch(language)
    _, skipped = jsonresume.readable_parts(jsonresume.load_resume(DATA / "resume-freetext-dates.json"))
    assert say_line(skipped[1]).startswith(SKIPPED[language])
