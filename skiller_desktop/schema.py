"""Schema migrations, applied in order; `PRAGMA user_version` counts them.

A step is either SQL or a function given sqlite-utils' `Database` over the same
connection (skiller_desktop/db.py runs either inside one transaction). New steps
are functions: `table.create()`, `add_column()`, `create_index()`, and
`transform()` to reshape a table (sqlite-utils rebuilds it, keeping its rows,
CHECKs, UNIQUEs and AUTOINCREMENT). Steps stay SQL where sqlite-utils cannot say
what the table is: WITHOUT ROWID tables (sqlite-utils creates rowid tables only,
and `transform()` would turn one into a rowid table), the standalone FTS5 index
with its own tokenizer and prefix indexes (`enable_fts()` makes an
external-content index of one table's columns), and the log's rebuild that keeps
its sequence numbers (step 5). Steps already applied somewhere are never
changed in what they make: tests/unit/test_schema.py checks that a new store has
exactly the shape the SQL steps made.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from . import store_numbers

if TYPE_CHECKING:
    import sqlite_utils

Migration = str | Callable[["sqlite_utils.Database"], None]

MIGRATIONS: list[Migration] = [
    # 1: documents, the replication log, peers and the read models.
    """
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE docs (
        doc_id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        bytes BLOB NOT NULL,
        heads TEXT NOT NULL,
        signed_heads TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE TABLE log (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        doc_id TEXT NOT NULL,
        entry_kind TEXT NOT NULL CHECK (entry_kind IN ('change', 'head')),
        hash TEXT NOT NULL,
        author TEXT NOT NULL,
        bytes BLOB NOT NULL,
        UNIQUE (entry_kind, hash)
    );
    CREATE INDEX log_doc ON log (doc_id, seq);
    CREATE TABLE peers (
        peer_id TEXT PRIMARY KEY,
        url TEXT NOT NULL,
        kind TEXT NOT NULL,
        epoch TEXT NOT NULL DEFAULT '',
        pulled_seq INTEGER NOT NULL DEFAULT 0,
        pushed_seq INTEGER NOT NULL DEFAULT 0,
        last_success TEXT NOT NULL DEFAULT '',
        last_error TEXT NOT NULL DEFAULT '',
        added_at TEXT NOT NULL
    );
    CREATE TABLE persons (
        person_id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        name_fold TEXT NOT NULL,
        headline TEXT NOT NULL,
        bio TEXT NOT NULL,
        location TEXT NOT NULL,
        links TEXT NOT NULL,
        languages TEXT NOT NULL,
        availability TEXT NOT NULL,
        skill_count INTEGER NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE INDEX persons_name ON persons (name_fold);
    CREATE TABLE skills (
        person_id TEXT NOT NULL,
        skill_key TEXT NOT NULL,
        name TEXT NOT NULL,
        level INTEGER NOT NULL,
        years INTEGER NOT NULL,
        description TEXT NOT NULL,
        keywords TEXT NOT NULL,
        evidence TEXT NOT NULL,
        position REAL NOT NULL,
        PRIMARY KEY (person_id, skill_key)
    ) WITHOUT ROWID;
    CREATE INDEX skills_by_key ON skills (skill_key, level DESC, person_id);
    CREATE TABLE endorsements (
        endorsement_id TEXT PRIMARY KEY,
        endorser_id TEXT NOT NULL,
        subject_id TEXT NOT NULL,
        skill_key TEXT NOT NULL,
        skill_name TEXT NOT NULL,
        comment TEXT NOT NULL,
        level INTEGER NOT NULL,
        date TEXT NOT NULL,
        revoked INTEGER NOT NULL,
        revoked_at TEXT NOT NULL
    );
    CREATE INDEX endorsements_subject ON endorsements (subject_id, skill_key);
    CREATE INDEX endorsements_endorser ON endorsements (endorser_id);
    CREATE TABLE hidden_endorsements (
        subject_id TEXT NOT NULL,
        endorsement_id TEXT NOT NULL,
        PRIMARY KEY (subject_id, endorsement_id)
    ) WITHOUT ROWID;
    CREATE TABLE imported_endorsements (
        import_id TEXT NOT NULL,
        person_id TEXT NOT NULL,
        source TEXT NOT NULL,
        skill_key TEXT NOT NULL,
        skill_name TEXT NOT NULL,
        endorser_name TEXT NOT NULL,
        endorser_url TEXT NOT NULL,
        date TEXT NOT NULL,
        PRIMARY KEY (person_id, import_id)
    ) WITHOUT ROWID;
    CREATE TABLE offers (
        offer_id TEXT PRIMARY KEY,
        person_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        skill_key TEXT NOT NULL,
        skill_name TEXT NOT NULL,
        title TEXT NOT NULL,
        description TEXT NOT NULL,
        status TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        answers TEXT NOT NULL,
        recognition TEXT NOT NULL
    );
    CREATE INDEX offers_by_skill ON offers (skill_key, status);
    CREATE INDEX offers_by_person ON offers (person_id);
    CREATE TABLE responses (
        response_id TEXT PRIMARY KEY,
        person_id TEXT NOT NULL,
        offer_id TEXT NOT NULL,
        message TEXT NOT NULL,
        date TEXT NOT NULL
    );
    CREATE INDEX responses_by_offer ON responses (offer_id);
    CREATE VIRTUAL TABLE persons_fts USING fts5 (
        name, headline, bio, location, skills,
        tokenize = 'unicode61 remove_diacritics 2'
    )
    """,
]

# 2 (sync): entries waiting for their dependencies, and request nonces already seen.
MIGRATIONS.append(
    """
    CREATE TABLE sync_pending (
        entry_kind TEXT NOT NULL,
        hash TEXT NOT NULL,
        doc_id TEXT NOT NULL,
        bytes BLOB NOT NULL,
        received_at TEXT NOT NULL,
        PRIMARY KEY (entry_kind, hash)
    );
    CREATE INDEX sync_pending_doc ON sync_pending (doc_id);
    CREATE TABLE sync_nonces (
        signer TEXT NOT NULL,
        nonce TEXT NOT NULL,
        expires_at INTEGER NOT NULL,
        PRIMARY KEY (signer, nonce)
    ) WITHOUT ROWID;
    CREATE INDEX sync_nonces_expiry ON sync_nonces (expires_at)
    """
)

# 3 (search at 100k people): each skill row carries its person's folded name
# and availability so "people with skill X" reads in display order off one
# covering index; the full-text index gains a `facets` column of filter
# tokens (skill and level, availability, best level) so text and filters
# intersect inside FTS5, and prefix indexes for search-as-you-type. The new
# full-text index is filled by Store.rebuild_search_index after migrating.
MIGRATIONS.append(
    """
    ALTER TABLE persons ADD COLUMN max_level INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE skills ADD COLUMN person_name_fold TEXT NOT NULL DEFAULT '';
    ALTER TABLE skills ADD COLUMN availability TEXT NOT NULL DEFAULT '';
    UPDATE persons SET max_level = COALESCE(
        (SELECT MAX(level) FROM skills s WHERE s.person_id = persons.person_id), 0);
    UPDATE skills SET (person_name_fold, availability) =
        (SELECT name_fold, availability FROM persons p WHERE p.person_id = skills.person_id);
    DROP INDEX skills_by_key;
    CREATE INDEX skills_by_key ON skills (skill_key, level DESC, person_name_fold, person_id, availability);
    CREATE INDEX persons_filters ON persons (availability, name_fold);
    CREATE INDEX persons_level ON persons (max_level);
    DROP TABLE persons_fts;
    CREATE VIRTUAL TABLE persons_fts USING fts5 (
        name, headline, bio, location, skills, facets,
        tokenize = "unicode61 remove_diacritics 2 tokenchars '_'",
        prefix = '1 2 3'
    );
    INSERT INTO meta (key, value) VALUES ('search_index_stale', '1')
    """
)

# 4 (teams, issue #6): read models of team documents, and the invitations
# people accept in their own person documents (`team_acceptances`).
MIGRATIONS.append(
    """
    CREATE TABLE teams (
        team_id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        name_fold TEXT NOT NULL,
        description TEXT NOT NULL,
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        member_count INTEGER NOT NULL,
        open_needs INTEGER NOT NULL
    );
    CREATE TABLE team_members (
        team_id TEXT NOT NULL,
        person_id TEXT NOT NULL,
        role TEXT NOT NULL,
        added_by TEXT NOT NULL,
        added_at TEXT NOT NULL,
        removed_at TEXT NOT NULL,
        PRIMARY KEY (team_id, person_id)
    ) WITHOUT ROWID;
    CREATE INDEX team_members_person ON team_members (person_id, removed_at);
    CREATE TABLE team_needs (
        team_id TEXT NOT NULL,
        need_id TEXT NOT NULL,
        skill_key TEXT NOT NULL,
        skill TEXT NOT NULL,
        level INTEGER NOT NULL,
        note TEXT NOT NULL,
        status TEXT NOT NULL,
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        filled_at TEXT NOT NULL,
        filled_by TEXT NOT NULL,
        PRIMARY KEY (team_id, need_id)
    ) WITHOUT ROWID;
    CREATE TABLE team_invitations (
        team_id TEXT NOT NULL,
        invitation_id TEXT NOT NULL,
        person_id TEXT NOT NULL,
        code_key TEXT NOT NULL,
        role TEXT NOT NULL,
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        accepted_at TEXT NOT NULL,
        accepted_by TEXT NOT NULL,
        PRIMARY KEY (team_id, invitation_id)
    ) WITHOUT ROWID;
    CREATE TABLE team_acceptances (
        person_id TEXT NOT NULL,
        team_id TEXT NOT NULL,
        invitation_id TEXT NOT NULL,
        proof TEXT NOT NULL,
        date TEXT NOT NULL,
        PRIMARY KEY (person_id, team_id)
    ) WITHOUT ROWID;
    CREATE INDEX team_acceptances_team ON team_acceptances (team_id)
    """
)

# 5 (team privacy, issue #6): the log also carries the two entry kinds of
# sealed team replication ('keybox', 'sealed'; a relay stores them, docs/
# protocol.md §7), so its CHECK is widened (SQLite rebuilds the table; seqs
# and the AUTOINCREMENT high-water mark, so every peer's cursor, are kept). A member's node keeps its team
# keys here, never synced in plaintext: the keybox chain it has verified, the
# secrets it could open, and the teams whose sealed history it must still fetch.
MIGRATIONS.append(
    """
    CREATE TABLE log_widened (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        doc_id TEXT NOT NULL,
        entry_kind TEXT NOT NULL CHECK (entry_kind IN ('change', 'head', 'keybox', 'sealed')),
        hash TEXT NOT NULL,
        author TEXT NOT NULL,
        bytes BLOB NOT NULL,
        UNIQUE (entry_kind, hash)
    );
    INSERT INTO log_widened (seq, doc_id, entry_kind, hash, author, bytes)
        SELECT seq, doc_id, entry_kind, hash, author, bytes FROM log ORDER BY seq;
    DELETE FROM sqlite_sequence WHERE name = 'log_widened';
    INSERT INTO sqlite_sequence (name, seq) SELECT 'log_widened', seq FROM sqlite_sequence WHERE name = 'log';
    DROP TABLE log;
    ALTER TABLE log_widened RENAME TO log;
    CREATE INDEX log_doc ON log (doc_id, seq);
    CREATE TABLE team_keyboxes (
        team_id TEXT NOT NULL,
        version INTEGER NOT NULL,
        hash TEXT NOT NULL,
        bytes BLOB NOT NULL,
        PRIMARY KEY (team_id, version)
    ) WITHOUT ROWID;
    CREATE TABLE team_secrets (
        team_id TEXT NOT NULL,
        version INTEGER NOT NULL,
        secret BLOB NOT NULL,
        members TEXT NOT NULL,
        PRIMARY KEY (team_id, version)
    ) WITHOUT ROWID;
    CREATE TABLE team_catchup (team_id TEXT PRIMARY KEY)
    """
)

# 6 (invitations withdrawn or expiring): a team's invitations say when an admin
# withdrew one and when a code stops being valid ('' for never; documents made
# before this have neither, which reads the same).
def _invitations_withdrawn_or_expiring(db: sqlite_utils.Database) -> None:
    invitations = db.table("team_invitations")
    for column in ("revoked_at", "revoked_by", "expires_at"):
        invitations.add_column(column, str, not_null_default="")


MIGRATIONS.append(_invitations_withdrawn_or_expiring)

# 7 (hostile input): keys this node or relay refuses. A key is free, so quotas
# alone mean little: a user or a relay operator blocks a key, and its entries
# are refused and no longer served (skiller_desktop/blocklist.py).
def _blocked_keys(db: sqlite_utils.Database) -> None:
    db.table("blocked_keys").create(
        {"person_id": str, "reason": str, "blocked_at": str},
        pk="person_id", not_null={"reason", "blocked_at"}, defaults={"reason": ""},
    )


MIGRATIONS.append(_blocked_keys)

# 8 (hostile input): ids an author chooses are unique only within that author's
# document, so the rows they name are keyed by (document, id): a document reusing
# someone else's endorsement, offer or response id no longer overwrites theirs.
# A hidden endorsement names its endorser too ('' for a bare id written before
# this: it hides every endorsement of that id the person received). A response
# names the offer's owner, filled here from the one offer that had its id.
MIGRATIONS.append(
    """
    CREATE TABLE endorsements_scoped (
        endorsement_id TEXT NOT NULL,
        endorser_id TEXT NOT NULL,
        subject_id TEXT NOT NULL,
        skill_key TEXT NOT NULL,
        skill_name TEXT NOT NULL,
        comment TEXT NOT NULL,
        level INTEGER NOT NULL,
        date TEXT NOT NULL,
        revoked INTEGER NOT NULL,
        revoked_at TEXT NOT NULL,
        PRIMARY KEY (endorser_id, endorsement_id)
    ) WITHOUT ROWID;
    INSERT INTO endorsements_scoped SELECT * FROM endorsements;
    DROP TABLE endorsements;
    ALTER TABLE endorsements_scoped RENAME TO endorsements;
    CREATE INDEX endorsements_subject ON endorsements (subject_id, skill_key);

    CREATE TABLE hidden_scoped (
        subject_id TEXT NOT NULL,
        endorser_id TEXT NOT NULL,
        endorsement_id TEXT NOT NULL,
        PRIMARY KEY (subject_id, endorsement_id, endorser_id)
    ) WITHOUT ROWID;
    INSERT INTO hidden_scoped SELECT subject_id, '', endorsement_id FROM hidden_endorsements;
    DROP TABLE hidden_endorsements;
    ALTER TABLE hidden_scoped RENAME TO hidden_endorsements;

    CREATE TABLE offers_scoped (
        offer_id TEXT NOT NULL,
        person_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        skill_key TEXT NOT NULL,
        skill_name TEXT NOT NULL,
        title TEXT NOT NULL,
        description TEXT NOT NULL,
        status TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        answers TEXT NOT NULL,
        recognition TEXT NOT NULL,
        PRIMARY KEY (person_id, offer_id)
    ) WITHOUT ROWID;
    INSERT INTO offers_scoped SELECT * FROM offers;
    DROP TABLE offers;
    ALTER TABLE offers_scoped RENAME TO offers;
    CREATE INDEX offers_by_skill ON offers (skill_key, status);
    CREATE INDEX offers_by_id ON offers (offer_id);

    CREATE TABLE responses_scoped (
        response_id TEXT NOT NULL,
        person_id TEXT NOT NULL,
        offer_id TEXT NOT NULL,
        message TEXT NOT NULL,
        date TEXT NOT NULL,
        offer_owner TEXT NOT NULL,
        PRIMARY KEY (person_id, response_id)
    ) WITHOUT ROWID;
    INSERT INTO responses_scoped
        SELECT r.response_id, r.person_id, r.offer_id, r.message, r.date,
               COALESCE((SELECT o.person_id FROM offers o WHERE o.offer_id = r.offer_id LIMIT 1), '')
        FROM responses r;
    DROP TABLE responses;
    ALTER TABLE responses_scoped RENAME TO responses;
    CREATE INDEX responses_by_offer ON responses (offer_owner, offer_id)
    """
)

# 9 (hostile input, the relay's side): each pending entry remembers who sent it
# (the signer of the request that brought it, '' for what a node pulled) and
# its size, so the queue has quotas per signer and in bytes (sync/engine.py).
# Written to stand on its own: it touches only sync_pending (migration 2).
# The index holds `size` too, so the quota sums read it instead of every row's blob pages.
def _pending_signer_and_size(db: sqlite_utils.Database) -> None:
    pending = db.table("sync_pending")
    pending.add_column("signer", str, not_null_default="")
    pending.add_column("size", int, not_null_default=0)
    db.execute("UPDATE sync_pending SET size = length(bytes)")  # one statement; sqlite-utils would go row by row
    pending.create_index(["signer", "received_at", "size"], index_name="sync_pending_signer")


MIGRATIONS.append(_pending_signer_and_size)

# -- concepts (issue 13) -----------------------------------------------------------------------
# Skills, endorsements, offers and imports name their ESCO concept when linked, and each row keeps its
# `skill_group` (text.skill_group: the concept, else the folded name), what counts and search add up by.
# Skill keys now fold ’ as ': the read models hold the refolded key in `skill_key` and the document's own
# key in `skills.doc_key` (services edit the document by it). Stands on its own: it touches only the read
# models of migration 1 and 8, and the search index rebuilds itself from them (its skill tokens hash keys).
_FOLDED_KEY = "replace(replace(replace(replace(replace(replace(skill_key, '’', ''''), '‘', ''''), " \
              "'ʼ', ''''), '`', ''''), '´', ''''), '′', '''')"


def _concepts(db: sqlite_utils.Database) -> None:
    for table in ("skills", "endorsements", "offers", "imported_endorsements"):
        db.table(table).add_column("concept", str, not_null_default="")
        db.table(table).add_column("skill_group", str, not_null_default="")
    db.table("skills").add_column("doc_key", str, not_null_default="")
    for column in ("concept", "skill_group", "role", "role_label"):
        db.table("team_needs").add_column(column, str, not_null_default="")
    db.execute("UPDATE skills SET doc_key = skill_key")
    for table in ("skills", "endorsements", "offers", "imported_endorsements", "team_needs"):
        db.execute(f"UPDATE OR IGNORE {table} SET skill_key = {_FOLDED_KEY}")
        db.execute(f"UPDATE {table} SET skill_group = skill_key")
    # skill_key last: a search's count skips, inside the index, the rows whose words are the key
    db.execute("CREATE INDEX skills_by_group ON skills (skill_group, level DESC, person_name_fold, person_id, "
               "availability, skill_key)")
    db.execute("CREATE INDEX endorsements_subject_group ON endorsements (subject_id, skill_group)")
    db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('search_index_stale', '1')")


MIGRATIONS.append(_concepts)


# --- standing (issue 14) -------------------------------------------------------
# 11 (standing): the people each person says they know (their signed `known`
# section), and what the standing engine computed from the user's point of view
# (docs/standing.md): each trusted person's trust and first step on a shortest
# path from the user, each (person, skill group)'s score, and each group's best
# score (standing 0-100: docs/standing.md). Derived data: rebuilt whole when
# the user or the store changes, so the read paths never import numpy.
MIGRATIONS.append(
    """
    CREATE TABLE known_people (
        person_id TEXT NOT NULL,
        known_id TEXT NOT NULL,
        date TEXT NOT NULL,
        revoked_at TEXT NOT NULL,
        PRIMARY KEY (person_id, known_id)
    ) WITHOUT ROWID;
    CREATE INDEX known_people_known ON known_people (known_id);
    CREATE TABLE standing_trust (
        person_id TEXT PRIMARY KEY,
        trust REAL NOT NULL,
        weight REAL NOT NULL,
        hops INTEGER NOT NULL,
        via TEXT NOT NULL,
        via_kind TEXT NOT NULL,
        via_ref TEXT NOT NULL
    ) WITHOUT ROWID;
    CREATE TABLE standings (
        person_id TEXT NOT NULL,
        skill_group TEXT NOT NULL,
        score REAL NOT NULL,
        endorsements INTEGER NOT NULL,
        counted INTEGER NOT NULL,
        community_level REAL NOT NULL,
        PRIMARY KEY (person_id, skill_group)
    ) WITHOUT ROWID;
    CREATE INDEX standings_by_group ON standings (skill_group, score DESC, person_id);
    CREATE TABLE standing_groups (skill_group TEXT PRIMARY KEY, best REAL NOT NULL) WITHOUT ROWID;
    INSERT INTO meta (key, value) VALUES ('standing_stale', '1')
    """
)


# -- profiles (issue 12.6) ------------------------------------------------------------
# Thanks a person signs for an endorsement they received (`thanks` in their document),
# read by the endorser: keyed by (thanker, thanks id), found by the endorsement thanked.
# And, local to this node, never synced: the received endorsements the user has seen,
# so the Endorsements screen marks what is new since they last looked. Every endorsement
# already stored counts as seen: an upgrade does not call old news new.
def _thanks_and_seen_endorsements(db: sqlite_utils.Database) -> None:
    db.execute(
        """CREATE TABLE thanks (
               thanks_id TEXT NOT NULL,
               thanker_id TEXT NOT NULL,
               endorser_id TEXT NOT NULL,
               endorsement_id TEXT NOT NULL,
               message TEXT NOT NULL,
               date TEXT NOT NULL,
               PRIMARY KEY (thanker_id, thanks_id)
           ) WITHOUT ROWID"""
    )
    db.execute("CREATE INDEX thanks_by_endorsement ON thanks (endorser_id, endorsement_id)")
    db.execute(
        """CREATE TABLE endorsements_seen (
               endorser_id TEXT NOT NULL,
               endorsement_id TEXT NOT NULL,
               PRIMARY KEY (endorser_id, endorsement_id)
           ) WITHOUT ROWID"""
    )
    db.execute("INSERT INTO endorsements_seen SELECT endorser_id, endorsement_id FROM endorsements")


MIGRATIONS.append(_thanks_and_seen_endorsements)


# -- search by the words typed (issue 13 review) ------------------------------------
# Which groups people link the words typed to (standing_sql.linked_groups), and the holders whose own words
# they are in each such group, in search order: one covering range of (skill_key, skill_group) each. Without
# it, "Gestion de projet" (the demo links it to an ESCO concept) sorted all its holders: 75 ms at 30k people.
MIGRATIONS.append(
    """
    CREATE INDEX skills_key_group ON skills (skill_key, skill_group, level DESC, person_name_fold, person_id,
                                             availability)
    """
)


# -- standing read as integers (issue 14) ----------------------------------------------
# 14: each endorsement carries its endorser's, subject's and group's numbers (skiller_desktop/store_numbers.py),
# so the standing engine reads a million endorsements as integers: 0.3 s where looking the ids up took 2 s at
# 100k people. 0 means "not numbered" (a row some older writer made, or one changed in place since): the engine
# reads those by their text.
# And an index of the skills linked to a concept, the few the engine joins each endorsement's subject to.
def _standing_numbers(db: sqlite_utils.Database) -> None:
    db.execute("CREATE TABLE person_numbers (num INTEGER PRIMARY KEY, person_id TEXT NOT NULL UNIQUE)")
    db.execute("CREATE TABLE group_numbers (num INTEGER PRIMARY KEY, skill_group TEXT NOT NULL UNIQUE)")
    for column in ("endorser_num", "subject_num", "group_num"):
        db.table("endorsements").add_column(column, int, not_null_default=0)
    store_numbers.number_unnumbered(db.conn)
    db.execute("CREATE INDEX endorsements_unnumbered ON endorsements (endorser_id) "
               "WHERE endorser_num = 0 OR subject_num = 0 OR group_num = 0")
    # A row whose ids or group change in place (a later migration refolding keys) loses its numbers, rather
    # than keep ones that name its old text: it is read by its text until the read model rewrites it (such a
    # migration should end with store_numbers.number_unnumbered).
    db.execute(
        """CREATE TRIGGER endorsements_renumber
           AFTER UPDATE OF endorser_id, subject_id, skill_key, concept, skill_group ON endorsements
           BEGIN
               UPDATE endorsements SET endorser_num = 0, subject_num = 0, group_num = 0
               WHERE endorser_id = NEW.endorser_id AND endorsement_id = NEW.endorsement_id;
           END""")
    db.execute("CREATE INDEX skills_linked ON skills (person_id, skill_key, concept) WHERE concept != ''")


MIGRATIONS.append(_standing_numbers)
