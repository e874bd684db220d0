"""Text rules shared by validation, skill names and search."""

import functools
import re
import unicodedata

from .errors import ValidationError
from .messages import say

_SPACES = re.compile(r"\s+")
# Apostrophe look-alikes read as one: "L’accessibilité" typed on a phone is "L'accessibilité" typed on a keyboard
# (the same set as vocabulary_format.fold_label). Keys stored before this keep their ’ in documents: the read
# models recompute keys from names (readmodel), and services edit by the document's own key (Skill.doc_key).
_APOSTROPHES = str.maketrans(dict.fromkeys("\u2019\u2018\u02bc`\u00b4\u2032", "'"))

LIMITS = {
    "name": 120,
    "headline": 200,
    "bio": 5000,
    "location": 120,
    "availability": 40,
    "skill": 160,  # ESCO's longest label is 115 characters (French); 80 cut 167 of them
    "role": 250,  # ESCO occupation labels run to 202 characters (French, both genders)
    "description": 2000,
    "comment": 1000,
    "title": 200,
    "url": 2000,
    "language": 60,
    "device": 80,
}


def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@functools.lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Case- and accent-insensitive form, so "ÉBÉNISTE" meets "ébéniste"."""
    return _SPACES.sub(" ", strip_accents(text.translate(_APOSTROPHES)).casefold()).strip()


def skill_key(name: str) -> str:
    """One key for "Python", "python " and "PYTHON": the identity of a skill."""
    return fold(name)


def skill_group(name: str, concept: str | None = None) -> str:
    """What endorsements, search, standing and the team matrix add up by: the concept where one is linked,
    the normalised name otherwise (so two spellings of one ESCO concept count together)."""
    return concept or skill_key(name)


def clean(value: object, field: str, *, required: bool = False) -> str:
    """Validate user text: NFC, trimmed, within its limit; never silently cut."""
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise ValidationError(say("text.not_text", field=field), field)
    text = unicodedata.normalize("NFC", value).strip()
    if "\x00" in text:
        raise ValidationError(say("text.nul", field=field), field)
    if required and not text:
        raise ValidationError(say("text.empty", field=field), field)
    limit = LIMITS.get(field, 2000)
    if len(text) > limit:
        raise ValidationError(say("text.too_long", field=field, length=len(text), limit=limit), field)
    return text


def clean_level(value: object, field: str = "level") -> int:
    try:
        level = int(value)  # type: ignore[call-overload]  # any value: int() says what it refuses
    except (TypeError, ValueError):
        raise ValidationError(say("level.not_number", field=field), field) from None
    if (isinstance(value, float) and value != level) or not 1 <= level <= 5:
        raise ValidationError(say("level.range", field=field, value=value), field)
    return level


def clean_years(value: object) -> int:
    if value in (None, ""):
        return 0
    try:
        years = int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        raise ValidationError(say("years.not_number"), "years") from None
    if not 0 <= years <= 80:
        raise ValidationError(say("years.range", value=years), "years")
    return years
