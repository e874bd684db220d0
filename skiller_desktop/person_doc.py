"""The person document: one Automerge map per person, written only by their devices.

Shape (every key is stable; readers ignore what they do not know):

    schema: 1, kind: "person", id: person id
    profile: {name, headline, bio, location, links[], languages[], availability}
    devices: {device id: {name, added_at, revoked_at, revoked_after_seq}}
    skills: {skill key: {name, level, years, description, keywords[], evidence[], position}}
    endorsements: {id: {subject, skill, skill_key, comment, level, date, revoked, revoked_at}}
    hidden: {"<endorser id> <endorsement id>": true}   received endorsements the person hides
    offers: {id: {kind, skill, skill_key, title, description, status, created_at, updated_at,
                  answers: {id: {person, message, date}}, recognition: {...}}}
    responses: {id: {offer_id, offer_owner, message, date}}   answers to others' offers
    imported: {id: {source, skill, skill_key, endorser_name, endorser_url, date}}  unverified
    positions, projects, certificates: {content hash: {...}}   from imports (JSON Resume, LinkedIn)
    thanks: {id: {endorser, endorsement_id, message, date}}   thanks for endorsements this person received
    known: {person id: {date, revoked_at}}   "I know this person"

Ids inside sections (endorsements, offers, answers, responses, imported) are
chosen by the document's author and unique only within that document: readers
key them by (document id, entry id). A `hidden` key therefore names the
endorser, then a space (person ids never hold one), then the endorser's
endorsement id. A bare endorsement id (written before this encoding) still
reads as hiding every received endorsement with that id, whoever gave it.
Readers ignore a hidden value other than true.

What is checked before any document is accepted: doc_schema.py.

What imports had that we have no field for (email, phone, address) stays
private, in the data dir, never in this synced document.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from automerge import core

from . import automerge_io as am
from .identity import Identity

SCHEMA = 1
PROFILE_FIELDS = ("name", "headline", "bio", "location", "links", "languages", "availability")
AVAILABILITY = ("", "available", "open", "busy")
SECTIONS = (
    "skills",
    "endorsements",
    "hidden",
    "offers",
    "responses",
    "imported",
    "positions",
    "projects",
    "certificates",
)
OFFER_KINDS = ("offer", "request")
OFFER_STATUSES = ("open", "answered", "done", "closed")


def iso(moment: datetime) -> str:
    """A UTC moment as documents store it: 2026-11-27T20:11:28Z."""
    return moment.astimezone(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def now_iso() -> str:
    return iso(datetime.now(UTC))


Edit = Callable[[core.Transaction], None]


def apply(doc: core.Document, edit: Edit) -> list[bytes]:
    """Run one transaction; returns the hashes of the changes it made (maybe none)."""
    before = doc.get_heads()
    with doc.transaction() as tx:
        edit(tx)
    return am.change_hashes(doc, before)


GENESIS_DEVICE = "0" * 16


def genesis(person_id: str, public_key: bytes) -> core.Document:
    """The first change of a person's document, identical on every device.

    It holds only the empty containers, written by a fixed actor with no
    timestamp, so every device (and a restore from the recovery phrase)
    makes the very same change, with the very same hash. Were two devices to
    create their maps separately, Automerge would keep one map per key and
    hide the other's content.
    """
    doc = core.Document(public_key + bytes.fromhex(GENESIS_DEVICE))

    def create(tx: core.Transaction) -> None:
        am.put(tx, am.ROOT, "schema", SCHEMA)
        am.put(tx, am.ROOT, "kind", "person")
        am.put(tx, am.ROOT, "id", person_id)
        am.put(tx, am.ROOT, "profile", {})
        am.put(tx, am.ROOT, "devices", {})
        for section in SECTIONS:
            am.put(tx, am.ROOT, section, {})

    apply(doc, create)
    return doc


def new_document(identity: Identity, name: str, headline: str, device_name: str) -> core.Document:
    """Genesis, then this device's registration and the first profile fields."""
    doc = genesis(identity.person_id, identity.public_key)
    doc.set_actor(identity.actor_id)
    profile = {"name": name, "headline": headline, "bio": "", "location": "", "availability": ""}
    apply(doc, merge_many([set_profile(profile), add_device(identity.device_id, device_name)]))
    return doc


def _device(name: str, stamp: str) -> dict:
    return {"name": name, "added_at": stamp, "revoked_at": "", "revoked_after_seq": 0}


# -- edits: each returns a function for `apply` ----------------------------


def set_profile(fields: dict[str, Any]) -> Edit:
    def edit(tx: core.Transaction) -> None:
        profile = am.ensure_map(tx, am.ROOT, "profile")
        for key, value in fields.items():
            am.put(tx, profile, key, value)

    return edit


def put_entry(section: str, key: str, value: dict) -> Edit:
    """Write one whole entry of a section (a skill, an endorsement, an offer)."""

    def edit(tx: core.Transaction) -> None:
        am.put(tx, am.ensure_map(tx, am.ROOT, section), key, value)

    return edit


def set_fields(section: str, key: str, fields: dict[str, Any]) -> Edit:
    """Change some fields of an entry, leaving concurrent edits of others intact."""

    def edit(tx: core.Transaction) -> None:
        entry = am.map_id(tx, am.ensure_map(tx, am.ROOT, section), key)
        if entry is None:
            raise KeyError(key)
        for name, value in fields.items():
            am.put(tx, entry, name, value)

    return edit


def delete_entry(section: str, key: str) -> Edit:
    def edit(tx: core.Transaction) -> None:
        tx.delete(am.ensure_map(tx, am.ROOT, section), key)

    return edit


def add_device(device_id: str, name: str) -> Edit:
    return put_entry("devices", device_id, _device(name, now_iso()))


def revoke_device(doc: core.Document, device_id: str, actor: bytes) -> Edit:
    """Refuse the device's changes after the last one this node has seen."""
    last_seq = max((c.seq for c in doc.get_changes([]) if c.actor_id == actor), default=0)
    return set_fields("devices", device_id, {"revoked_at": now_iso(), "revoked_after_seq": last_seq})


def merge_many(edits: list[Edit]) -> Edit:
    def edit(tx: core.Transaction) -> None:
        for each in edits:
            each(tx)

    return edit


def hidden_key(endorser_id: str, endorsement_id: str) -> str:
    """The `hidden` key of one received endorsement (see the module docstring)."""
    return f"{endorser_id} {endorsement_id}"


def put_entry_value(section: str, key: str, value: Any) -> Edit:
    """Write one scalar under a section, e.g. hidden[endorsement id] = True."""

    def edit(tx: core.Transaction) -> None:
        am.put(tx, am.ensure_map(tx, am.ROOT, section), key, value)

    return edit
