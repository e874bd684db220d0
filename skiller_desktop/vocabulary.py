"""The ESCO skills vocabulary in English and French: autocomplete, labels, exact links (issue 13).

Nothing happens at import: the resource (resources/esco/vocabulary.sqlite,
built by resources/esco/build_vocabulary.py, format in docs/vocabulary.md)
is opened read-only on first use, so start-up never pays for it. One
`Vocabulary` may be shared by threads: reads go through one lock, and each
query costs a few milliseconds (bench/bench_vocabulary.py).

Matching folds case, accents, spacing and apostrophe forms, searches both
languages and every synonym, and ranks: exact label first, then concepts
used in the caller's network (most used first), then labels that start with
the text, then labels whose words start with each typed word; ties go to the
skills most occupations need.
"""

from __future__ import annotations

import bisect
import os
import sqlite3
import threading
from array import array
from collections import OrderedDict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from .errors import SkillerError
from .resource_path import resource
from .vocabulary_format import (
    FOLD_VERSION,
    FORMAT_VERSION,
    KINDS,
    OCCUPATION_PREFIX,
    SHORT_PREFIX,
    SKILL_PREFIX,
    fold_label,
    label_hash,
    label_words,
    unpack_alternatives,
    unpack_ids,
    uri_of,
    uuid_bytes,
)

ATTRIBUTION = "This service uses the ESCO classification of the European Commission."
ATTRIBUTION_URL = "https://esco.ec.europa.eu"
ADAPTED_NOTICE = (
    "The ESCO data shipped with Skiller is a modified, adapted version of ESCO v1.1.1 "
    "(English and French labels, skill groups and occupation-skill relations only); "
    "it is not the official distribution, which is at https://esco.ec.europa.eu/en/use-esco/download."
)

DEFAULT_PATH = resource("esco", "vocabulary.sqlite")
PATH_VARIABLE = "SKILLER_VOCABULARY"  # lets a packager or a test point at another build

_WINDOW = 150  # concepts checked per query, most needed first: bounds a keystroke's cost
_BATCH = 30  # ...read this many at a time, to stop as soon as the best are known
_SHORT_WINDOW = 60  # the same when every typed word has 1-2 letters: thousands match, few are read
_MAX_CHECKED = 900  # when few of them match all words, widen up to this many
_CACHE = 4096  # decoded concepts kept; typing one label re-reads the same few hundred
_TOKENS_CACHE = 64  # posting unions kept, so "gestion de p..." does not re-read "gestion"


class VocabularyUnavailable(SkillerError):
    """The resource is missing, unreadable or from another format: rebuild or reinstall it."""

    code = "vocabulary_unavailable"

    def __init__(self, message: str, path: Path) -> None:
        super().__init__(message)
        self.path = path


@dataclass(frozen=True)
class Concept:
    uri: str
    kind: str  # "skill/competence", "knowledge" or "" (untyped in ESCO)
    en: str
    fr: str
    groups: tuple[str, ...]  # English labels of its ESCO skill groups (ESCO has no French ones here)
    en_alt: tuple[str, ...]
    fr_alt: tuple[str, ...]

    def label(self, language: str) -> str:
        return self.fr if _language(language) == "fr" else self.en


@dataclass(frozen=True)
class Suggestion:
    uri: str
    label: str  # preferred label in the requested language
    matched: str | None  # the synonym or other-language label that matched, when not `label`
    groups: tuple[str, ...]
    kind: str
    usage: int  # the count the caller gave for this concept, 0 if none

    @property
    def group(self) -> str:
        return ", ".join(self.groups)


@dataclass(frozen=True)
class Occupation:
    uri: str
    en: str
    fr: str  # often both genders: "développeur web/développeuse web"
    isco: str

    def label(self, language: str) -> str:
        return self.fr if _language(language) == "fr" else self.en


@dataclass(frozen=True)
class OccupationSuggestion:
    uri: str
    label: str
    matched: str | None
    isco: str


