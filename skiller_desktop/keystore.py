"""Where the private key lives: the OS key store, or an owner-only file.

Headless Linux and CI have no key store; there the key goes to a file with
mode 0600 in the data dir. `SKILLER_NO_KEYRING=1` forces the file, which the
tests use so they never touch a developer's real key store.
"""

from __future__ import annotations

import json
import os
import secrets
from pathlib import Path

from . import safe_json
from .errors import IdentityError, StorageError
from .files import read_limited
from .identity import Identity, write_private_file
from .messages import say

SERVICE = "skiller-desktop"
IDENTITY_FILE = "identity.json"
KEY_FILE = "identity.key"
MAX_META_BYTES = 64 * 1024  # identity.json holds four short fields


def _keyring():
    if os.environ.get("SKILLER_NO_KEYRING"):
        return None
    try:
        import keyring
        from keyring.backends import fail

        backend = keyring.get_keyring()
        if isinstance(backend, fail.Keyring):
            return None
        return keyring
    except Exception:
        return None


def save_identity(data_dir: Path, identity: Identity) -> str:
    """Store the key; returns where ("keyring" or "file")."""
    seed = identity.private_key.private_bytes_raw().hex()
    ref = secrets.token_hex(8)
    where = "file"
    keyring = _keyring()
    if keyring is not None:
        try:
            keyring.set_password(SERVICE, ref, seed)
            where = "keyring"
        except Exception:
            where = "file"
    try:
        if where == "file":
            write_private_file(data_dir / KEY_FILE, seed.encode("ascii"))
        meta = {
            "person_id": identity.person_id,
            "device_id": identity.device_id,
            "key_store": where,
            "key_ref": ref,
        }
        write_private_file(data_dir / IDENTITY_FILE, json.dumps(meta, indent=1).encode())
    except OSError as exc:
        raise StorageError(say("identity.cannot_write", path=data_dir, detail=exc.strerror)) from None
    return where


def load_identity(data_dir: Path) -> Identity | None:
    meta_path = data_dir / IDENTITY_FILE
    if not meta_path.exists():
        return None
    try:
        meta = safe_json.loads(read_limited(meta_path, MAX_META_BYTES, IdentityError, "identity file"))
        if meta["key_store"] == "keyring":
            keyring = _keyring()
            seed = keyring.get_password(SERVICE, meta["key_ref"]) if keyring else None
            if seed is None:
                raise IdentityError(say("identity.key_missing"))
        else:
            seed = (data_dir / KEY_FILE).read_text("ascii").strip()
        identity = Identity.from_seed(bytes.fromhex(seed), meta["device_id"])
    except IdentityError:
        raise
    except (OSError, ValueError, KeyError, TypeError):
        raise IdentityError(say("identity.unreadable", path=data_dir)) from None
    if identity.person_id != meta["person_id"]:
        raise IdentityError(say("identity.stored_mismatch"))
    return identity
