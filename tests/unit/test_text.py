import pytest

from skiller_desktop.errors import ValidationError
from skiller_desktop.text import clean, clean_level, clean_years, fold, skill_key


def test_skill_spellings_are_one_skill():
    assert skill_key("Python") == skill_key("python ") == skill_key("PYTHON") == skill_key("  pyThon\t")


def test_fold_ignores_case_and_accents():
    assert fold("ÉBÉNISTE") == fold("ébéniste") == "ebeniste"
    assert fold("Développeur") == "developpeur"


@pytest.mark.parametrize("text", ["", "   ", "\t\n"])
def test_required_text_cannot_be_blank(text):
    with pytest.raises(ValidationError, match="cannot be empty") as err:
        clean(text, "name", required=True)
    assert err.value.field == "name"


def test_too_long_text_is_refused_not_cut():
    with pytest.raises(ValidationError, match="too long"):
        clean("x" * 100_000, "bio")


@pytest.mark.parametrize("text", ["مرحبا بالعالم", "שלום", "🚀 Rust 🦀", "Ça été très réussi", "中文 技能"])
def test_odd_text_is_kept_exactly(text):
    assert clean(text, "headline") == text


@pytest.mark.parametrize("level", [0, 6, -1, "abc", None, 2.5])
def test_level_outside_one_to_five_is_refused(level):
    with pytest.raises(ValidationError):
        clean_level(level)


def test_years_accept_blank_and_refuse_nonsense():
    assert clean_years(None) == 0
    assert clean_years("7") == 7
    with pytest.raises(ValidationError):
        clean_years(-1)