@dataclass(frozen=True)
class OccupationSkills:
    essential: tuple[str, ...]  # concept URIs, most needed across occupations first
    optional: tuple[str, ...]


# One label: (language, text, folded, spaced, preferred), where spaced is " word word ..." so that
# " " + a typed word is in it iff one of its words starts with it. A plain tuple of strings, not a
# dataclass: the garbage collector stops tracking those, and the cache holds ~40,000 labels (with
# dataclasses, full collections over them made the slowest keystrokes 50 ms instead of 14).
_Label = tuple[str, str, str, str, bool]
_TEXT: Final = 1
_FOLDED: Final = 2
_SPACED: Final = 3


@dataclass(frozen=True)
class _Entry:
    id: int
    concept: Concept
    labels: tuple[_Label, ...]


class Vocabulary:
    """One read-only resource; opened on first use, shared by threads."""

    def __init__(self, path: Path | str | None = None) -> None:
        self.path = Path(path or os.environ.get(PATH_VARIABLE) or DEFAULT_PATH)
        self._lock = threading.RLock()
        self._db: sqlite3.Connection | None = None
        self._groups: dict[int, str] = {}
        self._exact: tuple[array, array] | None = None
        self._short: dict[str, array] | None = None
        self._packed_rows: dict[str, bytes] | None = None
        self._entries: OrderedDict[int, _Entry] = OrderedDict()
        self._postings: OrderedDict[str, frozenset[int]] = OrderedDict()
        self._ids: dict[str, int] = {}
        self._occupations: list[tuple[Occupation, tuple[_Label, ...]]] | None = None

    # -- opening -------------------------------------------------------------------------

    def _conn(self) -> sqlite3.Connection:
        if self._db is None:
            self._db = self._open()
        return self._db

    def _open(self) -> sqlite3.Connection:
        if not self.path.is_file():
            raise VocabularyUnavailable(
                f"The ESCO skills vocabulary is missing ({self.path}). Reinstall Skiller, or rebuild it with "
                "`python resources/esco/build_vocabulary.py`.", self.path)
        # immutable: no locks and no -wal/-shm next to a file that may sit in a read-only install dir
        db = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro&immutable=1", uri=True,
                             check_same_thread=False)
        try:
            version = db.execute("PRAGMA user_version").fetchone()[0]
            meta = dict(db.execute("SELECT key, value FROM meta"))
            self._groups = dict(db.execute("SELECT id, label FROM skill_group"))
        except sqlite3.DatabaseError as error:
            db.close()
            raise VocabularyUnavailable(f"The ESCO skills vocabulary at {self.path} is unreadable ({error}); "
                                        "reinstall or rebuild it.", self.path) from None
        if version != FORMAT_VERSION or meta.get("fold_version") != str(FOLD_VERSION):
            db.close()
            raise VocabularyUnavailable(
                f"The ESCO skills vocabulary at {self.path} has format {version}/{meta.get('fold_version')}, "
                f"this Skiller reads {FORMAT_VERSION}/{FOLD_VERSION}; rebuild it.", self.path)
        return db

    def close(self) -> None:
        with self._lock:
            if self._db is not None:
                self._db.close()
                self._db = None

    def stats(self) -> dict[str, str]:
        """The build's counts and source checksums, for the About box and diagnostics."""
        with self._lock:
            return dict(self._conn().execute("SELECT key, value FROM meta"))

    def concept_uris(self) -> list[str]:
        """Every concept's URI, most needed by occupations first (for pickers, seeding, benchmarks)."""
        with self._lock:
            rows = self._conn().execute("SELECT uuid FROM concept ORDER BY id")
            return [uri_of(raw, SKILL_PREFIX) for (raw,) in rows]

    # -- concepts ------------------------------------------------------------------------

    def concept(self, uri: str) -> Concept | None:
        with self._lock:
            concept_id = self._id_of(uri)
            return None if concept_id is None else self._load([concept_id])[concept_id].concept

    def label(self, uri: str, language: str) -> str | None:
        concept = self.concept(uri)
        return None if concept is None else concept.label(language)

    def lookup_exact(self, label: str) -> list[str]:
        """URIs of every concept having `label` (folded) as a label or synonym, most needed first.

        More than one URI means the label is ambiguous: ask, never guess (744 folded
        labels in ESCO v1.1.1 name several concepts).
        """
        folded = fold_label(label)
        with self._lock:
            return [entry.concept.uri for entry in self._exact_entries(folded)]

    # -- autocomplete --------------------------------------------------------------------

    def suggest(self, text: str, language: str = "en", limit: int = 10,
                usage: Mapping[str, int] | None = None) -> list[Suggestion]:
        """Concepts matching what was typed so far, best first; `usage` maps URI -> uses in the network."""
        query = fold_label(text)
        tokens = [" " + word for word in label_words(query)]
        if not tokens or limit <= 0:
            return []
        language = _language(language)
        with self._lock:
            used = self._used_ids(usage or {})
            ranked = self._rank(query, tokens, language, used, limit)
        return [self._suggestion(entry, label, language, used.get(entry.id, 0)) for _, entry, label in ranked[:limit]]

    def _rank(self, query: str, tokens: list[str], language: str, used: dict[int, int],
              limit: int) -> list[tuple[tuple[int, ...], _Entry, _Label]]:
        """Exact and used concepts, then candidates most needed first, a batch at a time.

        Candidates are read until `limit` of them show a label starting with the text
        (no later one can rank above: ids only grow), else up to a window, so a label
        that starts with the text wins over word matches among the most needed skills;
        past the window only while fewer than `limit` matched.
        """
        candidates = self._candidates(tokens)
        ranked: dict[int, tuple[tuple[int, ...], _Entry, _Label]] = {}

        def check(ids: list[int]) -> None:
            for concept_id, entry in self._load(ids).items():
                match = _best_of(entry.labels, query, tokens, language)
                if match is not None and concept_id not in ranked:
                    tier, label = match
                    ranked[concept_id] = ((tier > _EXACT_OTHER, -used.get(concept_id, 0), tier,
                                           *_closeness(tier, label, tokens), concept_id), entry, label)

        check([entry.id for entry in self._exact_entries(query)] + [i for i in used if i in candidates])
        ordered = sorted(candidates)
        longest = max(len(token) for token in tokens) - 1  # tokens carry a leading space
        window = _WINDOW if longest > 2 else _SHORT_WINDOW
        checked = 0
        while checked < len(ordered):
            check(ordered[checked:checked + _BATCH])
            checked += _BATCH
            if sum(1 for key, _, _ in ranked.values() if key[2] <= _START_SHOWN) >= limit:
                break
            if checked >= window and (len(ranked) >= limit or checked >= _MAX_CHECKED):
                break
        return sorted(ranked.values(), key=lambda item: item[0])

    def _candidates(self, tokens: list[str]) -> frozenset[int]:
        """Concepts having, in any of their labels, a word starting with each typed word.

        A superset of the matches: the words must also be in one label, checked later.
        """
        found: frozenset[int] | None = None
        for token in sorted({token.lstrip() for token in tokens}, key=len, reverse=True):
            ids = self._prefix_postings(token)
            found = ids if found is None else found & ids
            if not found:
                break
        return found or frozenset()

    def _prefix_postings(self, token: str) -> frozenset[int]:
        cached = self._postings.get(token)
        if cached is not None:
            self._postings.move_to_end(token)
            return cached
        ids: set[int] = set()
        short = self._short_starts().get(token) if len(token) <= SHORT_PREFIX else None
        if short is not None:
            ids.update(short)
        else:
            rows = self._conn().execute("SELECT concepts FROM word WHERE word >= ? AND word < ?",
                                        (token, token + "\U0010ffff"))
            for (blob,) in rows:
                ids.update(unpack_ids(blob))
        found = frozenset(ids)
        self._postings[token] = found
        if len(self._postings) > _TOKENS_CACHE:
            self._postings.popitem(last=False)
        return found

    def _suggestion(self, entry: _Entry, label: _Label, language: str, usage: int) -> Suggestion:
        shown = entry.concept.label(language)
        matched = None if label[_FOLDED] == fold_label(shown) else label[_TEXT]
        return Suggestion(entry.concept.uri, shown, matched, entry.concept.groups, entry.concept.kind, usage)

    # -- occupations ---------------------------------------------------------------------

    def occupation(self, uri: str) -> Occupation | None:
        with self._lock:
            for occupation, _ in self._all_occupations():
                if occupation.uri == uri:
                    return occupation
        return None

    def occupation_suggest(self, text: str, language: str = "en", limit: int = 10) -> list[OccupationSuggestion]:
        """Occupations (3,007) by the same rules as skills; scanned in memory, a few ms."""
        query = fold_label(text)
        tokens = [" " + word for word in label_words(query)]
        if not tokens or limit <= 0:
            return []
        language = _language(language)
        ranked = []
        with self._lock:
            occupations = self._all_occupations()
        for number, (occupation, labels) in enumerate(occupations):
            match = _best_of(labels, query, tokens, language)
            if match is not None:
                ranked.append(((match[0], len(match[1][_TEXT]), number), occupation, match[1]))
        ranked.sort(key=lambda item: item[0])
        return [_occupation_suggestion(occupation, label, language) for _, occupation, label in ranked[:limit]]

    def occupation_skills(self, uri: str) -> OccupationSkills | None:
        """The occupation's essential and optional skills (URIs), or None for an unknown occupation."""
        try:
            raw = uuid_bytes(uri, OCCUPATION_PREFIX)
        except ValueError:
            return None
        with self._lock:
            row = self._conn().execute("SELECT essential, optional FROM occupation WHERE uuid = ?", (raw,)).fetchone()
            if row is None:
                return None
            uris = self._uris([*unpack_ids(row[0]), *unpack_ids(row[1])])
        essential = tuple(uris[concept_id] for concept_id in unpack_ids(row[0]))
        return OccupationSkills(essential, tuple(uris[concept_id] for concept_id in unpack_ids(row[1])))

    def _all_occupations(self) -> list[tuple[Occupation, tuple[_Label, ...]]]:
        if self._occupations is None:
            rows = self._conn().execute("SELECT uuid, en, fr, isco FROM occupation ORDER BY id")
            self._occupations = []
            for raw, en, fr, isco in rows:
                occupation = Occupation(uri_of(raw, OCCUPATION_PREFIX), en, fr, isco)
                labels = (_make_label("en", en, True), *(_make_label("fr", part, True) for part in _genders(fr)))
                self._occupations.append((occupation, labels))
        return self._occupations

    # -- storage helpers (callers hold the lock) -----------------------------------------

    def _id_of(self, uri: str) -> int | None:
        if uri not in self._ids:
            try:
                raw = uuid_bytes(uri, SKILL_PREFIX)
            except ValueError:
                return None
            row = self._conn().execute("SELECT id FROM concept WHERE uuid = ?", (raw,)).fetchone()
            if row is None:
                return None
            self._ids[uri] = row[0]
        return self._ids[uri]

    def _used_ids(self, usage: Mapping[str, int]) -> dict[int, int]:
        used: dict[int, int] = {}
        for uri, count in usage.items():
            concept_id = self._id_of(uri)
            if concept_id is not None and count > 0:
                used[concept_id] = count
        return used

    def _uris(self, ids: Iterable[int]) -> dict[int, str]:
        wanted = sorted(set(ids))
        found: dict[int, str] = {}
        for chunk in _chunks(wanted, 500):
            marks = ",".join("?" * len(chunk))
            for concept_id, raw in self._conn().execute(f"SELECT id, uuid FROM concept WHERE id IN ({marks})", chunk):
                found[concept_id] = uri_of(raw, SKILL_PREFIX)
        return found

    def _exact_entries(self, folded: str) -> list[_Entry]:
        hashes, concepts = self._exact_index()
        key = label_hash(folded)
        start = bisect.bisect_left(hashes, key)
        end = bisect.bisect_right(hashes, key, lo=start)
        ids = list(concepts[start:end])
        entries = self._load(ids)
        return [entries[i] for i in sorted(entries) if any(label[_FOLDED] == folded for label in entries[i].labels)]

    def _exact_index(self) -> tuple[array, array]:
        if self._exact is None:
            packed = self._packed()
            self._exact = (unpack_ids(packed["exact_hashes"], "I"), unpack_ids(packed["exact_concepts"]))
        return self._exact

    def _short_starts(self) -> dict[str, array]:
        if self._short is None:
            packed = self._packed()
            text = packed["short_prefixes"].decode("utf-8")
            prefixes = text.split("\n") if text else []
            offsets = unpack_ids(packed["short_offsets"], "I")
            concepts = unpack_ids(packed["short_concepts"])
            self._short = {prefix: concepts[offsets[n]:offsets[n + 1]] for n, prefix in enumerate(prefixes)}
        return self._short

    def _packed(self) -> dict[str, bytes]:
        """The in-memory arrays (0.7 MB + 0.7 MB), read in one query the first time either is needed."""
        if self._packed_rows is None:
            self._packed_rows = dict(self._conn().execute("SELECT name, data FROM packed"))
        return self._packed_rows

    def _load(self, ids: Iterable[int]) -> dict[int, _Entry]:
        """Decoded concepts by id, from the cache or in one query for the missing ones."""
        found: dict[int, _Entry] = {}
        missing = []
        for concept_id in ids:
            entry = self._entries.get(concept_id)
            if entry is None:
                missing.append(concept_id)
            else:
                self._entries.move_to_end(concept_id)
                found[concept_id] = entry
        for chunk in _chunks(sorted(set(missing)), 500):
            marks = ",".join("?" * len(chunk))
            query = f"SELECT id, uuid, kind, en, fr, groups, alt FROM concept WHERE id IN ({marks})"
            for row in self._conn().execute(query, chunk):
                entry = self._decode(*row)
                found[entry.id] = self._entries[entry.id] = entry
        while len(self._entries) > _CACHE:
            self._entries.popitem(last=False)
        return found

    def _decode(self, concept_id: int, raw: bytes, kind: int, en: str, fr: str, groups: str,
                alt: bytes | None) -> _Entry:
        alternatives = unpack_alternatives(alt)
        concept = Concept(
            uri_of(raw, SKILL_PREFIX), KINDS[kind], en, fr,
            tuple(self._groups[int(number)] for number in groups.split(",") if number),
            tuple(text for language, text in alternatives if language == "en"),
            tuple(text for language, text in alternatives if language == "fr"),
        )
        texts = [("en", en, True), ("fr", fr, True), *((language, text, False) for language, text in alternatives)]
        labels = tuple((language, text, folded, " " + " ".join(label_words(folded)), preferred)
                       for (language, text, preferred), folded in zip(texts, _fold_all(texts), strict=True))
        return _Entry(concept_id, concept, labels)


