"""Read-only questions over the read models: people, skills, endorsements, search."""

from __future__ import annotations

import heapq
import json
import sqlite3
from collections.abc import Iterator

from . import search_index, standing_read, standing_search, standing_sql
from .concepts import concepts_named
from .db import Database
from .standing_sql import COUNTED, HIDDEN, SUMMARY
from .text import skill_key
from .views import (
    Endorsement,
    ImportedEndorsement,
    Offer,
    PersonSummary,
    Profile,
    Response,
    SearchPage,
    Skill,
    Thanks,
)


def _holder_order(row: sqlite3.Row) -> tuple:
    """The order of the holders without a standing: claimed level, then name."""
    return -row["matched_level"], row["person_name_fold"], row["person_id"]


def _summary(row: sqlite3.Row, skill: str = "", level: int = 0, standing: float | None = None) -> PersonSummary:
    return PersonSummary(
        row["person_id"],
        row["name"],
        row["headline"],
        row["location"],
        row["availability"],
        row["skill_count"],
        skill,
        level,
        standing,
    )


class Queries:
    def __init__(self, db: Database) -> None:
        self.db = db

    def person_exists(self, person_id: str) -> bool:
        return self.db.one("SELECT 1 FROM persons WHERE person_id = ?", (person_id,)) is not None

    def person_name(self, person_id: str) -> str:
        row = self.db.one("SELECT name FROM persons WHERE person_id = ?", (person_id,))
        return row["name"] if row else ""

    def person_summary(self, person_id: str) -> PersonSummary | None:
        """One person's row of the People list (to redraw it alone when only their skills changed)."""
        row = self.db.one(f"SELECT {SUMMARY} FROM persons p WHERE p.person_id = ?", (person_id,))
        return _summary(row) if row is not None else None

    def profile(self, person_id: str) -> Profile | None:
        row = self.db.one("SELECT * FROM persons WHERE person_id = ?", (person_id,))
        if row is None:
            return None
        return Profile(
            row["person_id"],
            row["name"],
            row["headline"],
            row["bio"],
            row["location"],
            json.loads(row["links"]),
            json.loads(row["languages"]),
            row["availability"],
        )

    def people(self, limit: int = 50, offset: int = 0) -> list[PersonSummary]:
        rows = self.db.query(
            f"SELECT {SUMMARY} FROM persons p ORDER BY p.name_fold, p.person_id LIMIT ? OFFSET ?",
            (limit, offset),
        )
        return [_summary(r) for r in rows]

    def count_people(self) -> int:
        return int(self.db.scalar("SELECT COUNT(*) AS n FROM persons"))

    def skills(self, person_id: str, key: str | None = None) -> list[Skill]:
        """A person's skills in their order, with the endorsements that count; or only the one with `key`."""
        rows = self.db.query(
            f"""SELECT s.*, {ENDORSEMENT_COUNT} AS endorsement_count
               FROM skills s WHERE s.person_id = ? AND (? IS NULL OR s.skill_key = ?)
               ORDER BY s.position, s.skill_key""",
            (person_id, key, key),
        )
        return [
            Skill(
                r["skill_key"],
                r["name"],
                r["level"],
                r["years"],
                r["description"],
                json.loads(r["keywords"]),
                json.loads(r["evidence"]),
                r["position"],
                r["endorsement_count"],
                r["concept"],
                r["doc_key"] if r["doc_key"] != r["skill_key"] else "",
            )
            for r in rows
        ]

    def skill(self, person_id: str, name: str) -> Skill | None:
        found = self.skills(person_id, skill_key(name))
        return found[0] if found else None

    def endorsements(
        self,
        *,
        subject_id: str | None = None,
        endorser_id: str | None = None,
        include_revoked: bool = False,
        include_hidden: bool = True,
    ) -> list[Endorsement]:
        where, params = [], []
        if subject_id:
            where.append("e.subject_id = ?")
            params.append(subject_id)
        if endorser_id:
            where.append("e.endorser_id = ?")
            params.append(endorser_id)
        if not include_revoked:
            where.append("e.revoked = 0")
        if not include_hidden:
            where.append(f"NOT {HIDDEN}")
        rows = self.db.query(
            f"""SELECT e.*, COALESCE(a.name, '') AS endorser_name, COALESCE(b.name, '') AS subject_name,
                       COALESCE((SELECT s.name FROM skills s WHERE s.person_id = e.subject_id
                                                                 AND s.skill_group = e.skill_group),
                                (SELECT s.name FROM skills s WHERE s.person_id = e.subject_id
                                                                 AND s.skill_key = e.skill_key),
                                e.skill_name) AS display_skill,
                       {HIDDEN} AS hidden
                FROM endorsements e
                LEFT JOIN persons a ON a.person_id = e.endorser_id
                LEFT JOIN persons b ON b.person_id = e.subject_id
                WHERE {" AND ".join(where) or "1"}
                ORDER BY e.skill_key, e.date DESC, e.endorsement_id, e.endorser_id""",
            params,
        )
        return [
            Endorsement(
                r["endorsement_id"],
                r["endorser_id"],
                r["endorser_name"],
                r["subject_id"],
                r["subject_name"],
                r["display_skill"],
                r["comment"],
                r["level"],
                r["date"],
                bool(r["revoked"]),
                bool(r["hidden"]),
                r["concept"],
                r["skill_group"],
            )
            for r in rows
        ]

    def imported_endorsements(self, person_id: str) -> list[ImportedEndorsement]:
        rows = self.db.query(
            "SELECT * FROM imported_endorsements WHERE person_id = ? ORDER BY skill_key, date",
            (person_id,),
        )
        return [
            ImportedEndorsement(
                r["import_id"],
                r["source"],
                r["skill_name"],
                r["endorser_name"],
                r["endorser_url"],
                r["date"],
            )
            for r in rows
        ]

    # -- profiles (issue 12.6): thanks, and what the user has not seen yet ----------------
    def thanks_for(self, *, endorser_id: str | None = None, thanker_id: str | None = None) -> list[Thanks]:
        """Thanks for endorsements `endorser_id` gave, or that `thanker_id` sent, newest first.

        Only the endorsement's subject can thank for it: a thanks naming someone
        else's endorsement is signed by its author but reads as nothing.
        """
        rows = self.db.query(
            """SELECT t.*, COALESCE(p.name, '') AS thanker_name FROM thanks t
               JOIN endorsements e ON e.endorser_id = t.endorser_id AND e.endorsement_id = t.endorsement_id
                                  AND e.subject_id = t.thanker_id
               LEFT JOIN persons p ON p.person_id = t.thanker_id
               WHERE (? IS NULL OR t.endorser_id = ?) AND (? IS NULL OR t.thanker_id = ?)
               ORDER BY t.date DESC, t.thanker_id, t.thanks_id""",
            (endorser_id, endorser_id, thanker_id, thanker_id),
        )
        return [Thanks(r["thanks_id"], r["thanker_id"], r["thanker_name"], r["endorser_id"], r["endorsement_id"],
                       r["message"], r["date"]) for r in rows]

    def unseen_endorsements(self, subject_id: str) -> set[tuple[str, str]]:
        """(endorser id, endorsement id) of the endorsements `subject_id` received and has not looked at."""
        rows = self.db.query(
            """SELECT e.endorser_id, e.endorsement_id FROM endorsements e
               WHERE e.subject_id = ? AND e.revoked = 0 AND NOT EXISTS (
                   SELECT 1 FROM endorsements_seen s
                   WHERE s.endorser_id = e.endorser_id AND s.endorsement_id = e.endorsement_id)""",
            (subject_id,),
        )
        return {(r["endorser_id"], r["endorsement_id"]) for r in rows}

    def offers(
        self,
        *,
        skill: str | None = None,
        kind: str | None = None,
        status: str | None = None,
        person_id: str | None = None,
        limit: int = 200,
        offset: int = 0,
    ) -> list[Offer]:
        where, params = [], []
        if skill and skill_key(skill):  # its words, or a concept they name in either language (issue 13)
            groups = [skill_key(skill), *concepts_named(skill)]
            where.append(f"(o.skill_key = ? OR o.skill_group IN ({','.join('?' * len(groups))}))")
            params += [skill_key(skill), *groups]
        for column, value in (
            ("o.kind", kind),
            ("o.status", status),
            ("o.person_id", person_id),
        ):
            if value:
                where.append(f"{column} = ?")
                params.append(value)
        rows = self.db.query(
            f"""SELECT o.*, COALESCE(p.name, '') AS person_name FROM offers o
                LEFT JOIN persons p ON p.person_id = o.person_id
                WHERE {" AND ".join(where) or "1"}
                ORDER BY o.created_at DESC, o.offer_id, o.person_id LIMIT ? OFFSET ?""",
            [*params, limit, offset],
        )
        return [self._offer(r) for r in rows]

    def offer(self, offer_id: str, person_id: str | None = None) -> Offer | None:
        """The offer `offer_id` of `person_id`: an offer id is unique only within its author's document.

        Without `person_id`, the one offer with that id; None when several authors chose it.
        """
        found = self.offers_with_id(offer_id, person_id)
        return found[0] if len(found) == 1 else None

    def offers_with_id(self, offer_id: str, person_id: str | None = None) -> list[Offer]:
        """Every offer with this id (several authors may have chosen it), or only `person_id`'s."""
        rows = self.db.query(
            """SELECT o.*, COALESCE(p.name, '') AS person_name FROM offers o
               LEFT JOIN persons p ON p.person_id = o.person_id
               WHERE o.offer_id = ? AND (? IS NULL OR o.person_id = ?) ORDER BY o.person_id""",
            (offer_id, person_id, person_id),
        )
        return [self._offer(r) for r in rows]

    def _offer(self, r: sqlite3.Row) -> Offer:
        responses = [
            Response(x["response_id"], x["person_id"], x["person_name"], x["message"], x["date"])
            for x in self.db.query(
                """SELECT r.*, COALESCE(p.name, '') AS person_name FROM responses r
                   LEFT JOIN persons p ON p.person_id = r.person_id
                   WHERE r.offer_owner = ? AND r.offer_id = ? ORDER BY r.date, r.person_id""",
                (r["person_id"], r["offer_id"]),
            )
        ]
        return Offer(
            r["offer_id"],
            r["person_id"],
            r["person_name"],
            r["kind"],
            r["skill_name"],
            r["title"],
            r["description"],
            r["status"],
            r["created_at"],
            json.loads(r["recognition"]),
            responses,
        )

    def search(
        self,
        text: str = "",
        *,
        skill: str = "",
        min_level: int = 0,
        availability: str = "",
        limit: int = 50,
        offset: int = 0,
        exclude: str = "",
    ) -> SearchPage:
        """People matching every given criterion; text matches words by prefix, any accents.

        `exclude` is left out of the rows and the total: the user, who never
        finds themselves among the People they search.
        Each shape of question has its own route, so that none of them reads
        more than the page it returns (budget: p95 <= 20 ms at 100k people).
        """
        key = skill_key(skill) if skill.strip() else ""
        level = max(int(min_level or 0), 0)
        if search_index.words_query(text):
            return self._search_text(text, key, level, availability, limit, offset, exclude)
        if key:
            return self._search_skill(key, max(level, 1), availability, limit, offset, exclude)
        return self._search_filters(level, availability, limit, offset, exclude)

    def _search_skill(self, key: str, level: int, availability: str, limit: int, offset: int,
                      exclude: str = "") -> SearchPage:
        """Skill holders by standing (the user's view of them, docs/standing.md), then claimed level, then name.

        A skills row answers (issue 13) when its group is the words typed or a concept the vocabulary names
        for them (either language), or when its own words are the ones typed (a skill typed "Python 3" and
        linked is found by "python 3"); what a peer linked their words to never brings in anyone else's
        rows (standing_sql.matches). Those with a stored standing come first, off the index
        standings_by_group; the rest by one ordered range per group off skills_by_group, and one of the
        words off skills_by_key, merged here (an OR or IN over groups would sort every holder before cutting
        the page), each person once, until the page is full.
        """
        named, linked = standing_sql.search_groups(self.db, key)
        match = standing_sql.matches("{s}", named)
        filters = " AND {s}.level >= ?" + (" AND {s}.availability = ?" if availability else "") \
            + " AND {s}.person_id != ?"
        given_filters = [level] + ([availability] if availability else []) + [exclude]
        given = [*named, key, *given_filters]
        # People, not skills: those whose own words are the key (one row each: a count off skills_by_key),
        # then those holding a named group under other words and not counted yet (few: a covering range of
        # skills_by_group skips the key's own rows). A UNION of both sorted every holder: 40 ms at 100k.
        total = int(self.db.scalar(
            f"SELECT COUNT(*) AS n FROM skills s WHERE s.skill_key = ? {filters.format(s='s')}",
            [key, *given_filters]))
        # A group that is the words typed holds only rows of those words (a group is a concept's URI, else
        # the row's own words), so only the other groups can add anyone: at 100k people, reading the key's
        # group again to find no one cost 5 ms of a 17 ms search.
        others = [g for g in named if g != key or "://" in key]
        if others:
            total += int(self.db.scalar(
                f"""SELECT COUNT(DISTINCT s.person_id) AS n FROM skills s
                    WHERE s.skill_group IN ({','.join('?' * len(others))}) AND s.skill_key != ?
                      {filters.format(s='s')}
                      AND NOT EXISTS (SELECT 1 FROM skills b WHERE b.person_id = s.person_id AND b.skill_key = ?
                                      {filters.format(s='b')})""",
                [*others, key, *given_filters, key, *given_filters]))
        ranked = standing_search.ranked(self.db, [*named, *linked], match + filters, given)
        first = ranked.page(limit, offset)
        people = [_summary(r, r["matched_skill"], r["matched_level"], standing) for r, standing in first]
        if len(first) == limit:
            return SearchPage(total, people)
        skip = max(offset - ranked.count, 0)
        wanted = skip + limit - len(first)  # the rest's page ends here
        ranked_sql, ranked_params = ranked.has_standing
        rest = filters.format(s="s") + f" AND NOT {ranked_sql}"
        rest_params = [*given_filters, *ranked_params]
        sources = [self._holders(f"s.skill_group = ? {rest}", [group, *rest_params], wanted) for group in named]
        by_words = "INDEXED BY skills_key_group"  # the words typed, in one group: an ordered range each
        sources += [self._holders(f"s.skill_key = ? AND s.skill_group = ? {rest}", [key, group, *rest_params],
                                  wanted, by_words) for group in linked]
        past, past_params = standing_sql.words_outside(key, [*named, *linked], "s")
        sources.append(self._holders(  # the words typed in groups past the most linked (a crowd's: few rows)
            f"{past} {rest}", [*past_params, *rest_params], wanted))
        rows: dict[str, sqlite3.Row] = {}
        for row in heapq.merge(*sources, key=_holder_order):
            rows.setdefault(row["person_id"], row)  # each person once, at their best
            if len(rows) == wanted:
                break
        people += [_summary(r, r["matched_skill"], r["matched_level"], 0.0) for r in list(rows.values())[skip:]]
        return SearchPage(total, people)

    def _holders(self, where: str, params: list, size: int, index: str = "") -> Iterator[sqlite3.Row]:
        """Skills rows `s` that `where` selects, in the order of search, read `size` at a time (then more).

        `index`: for the words typed in a group of their own, the (skill_key, skill_group) range in search
        order; SQLite otherwise read every holder of the words to test its group, then sorted them.
        """
        offset = 0
        while True:
            rows = self.db.query(
                f"""SELECT {SUMMARY}, s.name AS matched_skill, s.level AS matched_level, s.person_name_fold
                    FROM skills s {index} CROSS JOIN persons p ON p.person_id = s.person_id
                    WHERE {where} ORDER BY s.level DESC, s.person_name_fold, s.person_id LIMIT ? OFFSET ?""",
                [*params, size, offset],
            )
            yield from rows
            if len(rows) < size:
                return
            offset += size
            size *= 2

    def _search_filters(self, level: int, availability: str, limit: int, offset: int,
                        exclude: str = "") -> SearchPage:
        """Everyone, or everyone available / above a level, in name order."""
        where: list[str] = []
        params: list[object] = []
        if availability:
            where.append("p.availability = ?")
            params.append(availability)
        if level:
            where.append("p.max_level >= ?")
            params.append(level)
        clause = " AND ".join(where) or "1"
        if level and availability:
            total = self._count_facets([search_index.availability_token(availability), search_index.level_token(level)])
        else:
            total = int(self.db.scalar(f"SELECT COUNT(*) AS n FROM persons p WHERE {clause}", params))
        # the count's plan unchanged (COUNT(*) over the smallest index), then the user taken off if they match
        total -= self._matches(exclude, f"SELECT 1 FROM persons p WHERE {clause} AND p.person_id = ?", params)
        rows = self.db.query(
            f"""SELECT {SUMMARY} FROM persons p WHERE {clause} AND p.person_id != ?
                ORDER BY p.name_fold, p.person_id LIMIT ? OFFSET ?""",
            [*params, exclude, limit, offset],
        )
        return SearchPage(total, [_summary(r) for r in rows])

    def _search_text(self, text: str, key: str, level: int, availability: str, limit: int, offset: int,
                     exclude: str = "") -> SearchPage:
        """Words and filters intersect in FTS5; the best matches first, or index order for broad prefixes."""
        tokens = []
        # words that name a concept (either language, any synonym) also find the skills linked to it
        named = [search_index.skill_token(uri, max(level, 1)) for uri in concepts_named(text)]
        if key:
            tokens.append(search_index.skill_token(key, max(level, 1)))
        elif level:
            tokens.append(search_index.level_token(level))
        if availability:
            tokens.append(search_index.availability_token(availability))
        match = search_index.match_expression(text, tokens, named)
        total = int(self.db.scalar("SELECT COUNT(*) AS n FROM persons_fts WHERE persons_fts MATCH ?", (match,)))
        total -= self._matches(exclude, """SELECT 1 FROM persons_fts f CROSS JOIN persons p ON p.rowid = f.rowid
                                           WHERE persons_fts MATCH ? AND p.person_id = ?""", [match])
        order = "f.rank" if total <= RANKED_MATCHES else "f.rowid"
        skill_columns = "'' AS matched_skill, 0 AS matched_level"
        join = ""
        params: list = [match]
        if key:
            skill_columns = "s.name AS matched_skill, s.level AS matched_level"
            join = "CROSS JOIN skills s ON s.person_id = p.person_id AND s.skill_key = ?"
            params = [key, match]
        rows = self.db.query(
            f"""SELECT {SUMMARY}, {skill_columns}
                FROM persons_fts f CROSS JOIN persons p ON p.rowid = f.rowid {join}
                WHERE persons_fts MATCH ? AND p.person_id != ? ORDER BY {order} LIMIT ? OFFSET ?""",
            [*params, exclude, limit, offset],
        )
        standing = standing_read.page_standings(self.db, [r["person_id"] for r in rows], key) if key else {}
        return SearchPage(total, [_summary(r, r["matched_skill"], r["matched_level"],
                                           standing.get(r["person_id"], 0.0) if key else None) for r in rows])

    def _matches(self, person_id: str, sql: str, params: list) -> int:
        """1 if `person_id` is among the rows `sql` (ending in `person_id = ?`) finds, else 0."""
        return int(bool(person_id) and self.db.one(sql, [*params, person_id]) is not None)

    def _count_facets(self, tokens: list[str]) -> int:
        match = search_index.match_expression("", tokens)
        return int(self.db.scalar("SELECT COUNT(*) AS n FROM persons_fts WHERE persons_fts MATCH ?", (match,)))


# The endorsements that count for the skill `s`: those of its group (its concept, or its folded name), and
# those of its words in another group: given by name before it was linked, or, once a link is undone,
# given while it was linked (issue 13). One carrying a concept other than the skill's own counts under
# that concept, as the standing engine counts it, never on a skill now linked elsewhere. Two counts,
# each one index range; one OR made SQLite read every endorsement of the person (7x slower in a matching).
ENDORSEMENT_COUNT = f"""((SELECT COUNT(*) FROM endorsements e
        WHERE e.subject_id = s.person_id AND e.skill_group = s.skill_group AND {COUNTED})
    + (SELECT COUNT(*) FROM endorsements e
        WHERE e.subject_id = s.person_id AND e.skill_key = s.skill_key AND e.skill_group != s.skill_group
          AND (e.concept = '' OR s.concept = '') AND {COUNTED}))"""

# Above this many matches, ranking by relevance costs more than a frame; broad
# prefixes (one or two letters typed) list in index order instead.
RANKED_MATCHES = 1000
