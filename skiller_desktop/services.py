"""The one API of Skiller: the CLI, the UI and sync all go through here.

Every mutation edits the user's own person document in one Automerge
transaction, signs the new heads, and commits document, log and read models
in one SQLite transaction. Listeners (the sync scheduler, the UI) are told
after the commit.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import threading
import uuid
from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from automerge import core

from . import automerge_io as am
from . import blocklist, bundles, doc_schema
from . import person_doc as pd
from .acceptance import Accepted, PersonPolicy, WriterPolicy, verify_update
from .db import Database
from .errors import IdentityError, NotAllowedError, NotFoundError, StorageError, ValidationError
from .files import read_limited, write_atomically
from .identity import (
    Identity,
    actor_id,
    is_person_id,
    open_identity,
    recovery_phrase,
    seal_identity,
    seed_from_phrase,
)
from .keystore import load_identity, save_identity
from .messages import say
from .paths import make_private_dir
from .queries import Queries
from .signed_heads import SignedHead
from .standing_service import StandingKeeper
from .store import Store
from .teams.service import Teams
from .text import clean, clean_level, clean_years, skill_key
from .views import Changes, Device, ImportReport, Profile
from .what_changed import documents_changed

DB_FILE = "skiller.sqlite3"
EditListener = Callable[[Changes], None]

# What each kind of local edit changes (typed once, here).
SKILLS = Changes(skills=True)  # People refreshes the user's own row for it, not the whole list
ENDORSEMENTS = Changes(endorsements=True)
OFFERS = Changes(offers=True)
DEVICES = Changes(devices=True)


class Services:
    """Open one data dir; everything a user can do with it."""

    def __init__(self, data_dir: Path, *, read_only: bool = False) -> None:
        self.data_dir = Path(data_dir)
        if self.data_dir.exists() and not self.data_dir.is_dir():
            raise StorageError(say("storage.data_dir_is_file", path=self.data_dir))
        if not read_only:
            with contextlib.suppress(OSError):  # what cannot be created, opening the store reports
                make_private_dir(self.data_dir)  # the owner's only (0700 on POSIX)
        self.db = _open_database(self.data_dir / DB_FILE, read_only)
        self.store = Store(self.db)
        self.queries = Queries(self.db)
        self.policies: dict[str, WriterPolicy] = {}
        self._identity: Identity | None = load_identity(self.data_dir)
        self._lock = threading.RLock()
        self._listeners: list[EditListener] = []
        self.teams = Teams(self)  # registers TeamPolicy for "team:" ids, admits accepted invitations
        self.standing = StandingKeeper(self)  # first listener: screens told of a change read fresh standings
        self._listeners.append(self.standing.changes_committed)

    def close(self) -> None:
        self.standing.close()  # the engine's own read connections
        self.db.close()

    # -- listeners ---------------------------------------------------------
    def add_listener(self, listener: EditListener) -> None:
        """Called with a `Changes` after each commit: local, imported, or synced (told by sync.node.NodeSync)."""
        self._listeners.append(listener)

    def documents_committed(self, doc_ids: Iterable[str], *, synced: bool = False) -> Changes:
        """Tell listeners what documents committed from outside changed (an import; a sync says `synced`).

        The one channel for every change: local edits, imports and synced
        documents reach the same listeners as one typed `Changes`.
        """
        ids = list(doc_ids)
        if not ids:
            return Changes()
        me = self._identity.person_id if self._identity is not None else None
        return self._notify(documents_changed(self.db, me, ids, synced=synced))

    def _notify(self, changes: Changes) -> Changes:
        if changes.any:
            for listener in list(self._listeners):
                listener(changes)
        return changes

    @property
    def write_lock(self) -> threading.RLock:
        """Held around every edit's read-verify-write; sync holds it too (sync.node.node_storage)."""
        return self._lock

    # -- identity ----------------------------------------------------------
    @property
    def identity(self) -> Identity | None:
        return self._identity

    def require_identity(self) -> Identity:
        if self._identity is None:
            raise IdentityError(say("identity.none"))
        return self._identity

    @property
    def person_id(self) -> str:
        return self.require_identity().person_id

    def create_identity(self, name: str, headline: str = "", device_name: str = "this device") -> str:
        """Create a person; returns the recovery phrase, to be shown once."""
        name = clean(name, "name", required=True)
        headline = clean(headline, "headline")
        device_name = clean(device_name, "device") or "this device"
        identity = Identity.generate()
        self._adopt(identity, pd.new_document(identity, name, headline, device_name))
        return recovery_phrase(identity)

    def restore_identity(self, phrase: str, name: str = "", device_name: str = "restored device") -> str:
        """Restore the person from their recovery phrase on a fresh data dir.

        Without the old document at hand, only this device is registered (and
        the name, if given): when the old document arrives by sync or bundle,
        it merges in whole, because both start from the same genesis change.
        """
        identity = Identity.from_seed(seed_from_phrase(phrase))
        existing = self.store.get(identity.person_id)
        doc = existing.document() if existing else pd.genesis(identity.person_id, identity.public_key)
        doc.set_actor(identity.actor_id)
        edits = [pd.add_device(identity.device_id, clean(device_name, "device") or "restored device")]
        if clean(name, "name"):
            edits.append(pd.set_profile({"name": clean(name, "name")}))
        pd.apply(doc, pd.merge_many(edits))
        self._adopt(identity, doc)
        return identity.person_id

    def _adopt(self, identity: Identity, doc: core.Document) -> None:
        if self._identity is not None:
            raise IdentityError(say("identity.taken", person_id=self._identity.person_id))
        signed = SignedHead.sign(identity, identity.person_id, doc.get_heads())
        self.store.commit([Accepted(identity.person_id, doc, doc.get_changes([]), [signed], [signed])])
        save_identity(self.data_dir, identity)
        self._identity = identity

    def export_identity(self, path: Path, passphrase: str) -> None:
        identity = self.require_identity()
        stored = self.store.get(identity.person_id)
        assert stored is not None
        payload = {"bundle": bundles.encode(identity, [self._bundled(stored.doc_id)]).decode("utf-8")}
        write_atomically(path, seal_identity(identity, passphrase, payload))

    def import_identity(self, path: Path, passphrase: str, device_name: str = "new device") -> str:
        """Become the same person on this device, with a device id of its own."""
        seed, payload = open_identity(_read_file(path), passphrase)
        if self._identity is not None:
            raise IdentityError(say("identity.taken", person_id=self._identity.person_id))
        self._import_bundle_bytes(payload["bundle"].encode("utf-8"))
        identity = Identity.from_seed(seed)
        stored = self.store.get(identity.person_id)
        if stored is None:
            raise IdentityError(say("identity.no_person_doc"))
        self._identity = identity
        save_identity(self.data_dir, identity)
        self.edit(pd.add_device(identity.device_id, clean(device_name, "device") or "new device"), DEVICES)
        return identity.person_id

    def recovery_phrase(self) -> str:
        return recovery_phrase(self.require_identity())

    def devices(self) -> list[Device]:
        identity = self.require_identity()
        data = self._own_data().get("devices") or {}
        return [
            Device(
                device_id,
                d.get("name", ""),
                d.get("added_at", ""),
                d.get("revoked_at", ""),
                device_id == identity.device_id,
            )
            for device_id, d in sorted(data.items(), key=lambda kv: kv[1].get("added_at", ""))
        ]

    def revoke_device(self, device_id: str) -> Changes:
        identity = self.require_identity()
        if device_id == identity.device_id:
            raise ValidationError(say("device.current"), "device")
        device = next((d for d in self.devices() if d.device_id == device_id), None)
        if device is None:
            raise NotFoundError(say("device.unknown", device=device_id))
        if device.revoked_at:
            raise ValidationError(say("device.revoked", device=device_id), "device")
        stored = self.store.get(identity.person_id)
        if stored is None:
            raise IdentityError(say("identity.doc_missing"))
        doc = stored.document()
        actor = actor_id(identity.public_key, device_id)
        return self.edit(pd.revoke_device(doc, device_id, actor), DEVICES)

    # -- profile -------------------------------------------------------------
    def profile(self, person_id: str | None = None) -> Profile:
        pid = person_id or self.person_id
        found = self.queries.profile(pid)
        if found is None:
            raise NotFoundError(say("person.unknown_id", person_id=pid[:60]))
        return found

    def update_profile(self, **fields: Any) -> Changes:
        cleaned: dict[str, Any] = {}
        for key, value in fields.items():
            if key not in pd.PROFILE_FIELDS:
                raise ValidationError(say("profile.unknown_field", key=key), key)
            if key in ("links", "languages"):
                items = value if isinstance(value, list | tuple) else [value]
                limit_field = "url" if key == "links" else "language"
                cleaned[key] = [c for c in (clean(v, limit_field) for v in items) if c]
            elif key == "availability":
                cleaned[key] = clean(value, key)
                if cleaned[key] not in pd.AVAILABILITY:
                    raise ValidationError(say("profile.availability", values=", ".join(pd.AVAILABILITY[1:])), key)
            else:
                cleaned[key] = clean(value, key, required=key == "name")
        return self.edit(pd.set_profile(cleaned), Changes(profile=True, people=True))

    # -- skills ----------------------------------------------------------------
    def add_skill(
        self,
        name: str,
        level: int,
        years: int | None = None,
        description: str = "",
        evidence: Iterable[dict] = (),
        keywords: Iterable[str] = (),
        concept: str = "",
    ) -> Changes:
        name = clean(name, "skill", required=True)
        key = skill_key(name)
        if self.queries.skill(self.person_id, key) is not None:
            raise ValidationError(say("skill.duplicate", name=name), "skill")
        entry = self._skill_entry(name, level, years, description, evidence, keywords)
        if concept:  # issue 13: a concept names one skill only (concepts.py says which holds it)
            from . import concepts

            entry["concept"] = concepts.free_concept(self, concept)
        entry["position"] = float(len(self.queries.skills(self.person_id)))
        return self.edit(pd.put_entry("skills", key, entry), SKILLS)

    def update_skill(self, skill: str, /, **fields: Any) -> Changes:
        """Change fields of one of my skills; `name=` respells or renames it.

        A renamed skill keeps its place, level and evidence. Endorsements stay
        with the words their endorsers wrote: those received for the old name
        do not follow it to a different one.
        """
        current = self._own_skill(skill)
        merged = {
            "name": current.name,
            "level": current.level,
            "years": current.years,
            "description": current.description,
            "evidence": current.evidence,
            "keywords": current.keywords,
            **fields,
        }
        entry = self._skill_entry(
            merged["name"],
            merged["level"],
            merged["years"],
            merged["description"],
            merged["evidence"],
            merged["keywords"],
        )
        key = skill_key(entry["name"])
        if key == current.key:
            return self.edit(pd.set_fields("skills", current.entry_key, entry), SKILLS)
        if self.queries.skill(self.person_id, key) is not None:
            raise ValidationError(say("skill.duplicate", name=entry["name"]), "skill")
        entry["position"] = current.position
        if current.concept:
            entry["concept"] = current.concept  # a renamed skill keeps its concept, so its endorsements still count
        renamed = pd.merge_many([pd.delete_entry("skills", current.entry_key), pd.put_entry("skills", key, entry)])
        return self.edit(renamed, SKILLS)

    def remove_skill(self, name: str) -> Changes:
        current = self._own_skill(name)
        return self.edit(pd.delete_entry("skills", current.entry_key), SKILLS)

    def reorder_skills(self, names: list[str]) -> Changes:
        keys = [self._own_skill(n).entry_key for n in names]
        edits = [pd.set_fields("skills", key, {"position": float(i)}) for i, key in enumerate(keys)]
        return self.edit(pd.merge_many(edits), SKILLS)

    def _own_skill(self, name: str):
        found = self.queries.skill(self.person_id, clean(name, "skill", required=True))
        if found is None:
            raise NotFoundError(say("skill.unknown", name=name))
        return found

    @staticmethod
    def _skill_entry(name, level, years, description, evidence, keywords) -> dict:
        return {
            "name": clean(name, "skill", required=True),
            "level": clean_level(level),
            "years": clean_years(years),
            "description": clean(description, "description"),
            "keywords": [k for k in (clean(k, "skill") for k in keywords) if k],
            "evidence": [_clean_evidence(e) for e in evidence],
        }

    # -- endorsements ----------------------------------------------------------
    def endorse(self, subject_id: str, skill: str, comment: str = "", level: int | None = None) -> str:
        me = self.person_id
        if not is_person_id(subject_id):
            raise ValidationError(say("person.not_an_id", value=subject_id[:60]), "person_id")
        if subject_id == me:
            raise NotAllowedError(say("endorse.self"))
        if not self.queries.person_exists(subject_id):
            raise NotFoundError(say("person.unknown"))
        target = self.queries.skill(subject_id, clean(skill, "skill", required=True))
        if target is None:
            name = self.queries.person_name(subject_id)
            raise NotFoundError(say("endorse.no_such_skill", name=name, skill=skill))
        already = [
            e
            for e in self.queries.endorsements(subject_id=subject_id, endorser_id=me)
            if skill_key(e.skill) == target.key or (target.concept and e.concept == target.concept)
        ]
        if already:
            raise ValidationError(say("endorse.duplicate", skill=target.name), "skill")
        endorsement_id = str(uuid.uuid4())
        issued = datetime.now(UTC).replace(microsecond=0)
        comment, observed = clean(comment, "comment"), clean_level(level) if level else 0
        entry = {
            "subject": subject_id,
            "skill": target.name,
            "comment": comment,
            "level": observed,
            "date": pd.iso(issued),
            "revoked": False,
            "revoked_at": "",
        }
        if target.concept:
            entry["concept"] = target.concept  # endorsements of one concept add up, however the skill is spelled
        from .interop.credentials import issue_endorsement_credential  # jwt is slow to import: not at start-up

        entry["credential"] = issue_endorsement_credential(
            self.require_identity().private_key,
            endorsement_id=endorsement_id,
            endorser_name=self.profile().name,
            subject_id=subject_id,
            skill=target.name,
            comment=comment,
            level=observed or None,
            issued_at=issued,
            concept=str(entry.get("concept") or ""),  # issue 15: an ESCO-linked skill aligns the credential
        )
        self.edit(pd.put_entry("endorsements", endorsement_id, entry), ENDORSEMENTS)
        return endorsement_id

    def revoke_endorsement(self, endorsement_id: str) -> Changes:
        given = self._own_data().get("endorsements") or {}
        entry = given.get(endorsement_id)
        if entry is None:
            raise NotFoundError(say("endorsement.not_given", id=endorsement_id))
        if entry.get("revoked"):
            raise ValidationError(say("endorsement.revoked"), "endorsement")
        edit = pd.set_fields("endorsements", endorsement_id, {"revoked": True, "revoked_at": pd.now_iso()})
        return self.edit(edit, ENDORSEMENTS)

    def hide_endorsement(self, endorsement_id: str, hidden: bool = True, endorser_id: str | None = None) -> Changes:
        """Hide (or show again) a received endorsement; ids are the endorser's, so say whose when several match."""
        received = self.queries.endorsements(subject_id=self.person_id, include_revoked=True)
        matching = [e for e in received if e.endorsement_id == endorsement_id
                    and endorser_id in (None, e.endorser_id)]
        if not matching:
            raise NotFoundError(say("endorsement.not_received", id=endorsement_id))
        if len(matching) > 1:
            raise ValidationError(say("endorsement.ambiguous", count=len(matching), id=endorsement_id),
                                  "endorsement")
        edits = [pd.put_entry_value("hidden", pd.hidden_key(matching[0].endorser_id, endorsement_id), hidden)]
        if not hidden and (self._own_data().get("hidden") or {}).get(endorsement_id):
            edits.append(pd.put_entry_value("hidden", endorsement_id, False))  # a bare id from before migration 8
        return self.edit(pd.merge_many(edits), ENDORSEMENTS)

    # -- profiles (issue 12.5, 12.6): thanks, endorsements seen, positions ---------------
    def thank(self, endorser_id: str, endorsement_id: str, message: str = "") -> str:
        """Thank the endorser of an endorsement I received: a signed entry of my document they will see."""
        received = [e for e in self.queries.endorsements(subject_id=self.person_id)
                    if e.endorser_id == endorser_id and e.endorsement_id == endorsement_id]
        if not received:
            raise NotFoundError(say("endorsement.not_received", id=endorsement_id))
        if any(t.endorsement_id == endorsement_id
               for t in self.queries.thanks_for(endorser_id=endorser_id, thanker_id=self.person_id)):
            raise ValidationError(say("thanks.already", name=received[0].endorser_name), "thanks")
        thanks_id = str(uuid.uuid4())
        entry = {"endorser": endorser_id, "endorsement_id": endorsement_id,
                 "message": clean(message, "comment"), "date": pd.now_iso()}
        self.edit(pd.put_entry("thanks", thanks_id, entry), ENDORSEMENTS)
        return thanks_id

    def thank_received(self, endorsement_id: str, message: str = "", endorser_id: str | None = None) -> str:
        """`thank`, naming the endorsement by its id alone when only one endorser used it (the CLI's way)."""
        found = [e for e in self.queries.endorsements(subject_id=self.person_id)
                 if e.endorsement_id == endorsement_id and endorser_id in (None, e.endorser_id)]
        if len(found) > 1:
            raise ValidationError(say("endorsement.ambiguous", count=len(found), id=endorsement_id), "endorsement")
        if not found:
            raise NotFoundError(say("endorsement.not_received", id=endorsement_id))
        return self.thank(found[0].endorser_id, endorsement_id, message)

    def mark_endorsements_seen(self, seen: Iterable[tuple[str, str]]) -> int:
        """Note (endorser id, endorsement id) pairs as looked at, on this node only; how many were new."""
        rows = list(seen)
        with self._lock, self.db.transaction() as conn:
            before = conn.total_changes
            conn.executemany("INSERT OR IGNORE INTO endorsements_seen (endorser_id, endorsement_id) VALUES (?, ?)",
                             rows)
            return conn.total_changes - before

    def positions(self, person_id: str | None = None) -> list[dict]:
        """A person's positions (imported from a résumé or LinkedIn), the current and newest first.

        Read off their stored document, only its `positions` map: positions have no read model,
        and one person's are a few entries.
        """
        stored = self.store.get(person_id or self.person_id)
        if stored is None or stored.kind != "person":
            return []
        doc = stored.document()
        section = am.map_id(doc, am.ROOT, "positions")
        found = am.to_python(doc, section) if section is not None else {}
        items = [dict(v) for v in (found or {}).values() if isinstance(v, dict)]
        items.sort(key=lambda p: str(p.get("start") or ""), reverse=True)
        items.sort(key=lambda p: bool(p.get("end")))  # no end date: the current position
        return items

    # -- exchange ------------------------------------------------------------
    def add_offer(self, kind: str, skill: str, title: str, description: str = "", concept: str = "") -> str:
        if kind not in pd.OFFER_KINDS:
            raise ValidationError(say("offer.kind"), "kind")
        offer_id = secrets.token_hex(12)
        stamp = pd.now_iso()
        entry = {
            "kind": kind,
            "skill": clean(skill, "skill", required=True),
            "title": clean(title, "title", required=True),
            "description": clean(description, "description"),
            "status": "open",
            "created_at": stamp,
            "updated_at": stamp,
            "recognition": {},
        }
        if concept:  # issue 13: the board's skill filter finds it by its concept too
            from .concepts import valid_uri

            entry["concept"] = valid_uri(concept)
        self.edit(pd.put_entry("offers", offer_id, entry), OFFERS)
        return offer_id

    def respond_to_offer(self, offer_id: str, message: str, owner_id: str | None = None) -> str:
        """Answer someone's post; offer ids are their author's, so say whose when several match."""
        found = self.queries.offers_with_id(offer_id, owner_id)
        if not found:
            raise NotFoundError(say("offer.unknown", id=offer_id))
        if len(found) > 1:
            raise ValidationError(say("offer.ambiguous", count=len(found), id=offer_id), "offer")
        offer = found[0]
        if offer.person_id == self.person_id:
            raise NotAllowedError(say("offer.own"))
        if offer.status in ("done", "closed"):
            raise NotAllowedError(say("offer.closed"))
        response_id = secrets.token_hex(12)
        entry = {
            "offer_id": offer_id,
            "offer_owner": offer.person_id,
            "message": clean(message, "comment", required=True),
            "date": pd.now_iso(),
        }
        self.edit(pd.put_entry("responses", response_id, entry), OFFERS)
        return response_id

    def set_offer_status(self, offer_id: str, status: str) -> Changes:
        self._own_offer(offer_id)
        if status not in pd.OFFER_STATUSES:
            raise ValidationError(say("offer.status", values=", ".join(pd.OFFER_STATUSES)), "status")
        return self.edit(pd.set_fields("offers", offer_id, {"status": status, "updated_at": pd.now_iso()}), OFFERS)

    def complete_offer(self, offer_id: str, person_id: str, comment: str = "") -> Changes:
        """Mark an exchange done and recognise who helped, endorsing the skill used."""
        offer = self._own_offer(offer_id)
        endorsement_id = ""
        if self.queries.skill(person_id, offer.skill) is not None:
            already = [
                e
                for e in self.queries.endorsements(subject_id=person_id, endorser_id=self.person_id)
                if skill_key(e.skill) == skill_key(offer.skill)
            ]
            endorsement_id = (
                already[0].endorsement_id
                if already
                else self.endorse(person_id, offer.skill, comment or f"Recognised for: {offer.title}")
            )
        elif not self.queries.person_exists(person_id):
            raise NotFoundError(say("person.unknown_here"))
        recognition = {
            "person": person_id,
            "comment": clean(comment, "comment"),
            "endorsement_id": endorsement_id,
            "date": pd.now_iso(),
        }
        edit = pd.set_fields(
            "offers", offer_id, {"status": "done", "recognition": recognition, "updated_at": pd.now_iso()}
        )
        return self.edit(edit, OFFERS | ENDORSEMENTS)

    # -- standing (issue 14; skiller_desktop/standing_service.py) ------------------------------
    def know(self, person_id: str, *, undo: bool = False) -> Changes:
        """Say publicly (signed, synced) that you know this person, or take it back: trust flows to them."""
        from .standing_service import know

        return know(self, person_id, undo=undo)

    def skill_standings(self, person_id: str, skill: str | None = None, *, explain: bool = False) -> list:
        """A person's skills with their standing from the user's point of view (standing_read.SkillStanding)."""
        from . import standing_read

        self.standing.ensure_current()
        return standing_read.skills(self.db, person_id, skill, explain=explain)

    def _own_offer(self, offer_id: str):
        offer = self.queries.offer(offer_id, self.person_id)
        if offer is None or offer.person_id != self.person_id:
            raise NotFoundError(say("offer.not_yours", id=offer_id))
        return offer

    # -- bundles -------------------------------------------------------------
    def export_bundle(self, path: Path, person_ids: Iterable[str] = ()) -> int:
        ids = list(person_ids) or [self.person_id]
        for pid in ids:
            if self.store.get(pid) is None:
                raise NotFoundError(say("document.unknown", doc_id=pid[:60]))
        write_atomically(path, bundles.encode(self.require_identity(), [self._bundled(i) for i in ids]))
        return len(ids)

    def import_bundle(self, path: Path) -> ImportReport:
        return self._import_bundle_bytes(bundles.read_file(Path(path)))

    def _import_bundle_bytes(self, raw: bytes) -> ImportReport:
        """Verify every document first; then commit all of them, or none."""
        docs = bundles.decode(raw)
        with self._lock, self.db.transaction():  # another process must not write in between
            updates = []
            for doc in docs:
                stored = self.store.get(doc.doc_id)
                updates.append(
                    verify_update(
                        doc.doc_id,
                        stored.data if stored else None,
                        stored.signed_heads if stored else [],
                        doc.data,
                        doc.signed_heads,
                        self.policy_for(doc.doc_id),
                    )
                )
            changed = self.store.commit(updates)
        self.documents_committed([u.doc_id for u in updates if u.changed])
        return ImportReport(len(docs), changed, [d.doc_id for d in docs])

    def _bundled(self, doc_id: str) -> bundles.BundledDoc:
        stored = self.store.get(doc_id)
        assert stored is not None
        return bundles.BundledDoc(doc_id, stored.data, stored.signed_heads)

    def policy_for(self, doc_id: str) -> WriterPolicy:
        for prefix, policy in self.policies.items():
            if doc_id.startswith(prefix):
                return policy
        return PersonPolicy()

    # -- blocked keys (issue 10: the user's side) ------------------------------
    BLOCK_PARTS = Changes(people=True, endorsements=True, offers=True, teams=True, blocked=True)

    def block_person(self, person_id: str, reason: str = "") -> Changes:
        """Refuse a key: sync no longer takes its entries, and the person vanishes here.

        Their read-model rows go (People, search, the endorsements they gave);
        their stored document stays, so unblocking shows them again without a sync.
        """
        if self._identity is not None and person_id == self._identity.person_id:
            raise ValidationError(say("block.self"), "person_id")
        with self._lock, self.db.transaction():
            if not blocklist.block(self.db, person_id, reason):
                raise ValidationError(say("block.already", person_id=person_id[:60]), "person_id")
            self.store.remove_projection(person_id)
        return self._notify(replace(self.BLOCK_PARTS, documents=frozenset({person_id})))

    def unblock_person(self, person_id: str) -> Changes:
        """Accept a key again and show what this node already holds of them."""
        with self._lock, self.db.transaction():
            if not blocklist.unblock(self.db, person_id):
                raise NotFoundError(say("block.not_blocked", person_id=person_id[:60]))
            self.store.reproject(person_id)
        return self._notify(replace(self.BLOCK_PARTS, documents=frozenset({person_id})))

    def blocked_people(self) -> list[dict[str, str]]:
        """The blocked keys, newest first: person_id, name (from their stored document, if any), reason, blocked_at."""
        return [{**entry, "name": self._stored_name(entry["person_id"])} for entry in blocklist.entries(self.db)]

    def _stored_name(self, person_id: str) -> str:
        stored = self.store.get(person_id)
        if stored is None or stored.kind != "person":
            return ""
        doc = stored.document()  # only profile.name is read: not the whole document of someone blocked
        profile = am.map_id(doc, am.ROOT, "profile")
        found = doc.get(profile, "name") if profile is not None else None
        if found is None:
            return ""
        value, child = found
        if value == core.ObjType.Text:
            return doc.text(child)
        return value[1] if isinstance(value, tuple) and isinstance(value[1], str) else ""

    # -- the write path ------------------------------------------------------
    def _own_data(self) -> dict:
        stored = self.store.get(self.person_id)
        if stored is None:
            raise IdentityError(say("identity.doc_missing"))
        return core.extract(stored.document())  # type: ignore[return-value]

    def edit(self, edit: pd.Edit | list[pd.Edit], changes: Changes) -> Changes:
        """Apply one edit to the user's own document: sign, commit, tell listeners what changed.

        A list of edits (a large import) may become several changes, each
        under the wire's per-entry limit, committed and signed together.
        """
        identity = self.require_identity()
        with self._lock, self.db.transaction():  # read, edit and write as one, across processes too
            stored = self.store.get(identity.person_id)
            if stored is None:
                raise IdentityError(say("identity.doc_missing"))
            doc = stored.document()
            doc.set_actor(identity.actor_id)
            before = doc.get_heads()
            if isinstance(edit, list):
                doc = am.apply_in_parts(doc, edit)
            else:
                pd.apply(doc, edit)
            new_changes = doc.get_changes(before)
            if not new_changes:
                return Changes()
            data = _checked(identity.person_id, doc)
            signed = SignedHead.sign(identity, identity.person_id, doc.get_heads())
            self.store.commit([Accepted(identity.person_id, doc, new_changes, [signed], [signed], data=data)])
        return self._notify(replace(changes, documents=frozenset({identity.person_id})))


