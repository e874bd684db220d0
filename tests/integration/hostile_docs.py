"""Signed person documents with whatever content a test wants, and a way to push them to a relay.

A throwaway key makes a real person document (genesis, device, profile),
then one more change writes the given raw values (no service validation),
and signs the heads: exactly what an attacker with a fresh key can send.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import requests
from automerge import core

from skiller_desktop import automerge_io as am
from skiller_desktop import person_doc as pd
from skiller_desktop.identity import Identity
from skiller_desktop.signed_heads import SignedHead
from sync.auth import sign_request
from sync.wire import WireEntry, encode_json, head_entry


def write_raw(values: dict[str, Any]) -> Callable[[core.Transaction], None]:
    """An edit putting raw values at root paths: {"skills": [1, 2], "profile.links": 42}."""

    def edit(tx: core.Transaction) -> None:
        for path, value in values.items():
            obj = am.ROOT
            *parents, last = path.split(".")
            for parent in parents:
                obj = am.ensure_map(tx, obj, parent)
            am.put(tx, obj, last, value)

    return edit


def person_document(identity: Identity, name: str, raw: dict[str, Any] | None = None) -> core.Document:
    doc = pd.new_document(identity, name, "", "laptop")
    if raw:
        pd.apply(doc, write_raw(raw))
    return doc


def entries_of(identity: Identity, doc: core.Document, since: list[bytes] | None = None) -> list[WireEntry]:
    """The document's changes (all, or after `since`) and a signed head covering them."""
    doc_id = identity.person_id
    changes = [WireEntry(doc_id, "change", c.hash.hex(), c.bytes) for c in doc.get_changes(since or [])]
    return [*changes, head_entry(SignedHead.sign(identity, doc_id, doc.get_heads()))]


def push(relay_url: str, identity: Identity, entries: list[WireEntry]) -> requests.Response:
    body = encode_json({"entries": [e.to_json() for e in entries]})
    headers = sign_request(identity, "POST", "/v1/log", body)
    return requests.post(relay_url + "/v1/log", data=body, headers=headers, timeout=30)