def _language(language: str) -> str:
    """"fr", "fr_FR" and "fr-CA" read French; anything else reads English (the two ESCO gives us)."""
    return "fr" if language[:2].lower() == "fr" else "en"


def _make_label(language: str, text: str, preferred: bool) -> _Label:
    folded = fold_label(text)
    return (language, text, folded, " " + " ".join(label_words(folded)), preferred)


def _fold_all(texts: list[tuple[str, str, bool]]) -> list[str]:
    """Every label of a concept folded in one call: decoding is most of a cold keystroke.

    Folding works character by character and the builder stores labels trimmed with
    single spaces, so folding "a|b" gives fold(a) + "|" + fold(b); a label holding
    "|" itself (none in ESCO) falls back to one call each.
    """
    folded = fold_label("|".join(text for _, text, _ in texts)).split("|")
    if len(folded) != len(texts):
        folded = [fold_label(text) for _, text, _ in texts]
    return folded


def _genders(label: str) -> list[str]:
    """"développeur web/développeuse web" -> both forms, so either one typed matches from its start."""
    parts = [part.strip() for part in label.split("/") if part.strip()]
    return [label, *parts] if len(parts) > 1 else [label]


def _tier(label: _Label, query: str, tokens: list[str]) -> int | None:
    """0: the whole label; 1: the label starts with the text; 2: each typed word starts a word; else None.

    `tokens` are the typed words with a leading space, to be found in the label's spaced words.
    """
    folded, spaced = label[_FOLDED], label[_SPACED]
    if folded == query:
        return 0
    if folded.startswith(query):
        return 1
    if all(token in spaced for token in tokens):
        return 2
    return None