def _checked(doc_id: str, doc: core.Document) -> dict:
    """The edited document as Python values, if others will accept it (doc_schema); else ValidationError."""
    data = am.to_python(doc)
    try:
        doc_schema.check(doc_id, data)
    except doc_schema.SchemaError as exc:
        raise ValidationError(say("change.unshareable", detail=exc), exc.path) from None
    return data


def _open_database(path: Path, read_only: bool) -> Database:
    """Open for writing; on read-only media, open for reading so the user still sees their data."""
    try:
        return Database(path, read_only=read_only)
    except StorageError as exc:
        unwritable = "read-only" in str(exc) or not os.access(path.parent, os.W_OK)
        if read_only or not unwritable or not path.exists():
            raise
        return Database(path, read_only=True)


def _clean_evidence(item: object) -> dict:
    if not isinstance(item, dict):
        raise ValidationError(say("evidence.kind"), "evidence")
    kind = clean(item.get("kind", "link"), "title") or "link"
    return {
        "kind": kind,
        "title": clean(item.get("title", ""), "title", required=not item.get("url")),
        "url": clean(item.get("url", ""), "url"),
        "description": clean(item.get("description", ""), "description"),
    }


def _read_file(path: Path) -> bytes:
    """An identity export: a regular file (not a FIFO or a device), of at most a bundle's size."""
    return read_limited(path, bundles.MAX_BUNDLE_BYTES, NotFoundError, "Skiller identity export")
