"""Decide whether changes from outside may enter a document (DESIGN.md §4).

A change is accepted only if its actor belongs to a person allowed to write
the document and a valid signed head by that same person covers it. The
check runs on a candidate copy; nothing is kept of a refused update. Bundles,
peers and relays all go through here, so they check exactly the same way.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from automerge import core

from . import automerge_io as am
from .errors import RejectedError
from .identity import is_person_id, split_actor
from .signed_heads import SignedHead


class WriterPolicy(Protocol):
    """Who may write a document; team documents plug their own rules in."""

    def writers(self, doc_id: str, current: core.Document | None, candidate: core.Document) -> set[str]: ...

    def device_limit(
        self, doc_id: str, current: core.Document | None, candidate: core.Document, actor: bytes
    ) -> int | None: ...


class PersonPolicy:
    """A person document is written by its person, from devices not revoked."""

    def writers(self, doc_id: str, current: core.Document | None, candidate: core.Document) -> set[str]:
        if not is_person_id(doc_id):
            raise RejectedError(f"document {doc_id[:60]!r} is of no kind this node knows")
        return {doc_id}

    def device_limit(
        self, doc_id: str, current: core.Document | None, candidate: core.Document, actor: bytes
    ) -> int | None:
        """Highest sequence number the device may have, None when unlimited.

        A revocation is sticky: seen once, a later document cannot undo it.
        """
        _, device = split_actor(actor) or ("", "")
        limits = [_revocation(doc, device) for doc in (current, candidate) if doc is not None]
        found = [limit for limit in limits if limit is not None]
        return min(found) if found else None


def _revocation(doc: core.Document, device: str) -> int | None:
    devices = am.map_id(doc, am.ROOT, "devices")
    if devices is None:
        return None
    entry = am.map_id(doc, devices, device)
    if entry is None:
        return None
    data = core.extract(doc, entry)
    if isinstance(data, dict) and data.get("revoked_at"):
        return int(data.get("revoked_after_seq") or 0)
    return None


@dataclass
class Accepted:
    """A verified update, ready to be committed as one transaction."""

    doc_id: str
    document: core.Document
    new_changes: list = field(default_factory=list)
    new_signed_heads: list[SignedHead] = field(default_factory=list)
    signed_heads: list[SignedHead] = field(default_factory=list)
    saved: bytes | None = None  # the document's bytes when already at hand, to spare a save()

    @property
    def changed(self) -> bool:
        return bool(self.new_changes or self.new_signed_heads)


def load_candidate(current_bytes: bytes | None, incoming: bytes) -> core.Document:
    try:
        return core.Document.load((current_bytes or b"") + incoming)
    except Exception as exc:  # the bindings raise a bare Exception
        raise RejectedError(f"the document bytes are corrupt or incomplete ({exc})") from None


def verify_update(
    doc_id: str,
    current_bytes: bytes | None,
    current_signed: list[SignedHead],
    incoming: bytes,
    offered: list[SignedHead],
    policy: WriterPolicy | None = None,
) -> Accepted:
    """Verify `incoming` (saved documents or change chunks) against `doc_id`."""
    policy = policy or PersonPolicy()
    current = core.Document.load(current_bytes) if current_bytes else None
    candidate = load_candidate(current_bytes, incoming)
    writers = policy.writers(doc_id, current, candidate)
    known = {sh.signature for sh in current_signed}
    fresh = [sh for sh in offered if sh.signature not in known]
    for signed in fresh:
        _check_signed_head(doc_id, signed, writers)
    new_changes = candidate.get_changes(current.get_heads() if current else [])
    everything = {c.hash for c in candidate.get_changes([])}
    all_signed = _prune(candidate, everything, current_signed + _unique(fresh))
    _check_coverage(doc_id, candidate, everything, new_changes, all_signed, writers, current, policy)
    if current is None and not new_changes:
        raise RejectedError(f"document {doc_id[:60]} is empty")
    _check_identity_field(doc_id, candidate)
    saved = incoming if current_bytes is None else None
    return Accepted(doc_id, candidate, new_changes, [s for s in fresh if s in all_signed], all_signed, saved)


def _unique(heads: list[SignedHead]) -> list[SignedHead]:
    seen: dict[bytes, SignedHead] = {}
    for signed in heads:
        seen.setdefault(signed.signature, signed)
    return list(seen.values())


def _check_signed_head(doc_id: str, signed: SignedHead, writers: set[str]) -> None:
    if signed.doc_id != doc_id:
        raise RejectedError(f"a signed head names document {signed.doc_id[:60]}, not {doc_id[:60]}")
    if signed.signer not in writers:
        raise RejectedError(f"{signed.signer[:60]} may not sign document {doc_id[:60]}")
    if not signed.is_valid():
        raise RejectedError(f"a signature on document {doc_id[:60]} is forged or altered")


def _ancestors(candidate: core.Document, everything: set[bytes], heads: list[bytes]) -> set[bytes]:
    if len(heads) == 1 and len(everything) == 1 and heads[0] in everything:
        return set(everything)  # a document of one change, the common case of a fresh profile
    missing = [h for h in heads if h not in everything]
    if missing:
        raise RejectedError(f"a signed head refers to change {missing[0].hex()[:12]} that is missing")
    return everything - {c.hash for c in candidate.get_changes(heads)}


def _check_coverage(
    doc_id: str,
    candidate: core.Document,
    everything: set[bytes],
    new_changes: list,
    signed: list[SignedHead],
    writers: set[str],
    current: core.Document | None,
    policy: WriterPolicy,
) -> None:
    covered: dict[str, set[bytes]] = {}
    for writer in writers:
        heads = [h for s in signed if s.signer == writer for h in s.heads]
        covered[writer] = _ancestors(candidate, everything, heads) if heads else set()
    limits: dict[bytes, int | None] = {}
    for change in new_changes:
        author = split_actor(change.actor_id)
        label = change.hash.hex()[:12]
        if author is None or author[0] not in writers:
            raise RejectedError(f"change {label} to {doc_id[:60]} is by someone who may not write it")
        if change.hash not in covered[author[0]]:
            raise RejectedError(f"change {label} to {doc_id[:60]} has no valid signature by its author")
        if change.actor_id not in limits:
            limits[change.actor_id] = policy.device_limit(doc_id, current, candidate, change.actor_id)
        limit = limits[change.actor_id]
        if limit is not None and change.seq > limit:
            raise RejectedError(f"change {label} comes from a revoked device")


def _prune(candidate: core.Document, everything: set[bytes], signed: list[SignedHead]) -> list[SignedHead]:
    """Keep only signed heads that another by the same signer does not cover."""
    usable = _unique_by_heads([s for s in signed if all(h in everything for h in s.heads)])
    if len({s.signer for s in usable}) == len(usable):
        return usable  # one signed head per signer: nothing to prune
    kept: list[SignedHead] = []
    for signed_head in usable:
        others = [o for o in usable if o is not signed_head and o.signer == signed_head.signer]
        below = set()
        for other in others:
            below |= _ancestors(candidate, everything, list(other.heads)) | set(other.heads)
        if not set(signed_head.heads) <= below:
            kept.append(signed_head)
    return kept


def _unique_by_heads(signed: list[SignedHead]) -> list[SignedHead]:
    seen: dict[tuple, SignedHead] = {}
    for s in signed:
        seen.setdefault((s.signer, s.heads), s)
    return list(seen.values())


def _check_identity_field(doc_id: str, candidate: core.Document) -> None:
    found = candidate.get(am.ROOT, "id")
    if found is None or found[0] != (core.ScalarType.Str, doc_id):
        raise RejectedError(f"document {doc_id[:60]} does not carry its own id")