# How a concept matched, best first. "Shown" is the label the user will see (preferred, their language).
_EXACT_SHOWN, _EXACT_OTHER, _START_SHOWN, _START_OTHER, _WORDS = range(5)
_REFINED = {(0, True): _EXACT_SHOWN, (0, False): _EXACT_OTHER, (1, True): _START_SHOWN, (1, False): _START_OTHER,
            (2, True): _WORDS, (2, False): _WORDS}


def _closeness(tier: int, label: _Label, tokens: list[str]) -> tuple[int, int]:
    """Among labels that do not start with the text: whole words typed, then short labels, first.

    "excel" puts "Microsoft Office Excel" before "process excellence". Labels that
    start with the text are left in id order: that lets `_rank` stop early.
    """
    if tier <= _START_SHOWN:
        return (0, 0)
    padded = label[_SPACED] + " "
    return (-sum(1 for token in tokens if token + " " in padded), padded.count(" "))


def _best_of(labels: Iterable[_Label], query: str, tokens: list[str], language: str) -> tuple[int, _Label] | None:
    """The best-matching label and how it matched; ties go to the user's language, then to preferred labels."""
    best: tuple[tuple[int, bool, bool, int], _Label] | None = None
    for label in labels:
        tier = _tier(label, query, tokens)
        if tier is not None:
            label_language, text, _, _, preferred = label
            shown = preferred and label_language == language
            key = (_REFINED[tier, shown], label_language != language, not preferred, len(text))
            if best is None or key < best[0]:
                best = (key, label)
    return None if best is None else (best[0][0], best[1])


