"""Skills that name an ESCO concept (issue 13): linking, undoing, merging, suggestions, labels.

A person's skill keeps the words they typed and may name one concept URI (`concept` in the signed
document). What everything adds up by is `text.skill_group`: the concept where one is linked, the folded
name otherwise. A concept names one skill per person: linking it to a second one is refused with
`ConceptTaken`, which says which skill holds it so the caller can offer to merge the two.

The vocabulary (vocabulary.py) is opened on first use only; where it is missing, linking by URI still
works and the helpers that need labels answer with nothing rather than fail.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from . import person_doc as pd
from .doc_schema import MAX_ID
from .errors import NotFoundError, ValidationError
from .messages import say
from .text import clean, fold, skill_key
from .views import Changes, Skill

if TYPE_CHECKING:
    from .services import Services
    from .vocabulary import Suggestion

SKILLS = Changes(skills=True)
MAX_CONCEPTS_NAMED = 5  # a search text naming more concepts than this is too vague to widen by


class ConceptTaken(ValidationError):
    """The concept is already linked to another of the person's skills: merge them instead."""

    def __init__(self, concept: str, holder: Skill) -> None:
        super().__init__(say("concept.taken", skill=holder.name), "concept")
        self.concept = concept
        self.holder = holder


@dataclass(frozen=True)
class LinkSuggestion:
    """A free-text skill whose name is a label or synonym of `concepts` (one: link in one click)."""

    skill: str
    concepts: tuple[str, ...]
    labels: tuple[str, ...]  # in the reader's language, one per concept


def _vocabulary():  # the module, imported on first use: never at start-up
    from . import vocabulary

    return vocabulary


def valid_uri(value: str) -> str:
    """A concept URI as documents hold it (doc_schema.concept), or ValidationError."""
    uri = clean(value, "concept")
    if uri and (len(uri) > MAX_ID or not uri.startswith(("http://", "https://"))):
        raise ValidationError(say("concept.not_uri", value=uri[:60]), "concept")
    return uri


def known_uri(value: str) -> str:
    """A URI the vocabulary knows (when it is installed): what a person may link their own skill to."""
    uri = valid_uri(value)
    vocabulary = _vocabulary()
    try:
        found = vocabulary.concept(uri)
    except vocabulary.VocabularyUnavailable:
        return uri
    if found is None:
        raise ValidationError(say("concept.unknown", value=uri[:80]), "concept")
    return uri


def holder(services: Services, concept: str) -> Skill | None:
    """The user's skill linked to `concept`, if any."""
    return next((s for s in services.queries.skills(services.person_id) if s.concept == concept), None)


def free_concept(services: Services, concept: str, for_skill: str = "") -> str:
    """`concept` checked, and linked to none of the user's skills but `for_skill` (a key); else ConceptTaken."""
    uri = known_uri(concept)
    taken = holder(services, uri) if uri else None
    if taken is not None and taken.key != for_skill:
        raise ConceptTaken(uri, taken)
    return uri


def own_skill(services: Services, name: str) -> Skill:
    found = services.queries.skill(services.person_id, clean(name, "skill", required=True))
    if found is None:
        raise NotFoundError(say("skill.unknown", name=name))
    return found


def link(services: Services, skill: str, concept: str) -> Changes:
    """Link one of the user's skills to a concept; ConceptTaken when another skill holds it."""
    target = own_skill(services, skill)
    uri = free_concept(services, concept, target.key)
    if not uri:
        raise ValidationError(say("concept.not_uri", value=""), "concept")
    return services.edit(pd.set_fields("skills", target.entry_key, {"concept": uri}), SKILLS)


def unlink(services: Services, skill: str) -> Changes:
    """Undo a link: the skill is free text again (its endorsements given by name still count)."""
    target = own_skill(services, skill)
    if not target.concept:
        raise ValidationError(say("concept.not_linked", skill=target.name), "concept")
    return services.edit(pd.set_fields("skills", target.entry_key, {"concept": ""}), SKILLS)


def merge(services: Services, keep: str, absorb: str) -> Changes:
    """Fold the skill `absorb` into `keep`: the higher level and years, both texts, keywords and evidence.

    `keep` keeps its name and place; it takes `absorb`'s concept when it had none, and `absorb`'s name
    becomes one of its keywords, so a search for either still finds it. Endorsements received for
    `absorb` by name alone stay with those words (as on a rename).
    """
    kept, gone = own_skill(services, keep), own_skill(services, absorb)
    if kept.key == gone.key:
        raise ValidationError(say("concept.merge_same"), "skill")
    if kept.concept and gone.concept and kept.concept != gone.concept:
        raise ValidationError(say("concept.merge_two_concepts", keep=kept.name, absorb=gone.name), "skill")
    keywords = list(dict.fromkeys([*kept.keywords, *gone.keywords, gone.name]))
    keywords = [k for k in keywords if skill_key(k) != kept.key]
    evidence = list({(e.get("title", ""), e.get("url", "")): e for e in [*kept.evidence, *gone.evidence]}.values())
    description = "\n\n".join(d for d in (kept.description, gone.description) if d)
    entry = services._skill_entry(kept.name, max(kept.level, gone.level), max(kept.years, gone.years),
                                  description, evidence, keywords)  # checked as any edit: limits, levels
    del entry["name"]  # the kept skill keeps its own words
    if not kept.concept and gone.concept:
        entry["concept"] = gone.concept
    edits = [pd.set_fields("skills", kept.entry_key, entry), pd.delete_entry("skills", gone.entry_key)]
    return services.edit(pd.merge_many(edits), SKILLS)  # one change: never half merged


