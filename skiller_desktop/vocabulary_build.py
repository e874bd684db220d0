"""Turn the ESCO TSV subset (../shared/samples/esco) into the compact SQLite resource the app ships.

Run by `resources/esco/build_vocabulary.py`; kept in the package so a test can
build a resource from a tiny fixture and so the builder and the reader share
`vocabulary_format`. The output is deterministic: rows are inserted in a fixed
order, nothing depends on time or on set order, and the file is vacuumed, so
the same inputs and the same SQLite give the same bytes.

Why this layout (measured on ESCO v1.1.1, 13,680 skills, 115,339 labels):
- URIs are stored as their 16-byte UUID (the prefix is fixed per table);
- concept ids are ranks by how many occupations need a skill (essential
  counts twice), so "sorted by id" already means "most needed first", and a
  posting list is ascending uint16 ids, 2 bytes each;
- alternative labels, needed only for the few concepts a query reaches, are
  deflated per concept;
- the word index holds one row per distinct folded word, with the ids of the
  concepts having a label containing it; a typed prefix is a range of rows;
- the `exact` table maps a 32-bit hash of each folded label to its concepts,
  for exact matches and for `lookup_exact` (labels naming several concepts).
"""

from __future__ import annotations

import csv
import hashlib
import os
import sqlite3
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .vocabulary_format import (
    APPLICATION_ID,
    FOLD_VERSION,
    FORMAT_VERSION,
    KINDS,
    OCCUPATION_PREFIX,
    SHORT_MIN,
    SHORT_PREFIX,
    SKILL_PREFIX,
    fold_label,
    label_hash,
    label_words,
    pack_alternatives,
    pack_hashes,
    pack_ids,
    uuid_bytes,
)

SOURCE_FILES = ("skills.tsv", "occupations.tsv", "occupation_skills.tsv")

SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE skill_group (id INTEGER PRIMARY KEY, label TEXT NOT NULL);
CREATE TABLE concept (
    id INTEGER PRIMARY KEY,   -- rank: most needed by occupations first
    uuid BLOB NOT NULL,       -- 16 bytes; uri = SKILL_PREFIX + uuid
    kind INTEGER NOT NULL,    -- index in KINDS
    en TEXT NOT NULL,
    fr TEXT NOT NULL,
    groups TEXT NOT NULL,     -- skill_group ids joined by ","; "" when none
    alt BLOB                  -- deflated "e<label>"/"f<label>" lines; NULL when none
);
CREATE TABLE word (word TEXT PRIMARY KEY, concepts BLOB NOT NULL) WITHOUT ROWID;
-- Arrays read whole into memory on first use (one row each: a row per item wasted 40 % in
-- overflow pages). The exact-label index: `exact_hashes` (uint32, ascending) and `exact_concepts`
-- (uint16), one pair per (folded label, concept), bisected. The short starts: for each 1- to
-- 3-letter start of words shared by more than SHORT_MIN concepts, the union of their postings
-- (gathering a letter's ~8,000 ids took ~12 ms a keystroke): `short_prefixes` (UTF-8, one a line),
-- `short_offsets` (uint32, one more than prefixes) and `short_concepts` (uint16, concatenated).
CREATE TABLE packed (name TEXT PRIMARY KEY, data BLOB NOT NULL) WITHOUT ROWID;
CREATE TABLE occupation (
    id INTEGER PRIMARY KEY,
    uuid BLOB NOT NULL,
    en TEXT NOT NULL,
    fr TEXT NOT NULL,
    isco TEXT NOT NULL,
    essential BLOB NOT NULL,  -- concept ids, ascending
    optional BLOB NOT NULL
);
"""
INDEXES = """
CREATE UNIQUE INDEX concept_by_uuid ON concept (uuid);
CREATE UNIQUE INDEX occupation_by_uuid ON occupation (uuid);
"""


class BuildError(Exception):
    """The source files are missing or not in the expected format; the message says which line."""


@dataclass(frozen=True)
class BuildReport:
    path: Path
    concepts: int
    labels: int
    words: int
    ambiguous_labels: int
    occupations: int
    relations: int
    size: int


@dataclass
class _Skill:
    uuid: bytes
    kind: int
    en: str
    fr: str
    groups: list[str]
    alternatives: list[tuple[str, str]]

    def labels(self) -> list[str]:
        return [self.en, self.fr, *(label for _, label in self.alternatives)]


def build(source: Path, out: Path) -> BuildReport:
    """Build `out` from the three TSV files in `source`; `out` is replaced only when complete."""
    skills = _read_skills(source / "skills.tsv")
    occupations = _read(source / "occupations.tsv", ("uri", "en_label", "fr_label", "isco_group"))
    relations = _read(source / "occupation_skills.tsv", ("occupation_uri", "skill_uri", "relation"))
    order = _rank(skills, relations)
    ids = {uri: rank for rank, uri in enumerate(order, start=1)}
    tmp = out.with_name(out.name + ".tmp")
    tmp.unlink(missing_ok=True)
    out.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(tmp, isolation_level=None)
    try:
        db.executescript("PRAGMA page_size = 4096; PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;")
        db.executescript(SCHEMA)  # executescript commits first: schema and indexes stay outside BEGIN
        db.execute("BEGIN")
        counts = _write_concepts(db, [skills[uri] for uri in order])
        counts["occupations"], counts["relations"] = _write_occupations(db, occupations, relations, ids)
        _write_meta(db, source, counts)
        db.execute("COMMIT")
        db.executescript(INDEXES)
        db.execute(f"PRAGMA user_version = {FORMAT_VERSION}")
        db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        db.execute("VACUUM")
        db.execute("PRAGMA journal_mode = DELETE")
    finally:
        db.close()
    os.replace(tmp, out)
    return BuildReport(out, len(order), counts["labels"], counts["words"], counts["ambiguous"],
                       counts["occupations"], counts["relations"], out.stat().st_size)


def _read(path: Path, columns: tuple[str, ...]) -> list[dict[str, str]]:
    """Rows of a TSV as the README says to read it (no quoting); missing columns are refused."""
    if not path.is_file():
        raise BuildError(f"missing source file: {path}")
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        missing = [column for column in columns if column not in (reader.fieldnames or [])]
        if missing:
            raise BuildError(f"{path.name}: missing column(s) {', '.join(missing)}")
        return list(reader)


def _split(value: str | None) -> list[str]:
    return [_tidy(part) for part in (value or "").split("|") if part.strip()]


def _tidy(label: str) -> str:
    """Trimmed, single spaces (the README promises it; the reader's one-call folding relies on it)."""
    return " ".join(label.split())


def _read_skills(path: Path) -> dict[str, _Skill]:
    columns = ("uri", "type", "en_label", "fr_label", "en_alt", "fr_alt", "skill_group")
    skills: dict[str, _Skill] = {}
    for line, row in enumerate(_read(path, columns), start=2):
        try:
            raw = uuid_bytes(row["uri"], SKILL_PREFIX)
            kind = KINDS.index(row["type"])
        except ValueError as error:
            raise BuildError(f"{path.name} line {line}: {error}") from None
        en, fr = _tidy(row["en_label"]), _tidy(row["fr_label"])
        if not en:
            raise BuildError(f"{path.name} line {line}: no English label")
        alternatives = [("en", label) for label in _split(row["en_alt"])]
        alternatives += [("fr", label) for label in _split(row["fr_alt"])]
        skills[row["uri"]] = _Skill(raw, kind, en, fr or en, _split(row["skill_group"]), alternatives)
    return skills


def _rank(skills: dict[str, _Skill], relations: list[dict[str, str]]) -> list[str]:
    """Skill URIs, most needed first: the static order every suggestion list starts from."""
    need: dict[str, int] = defaultdict(int)
    for relation in relations:
        need[relation["skill_uri"]] += 2 if relation["relation"] == "essential" else 1
    if len(skills) >= 1 << 16:
        raise BuildError(f"{len(skills):,} concepts do not fit the 16-bit posting format")
    return sorted(skills, key=lambda uri: (-need[uri], fold_label(skills[uri].en), uri))


def _write_concepts(db: sqlite3.Connection, skills: list[_Skill]) -> dict[str, int]:
    groups = sorted({group for skill in skills for group in skill.groups})
    group_ids = {group: number for number, group in enumerate(groups, start=1)}
    db.executemany("INSERT INTO skill_group (id, label) VALUES (?, ?)", [(group_ids[g], g) for g in groups])
    words: dict[str, set[int]] = defaultdict(set)
    exact: dict[str, set[int]] = defaultdict(set)
    labels = 0
    for concept_id, skill in enumerate(skills, start=1):
        db.execute(
            "INSERT INTO concept (id, uuid, kind, en, fr, groups, alt) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (concept_id, skill.uuid, skill.kind, skill.en, skill.fr,
             ",".join(str(group_ids[g]) for g in skill.groups), pack_alternatives(skill.alternatives)),
        )
        for label in skill.labels():
            labels += 1
            folded = fold_label(label)
            exact[folded].add(concept_id)
            for word in label_words(folded):
                words[word].add(concept_id)
    db.executemany("INSERT INTO word (word, concepts) VALUES (?, ?)",
                   ((word, pack_ids(sorted(words[word]))) for word in sorted(words)))
    _write_short(db, words)
    _write_exact(db, exact)
    ambiguous = sum(1 for ids in exact.values() if len(ids) > 1)
    return {"labels": labels, "words": len(words), "ambiguous": ambiguous, "concepts": len(skills)}


def _write_short(db: sqlite3.Connection, words: dict[str, set[int]]) -> None:
    starts: dict[str, set[int]] = defaultdict(set)
    for word, ids in words.items():
        for length in range(1, SHORT_PREFIX + 1):
            if len(word) >= length:
                starts[word[:length]] |= ids
    prefixes = [prefix for prefix in sorted(starts) if len(starts[prefix]) > SHORT_MIN]
    concepts: list[int] = []
    offsets = [0]
    for prefix in prefixes:
        concepts += sorted(starts[prefix])
        offsets.append(len(concepts))
    db.executemany("INSERT INTO packed (name, data) VALUES (?, ?)", [
        ("short_concepts", pack_ids(concepts)),
        ("short_offsets", pack_hashes(offsets)),
        ("short_prefixes", "\n".join(prefixes).encode("utf-8")),
    ])


def _write_exact(db: sqlite3.Connection, exact: dict[str, set[int]]) -> None:
    """Pairs sorted by (hash, concept); 6 bytes a pair where a rowid table took 14 a label.

    A hash collision only widens the candidates: the reader compares the labels.
    """
    pairs = sorted({(label_hash(folded), concept) for folded, ids in exact.items() for concept in ids})
    db.executemany("INSERT INTO packed (name, data) VALUES (?, ?)", [
        ("exact_concepts", pack_ids([concept for _, concept in pairs])),
        ("exact_hashes", pack_hashes([key for key, _ in pairs])),
    ])


def _write_occupations(db: sqlite3.Connection, occupations: list[dict[str, str]],
                       relations: list[dict[str, str]], ids: dict[str, int]) -> tuple[int, int]:
    needs: dict[str, dict[str, list[int]]] = defaultdict(lambda: {"essential": [], "optional": []})
    kept = 0
    for relation in relations:
        kind = relation["relation"]
        if relation["skill_uri"] in ids and kind in ("essential", "optional"):
            needs[relation["occupation_uri"]][kind].append(ids[relation["skill_uri"]])
            kept += 1
    rows = []
    for row in occupations:
        try:
            raw = uuid_bytes(row["uri"], OCCUPATION_PREFIX)
        except ValueError as error:
            raise BuildError(f"occupations.tsv: {error}") from None
        rows.append((fold_label(row["en_label"]), row["uri"], raw, row))
    rows.sort(key=lambda item: (item[0], item[1]))
    for number, (_, uri, raw, row) in enumerate(rows, start=1):
        need = needs.get(uri, {"essential": [], "optional": []})
        db.execute(
            "INSERT INTO occupation (id, uuid, en, fr, isco, essential, optional) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (number, raw, row["en_label"], row["fr_label"] or row["en_label"], row["isco_group"],
             pack_ids(sorted(need["essential"])), pack_ids(sorted(need["optional"]))),
        )
    return len(rows), kept


def _write_meta(db: sqlite3.Connection, source: Path, counts: dict[str, int]) -> None:
    meta = {
        "format_version": str(FORMAT_VERSION),
        "fold_version": str(FOLD_VERSION),
        **{f"count_{name}": str(value) for name, value in sorted(counts.items())},
        **{f"sha256_{name}": _sha256(source / name) for name in SOURCE_FILES},
    }
    db.executemany("INSERT INTO meta (key, value) VALUES (?, ?)", sorted(meta.items()))


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def describe(report: BuildReport) -> Iterable[str]:
    yield f"wrote {report.path} ({report.size / 1e6:.2f} MB)"
    yield (f"{report.concepts:,} concepts, {report.labels:,} labels, {report.words:,} words, "
           f"{report.ambiguous_labels:,} folded labels naming several concepts")
    yield f"{report.occupations:,} occupations, {report.relations:,} occupation-skill relations"