def _occupation_suggestion(occupation: Occupation, label: _Label, language: str) -> OccupationSuggestion:
    shown = occupation.label(language)
    text = label[_TEXT]
    matched = None if text == shown or text in _genders(shown) else text
    return OccupationSuggestion(occupation.uri, shown, matched, occupation.isco)


def _chunks(items: list[int], size: int) -> Iterable[list[int]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


_shared: Vocabulary | None = None
_shared_lock = threading.Lock()


def shared() -> Vocabulary:
    """The app's one vocabulary; creating it opens nothing (the first query does)."""
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = Vocabulary()
        return _shared


def suggest(text: str, language: str = "en", limit: int = 10,
            usage: Mapping[str, int] | None = None) -> list[Suggestion]:
    return shared().suggest(text, language, limit, usage)


def concept(uri: str) -> Concept | None:
    return shared().concept(uri)


def label(uri: str, language: str) -> str | None:
    return shared().label(uri, language)


def lookup_exact(text: str) -> list[str]:
    return shared().lookup_exact(text)


def occupation_suggest(text: str, language: str = "en", limit: int = 10) -> list[OccupationSuggestion]:
    return shared().occupation_suggest(text, language, limit)


def occupation_skills(uri: str) -> OccupationSkills | None:
    return shared().occupation_skills(uri)
