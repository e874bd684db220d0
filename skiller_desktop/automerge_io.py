"""Thin helpers over the automerge bindings: write plain Python values, read them back.

The bindings' own proxy writes `True` as an integer (bool is an int), so we
write scalars ourselves with their exact Automerge type.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from automerge import core

ROOT = core.ROOT
Document = core.Document


def scalar_type(value: Any) -> core.ScalarType:
    if isinstance(value, bool):
        return core.ScalarType.Boolean
    if isinstance(value, str):
        return core.ScalarType.Str
    if isinstance(value, int):
        return core.ScalarType.Int
    if isinstance(value, float):
        return core.ScalarType.F64
    if isinstance(value, bytes):
        return core.ScalarType.Bytes
    if isinstance(value, datetime):
        return core.ScalarType.Timestamp
    if value is None:
        return core.ScalarType.Null
    raise TypeError(f"cannot store {type(value).__name__} in a document")


def put(tx: core.Transaction, obj: bytes, key: str | int, value: Any) -> None:
    """Put a value (scalar, dict or list, nested) at obj[key]."""
    if isinstance(value, dict):
        child = tx.put_object(obj, key, core.ObjType.Map)
        for k, v in value.items():
            put(tx, child, k, v)
    elif isinstance(value, list):
        child = tx.put_object(obj, key, core.ObjType.List)
        for i, v in enumerate(value):
            insert(tx, child, i, v)
    else:
        tx.put(obj, key, scalar_type(value), value)


def insert(tx: core.Transaction, obj: bytes, index: int, value: Any) -> None:
    if isinstance(value, dict):
        child = tx.insert_object(obj, index, core.ObjType.Map)
        for k, v in value.items():
            put(tx, child, k, v)
    elif isinstance(value, list):
        child = tx.insert_object(obj, index, core.ObjType.List)
        for i, v in enumerate(value):
            insert(tx, child, i, v)
    else:
        tx.insert(obj, index, scalar_type(value), value)


def map_id(tx: core.Transaction | core.Document, obj: bytes, key: str) -> bytes | None:
    """The id of the map at obj[key], or None if there is none."""
    found = tx.get(obj, key)
    if found is None:
        return None
    value, child = found
    return child if value == core.ObjType.Map else None


def ensure_map(tx: core.Transaction, obj: bytes, key: str) -> bytes:
    existing = map_id(tx, obj, key)
    return existing if existing is not None else tx.put_object(obj, key, core.ObjType.Map)


def to_python(doc: core.Document) -> dict:
    return core.extract(doc)  # type: ignore[return-value]


def load(data: bytes) -> core.Document:
    return core.Document.load(data)


def change_hashes(doc: core.Document, since: list[bytes] | None = None) -> list[bytes]:
    return [change.hash for change in doc.get_changes(since or [])]
