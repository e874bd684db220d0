"""Decide whether changes from outside may enter a document (DESIGN.md §4).

A change is accepted only if its actor belongs to a person allowed to write
the document and a valid signed head by that same person covers it. The
check runs on a candidate copy; nothing is kept of a refused update. Bundles,
peers and relays all go through here, so they check exactly the same way.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Protocol, cast

from automerge import core

from . import automerge_io as am
from . import doc_schema
from .errors import RejectedError
from .identity import is_person_id, split_actor
from .messages import say
from .person_doc import now_iso
from .readmodel import person_rows
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
            raise RejectedError(say("document.unknown_kind", doc_id=doc_id[:60]))
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
        return int(data.get("revoked_after_seq") or 0)  # type: ignore[arg-type]  # doc_schema: an int
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
    # Encoded bytes of new changes already at hand (from the wire), by hash: Change.bytes re-encodes.
    change_bytes: dict[bytes, bytes] | None = None
    data: dict | None = None  # the document as Python values, when already extracted (by the schema check)

    @property
    def changed(self) -> bool:
        return bool(self.new_changes or self.new_signed_heads)


@dataclass
class Prepared:
    """A verified update as plain, picklable data: everything `Store.commit` writes.

    Built from an `Accepted` by `prepare`, in this process or in a worker
    process (sync verifies big batches in a process pool).
    """

    doc_id: str
    kind: str
    saved: bytes
    heads: list[str]  # sorted, hex
    signed_heads: list[SignedHead]
    new_signed_heads: list[SignedHead]
    changes: list[tuple[str, str, bytes]]  # (hash hex, author person id or "", encoded change)
    data: dict | None = None  # the document as Python values (for a person, only what rows lack)
    person_rows: tuple | None = None  # readmodel.person_rows of a person document
    # Change bytes that are slices of `saved` (start, end) by hash; and whether `saved` and those
    # slices were left out (`detached`), for the receiver of a worker's answer to put back.
    spans: dict[str, tuple[int, int]] = field(default_factory=dict)
    detached_from: int = 0  # len of the bytes left out; 0 when nothing was

    @property
    def changed(self) -> bool:
        return bool(self.changes or self.new_signed_heads)

    def detach(self, incoming: bytes) -> Prepared:
        """This without the bytes that `incoming` (the sender's own copy) holds: half as much to pickle."""
        if self.saved is not incoming or not incoming:
            return self
        changes = [(h, author, b"" if h in self.spans else data) for h, author, data in self.changes]
        return replace(self, saved=b"", changes=changes, detached_from=len(incoming))

    def attach(self, incoming: bytes) -> Prepared:
        """Undo `detach` with the same `incoming` bytes."""
        if not self.detached_from:
            return self
        if len(incoming) != self.detached_from:
            raise ValueError("attach() needs the bytes the answer was detached from")
        changes = [(h, author, incoming[slice(*self.spans[h])] if h in self.spans else data)
                   for h, author, data in self.changes]
        return replace(self, saved=incoming, changes=changes, detached_from=0)


def prepare(update: Accepted, with_data: bool = True) -> Prepared:
    doc = update.document
    known = update.change_bytes or {}
    spans = {}
    if len(known) < len(update.new_changes) and update.saved is not None:
        spans = {h: span for h, span in am.reusable_chunks(update.saved, update.new_changes).items() if h not in known}
    changes = []
    for change in update.new_changes:
        author = split_actor(change.actor_id)
        digest = change.hash
        encoded = known.get(digest)
        if encoded is None:
            span = spans.get(digest)
            encoded = update.saved[span[0] : span[1]] if span else am.change_bytes(change)  # type: ignore[index]
        changes.append((digest.hex(), author[0] if author else "", encoded))
    data, rows = None, None
    if with_data:
        checked = update.data is not None  # extracted by verify_update or Services.edit, after doc_schema.check
        data = update.data if update.data is not None else am.to_python(doc)
        data["updated_at"] = now_iso()
        if data.get("kind") == "person":
            rows = person_rows(update.doc_id, data, checked)
            data = {"kind": "person", "updated_at": data["updated_at"]}
    return Prepared(
        update.doc_id,
        doc_kind(doc),
        update.saved if update.saved is not None else doc.save(),
        sorted(h.hex() for h in doc.get_heads()),
        list(update.signed_heads),
        list(update.new_signed_heads),
        changes,
        data,
        rows,
        {h.hex(): span for h, span in spans.items()},
    )


def doc_kind(doc: core.Document) -> str:
    found = doc.get(am.ROOT, "kind")
    if found is None or not isinstance(found[0], tuple):
        return "unknown"
    return str(found[0][1])


def worker_started() -> None:
    """Initializer of a verifying worker process: exit when the process that started it is gone.

    A pool's workers otherwise outlive a parent that was killed (a relay
    stopped with SIGTERM), blocked forever on their task queue.
    """
    import multiprocessing
    import os
    import threading
    from multiprocessing.connection import wait

    parent = multiprocessing.parent_process()
    if parent is None:
        return

    def watch() -> None:
        wait([parent.sentinel])
        os._exit(0)

    threading.Thread(target=watch, name="parent watch", daemon=True).start()


def verify_prepared(jobs: list[tuple], with_data: bool) -> list[tuple[bool, Prepared | str | None]]:
    """Worker-process entry point: verify person documents, return plain data.

    Each job is (doc_id, current bytes, current signed heads, incoming, offered, current heads,
    encoded changes by hash or None);
    each answer (True, Prepared or None when nothing changed) or (False, reason). A Prepared
    comes detached from the job's incoming bytes: the caller has them, `attach` puts them back.
    Checks exactly as `verify_update` with `PersonPolicy` does in-process.
    """
    out: list[tuple[bool, Prepared | str | None]] = []
    for doc_id, current_bytes, current_signed, incoming, offered, current_heads, encoded in jobs:
        try:
            update = verify_update(doc_id, current_bytes, current_signed, incoming, offered, PersonPolicy(),
                                   current_heads=current_heads)
        except RejectedError as exc:
            out.append((False, exc.as_message()))  # its code says whether it is for good
            continue
        update.change_bytes = encoded
        out.append((True, prepare(update, with_data).detach(incoming) if update.changed else None))
    return out


def load_candidate(current_bytes: bytes | None, incoming: bytes) -> core.Document:
    """The stored document with `incoming` loaded onto it; RejectedError past the load limits.

    Automerge inflates inside its loader without a limit, so what reaches it is
    bounded first (`automerge_io.check_loadable`, docs/limits.md).
    """
    data = (current_bytes or b"") + incoming
    am.check_loadable(data)
    try:
        return core.Document.load(data)
    except Exception as exc:  # the bindings raise a bare Exception
        raise RejectedError(f"the document bytes are corrupt or incomplete ({exc})") from None


def verify_update(
    doc_id: str,
    current_bytes: bytes | None,
    current_signed: list[SignedHead],
    incoming: bytes,
    offered: list[SignedHead],
    policy: WriterPolicy | None = None,
    *,
    current_heads: list[bytes] | tuple[bytes, ...] | None = None,
) -> Accepted:
    """Verify `incoming` (saved documents or change chunks) against `doc_id`.

    `current_heads`, the stored heads of `current_bytes`, spare loading the
    current document a second time for a person document: its state is read
    from the candidate as it was at those heads.
    """
    policy = policy or PersonPolicy()
    candidate = load_candidate(current_bytes, incoming)
    current: core.Document | None = None
    all_hashes: set[bytes] = set()  # every change of the candidate, when there is a current document
    if current_bytes:
        all_hashes = {c.hash for c in candidate.get_changes([])}
        if current_heads and type(policy) is PersonPolicy and all(h in all_hashes for h in current_heads):
            # a view that answers the reads PersonPolicy and the coverage check make, as a Document would
            current = cast(core.Document, _AtHeads(candidate, list(current_heads)))
        else:
            current = core.Document.load(current_bytes)
    writers = policy.writers(doc_id, current, candidate)
    known = {sh.signature for sh in current_signed}
    fresh = [sh for sh in offered if sh.signature not in known]
    for signed in fresh:
        _check_signed_head(doc_id, signed, writers)
    new_changes = candidate.get_changes(current.get_heads() if current else [])
    everything = all_hashes if current else {c.hash for c in new_changes}
    all_signed = _prune(candidate, everything, current_signed + _unique(fresh))
    _check_coverage(doc_id, candidate, everything, new_changes, all_signed, writers, current, policy)
    if current is None and not new_changes:
        raise RejectedError(say("document.empty", doc_id=doc_id[:60]))
    _check_identity_field(doc_id, candidate)
    try:
        data = am.to_python(candidate)
    except RecursionError:  # unknown fields are kept, but not at any depth: Python recurses per level
        raise RejectedError(say("document.too_deep", doc_id=doc_id[:60])) from None
    doc_schema.check(doc_id, data)  # known fields sane (types, sizes, levels, links) before anything is stored
    saved = incoming if current_bytes is None else _appended(current_bytes, incoming)
    return Accepted(doc_id, candidate, new_changes, [s for s in fresh if s in all_signed], all_signed, saved,
                    data=data)


MAX_APPENDED_CHUNKS = 16


def _appended(current: bytes, incoming: bytes) -> bytes | None:
    """`current + incoming` as the bytes to store, when incoming is only change chunks; None: save().

    Saved bytes followed by change chunks load as the same document, so an
    update to a stored document spares a full save(); past a few chunks the
    document is saved compactly again.
    """
    kinds = _chunk_kinds(incoming, MAX_APPENDED_CHUNKS)
    if not kinds or any(k not in (1, 2) for k in kinds):
        return None
    before = _chunk_kinds(current, MAX_APPENDED_CHUNKS - len(kinds))
    if not before:
        return None
    return current + incoming


def _chunk_kinds(data: bytes, limit: int) -> list[int] | None:
    """The chunk types in `data`, or None if it is not a clean run of at most `limit` chunks."""
    found = am.chunks(data, limit)
    return [kind for kind, _, _ in found] if found is not None else None


class _AtHeads:
    """A read-only view of a document as it was at `heads` (what `core.extract` and map lookups use)."""

    def __init__(self, doc: core.Document, heads: list[bytes]) -> None:
        self.doc = doc
        self.heads = heads

    def get_heads(self) -> list[bytes]:
        return list(self.heads)

    def object_type(self, obj: bytes):
        return self.doc.object_type(obj)

    def get(self, obj: bytes, prop, heads=None):
        return self.doc.get(obj, prop, self.heads if heads is None else heads)

    def keys(self, obj: bytes, heads=None):
        return self.doc.keys(obj, self.heads if heads is None else heads)

    def values(self, obj: bytes, heads=None):
        return self.doc.values(obj, self.heads if heads is None else heads)

    def length(self, obj: bytes, heads=None):
        return self.doc.length(obj, self.heads if heads is None else heads)

    def text(self, obj: bytes, heads=None):
        return self.doc.text(obj, self.heads if heads is None else heads)


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
        raise RejectedError(say("document.no_own_id", doc_id=doc_id[:60]))