def link_or_merge(services: Services, skill: str, concept: str) -> Changes:
    """Link; when another skill holds the concept, merge `skill` into it (what the UI offers after ConceptTaken)."""
    try:
        return link(services, skill, concept)
    except ConceptTaken as taken:
        return merge(services, taken.holder.name, skill)


# -- what the vocabulary says ------------------------------------------------------------


def concepts_named(text: str) -> list[str]:
    """The concepts whose label or synonym (either language) is exactly `text`; [] without the vocabulary."""
    folded = fold(text)
    if len(folded) < 2:
        return []
    vocabulary = _vocabulary()
    try:
        return vocabulary.lookup_exact(folded)[:MAX_CONCEPTS_NAMED]
    except vocabulary.VocabularyUnavailable:
        return []


def label(uri: str, language: str) -> str:
    """The concept's preferred label in `language` (French or English), "" when unknown or unavailable."""
    if not uri:
        return ""
    vocabulary = _vocabulary()
    try:
        return vocabulary.label(uri, language) or ""
    except vocabulary.VocabularyUnavailable:
        return ""


def reader_label(skill_name: str, concept: str, language: str) -> str:
    """The concept's label to show beside the person's own words, "" when it says the same."""
    found = label(concept, language)
    return found if found and fold(found) != fold(skill_name) else ""


def label_skills(skills: list[dict], language: str) -> list[dict]:
    """Skills as plain dicts (a PDF's view), each linked one with `concept_label` in `language` where it
    differs from the person's words."""
    return [{**s, "concept_label": reader_label(str(s.get("name") or ""), str(s.get("concept") or ""), language)}
            if s.get("concept") else s for s in skills]


def usage(services: Services, limit: int = 500) -> dict[str, int]:
    """How many skills in the user's network name each concept: autocomplete ranks those first."""
    # A range of the index skills_by_group (concept URIs are the groups that start with "http"), not a scan
    # of every skill: this runs on the first keystroke of each skill field.
    rows = services.db.query(
        """SELECT skill_group, COUNT(*) AS n FROM skills WHERE skill_group >= 'http' AND skill_group < 'httq'
           GROUP BY skill_group ORDER BY n DESC LIMIT ?""",
        (limit,),
    )
    return {r["skill_group"]: int(r["n"]) for r in rows}


def suggest(services: Services, text: str, language: str, limit: int = 10,
            counts: dict[str, int] | None = None) -> list[Suggestion]:
    """Autocomplete: concepts in both languages and synonyms, the network's most used first (`counts`:
    `usage` already read, else it is read here)."""
    vocabulary = _vocabulary()
    try:
        return vocabulary.suggest(text, language, limit, usage(services) if counts is None else counts)
    except vocabulary.VocabularyUnavailable:
        return []


def link_suggestions(services: Services, language: str) -> list[LinkSuggestion]:
    """The user's free-text skills whose name is a label or synonym: one concept links in one click."""
    found = []
    skills = services.queries.skills(services.person_id)
    held = {s.concept for s in skills if s.concept}
    for skill in skills:
        if skill.concept:
            continue
        uris = tuple(u for u in concepts_named(skill.name) if u not in held)
        if uris:
            found.append(LinkSuggestion(skill.name, uris, tuple(label(u, language) for u in uris)))
    return found


def label_keys(uris: Iterable[str]) -> dict[str, str]:
    """Skill keys (folded labels and synonyms, both languages) → the one of `uris` they name.

    So a free-text skill spelled as a concept's label meets that concept in a team's matrix and matching.
    A key naming two of the given concepts is left out: it is asked, never guessed.
    """
    found: dict[str, str] = {}
    twice: set[str] = set()
    vocabulary = _vocabulary()
    for uri in uris:
        try:
            concept = vocabulary.concept(uri) if uri else None
        except vocabulary.VocabularyUnavailable:
            return {}
        if concept is None:
            continue
        for text in {concept.en, concept.fr, *concept.en_alt, *concept.fr_alt}:
            key = skill_key(text)
            if found.setdefault(key, uri) != uri:
                twice.add(key)
    return {key: uri for key, uri in found.items() if key not in twice}


@dataclass(frozen=True)
class RoleSkill:
    concept: str
    label: str  # in the reader's language
    essential: bool


def role_skills(occupation: str, language: str) -> list[RoleSkill]:
    """An ESCO occupation's skills, essential ones first: what a team need picked as a role proposes."""
    vocabulary = _vocabulary()
    try:
        found = vocabulary.occupation_skills(occupation)
    except vocabulary.VocabularyUnavailable:
        return []
    if found is None:
        return []
    return [RoleSkill(uri, label(uri, language), essential)
            for essential, uris in ((True, found.essential), (False, found.optional)) for uri in uris]
