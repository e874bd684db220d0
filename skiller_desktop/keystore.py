"""Where the private key lives: the OS key store, or an owner-only file.

Headless Linux and CI have no key store; there the key goes to a file with
mode 0600 in the data dir. `SKILLER_NO_KEYRING=1` forces the file, which the
tests use so they never touch a developer's real key store.

Windows has no owner-only file modes that mean much (any program the user
runs, and any administrator, reads the file), so there the file fallback
holds the key encrypted with DPAPI (CryptProtectData, through pywin32's
win32crypt): only the same Windows user on the same machine decrypts it.
Without pywin32 the fallback is refused with a clear message rather than
leaving the key readable.

identity.json carries a format `version`: one written by a newer Skiller is
refused with words that say so (versions.py); older files have none (1).
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
from .versions import check_format_version

SERVICE = "skiller-desktop"
IDENTITY_FILE = "identity.json"
KEY_FILE = "identity.key"
MAX_META_BYTES = 64 * 1024  # identity.json holds five short fields
MAX_KEY_BYTES = 4096  # 64 hex digits, or DPAPI's blob of them (a few hundred bytes)
META_VERSION = 1
DPAPI_DESCRIPTION = "Skiller private key"


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
    """Store the key; returns where ("keyring", "file", or "dpapi": the file, encrypted on Windows)."""
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
    if where == "file" and _on_windows():
        key_bytes, where = _dpapi_protect(seed.encode("ascii")), "dpapi"
    else:
        key_bytes = seed.encode("ascii")
    try:
        if where in ("file", "dpapi"):
            write_private_file(data_dir / KEY_FILE, key_bytes)
        meta = {
            "version": META_VERSION,
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
        check_format_version(meta.get("version", META_VERSION), META_VERSION, "identity.newer", "identity.version",
                             IdentityError)
        if meta["key_store"] == "keyring":
            keyring = _keyring()
            seed = keyring.get_password(SERVICE, meta["key_ref"]) if keyring else None
            if seed is None:
                raise IdentityError(say("identity.key_missing"))
        else:  # a missing or oversized key file is a ValueError, said as identity.unreadable below
            key_bytes = read_limited(data_dir / KEY_FILE, MAX_KEY_BYTES, ValueError, "key file")
            if meta["key_store"] == "dpapi":
                key_bytes = _dpapi_unprotect(key_bytes)
            seed = key_bytes.decode("ascii").strip()
        identity = Identity.from_seed(bytes.fromhex(seed), meta["device_id"])
    except IdentityError:
        raise
    except (OSError, ValueError, KeyError, TypeError):
        raise IdentityError(say("identity.unreadable", path=data_dir)) from None
    if identity.person_id != meta["person_id"]:
        raise IdentityError(say("identity.stored_mismatch"))
    return identity


def _on_windows() -> bool:
    return os.name == "nt"


def _win32crypt():
    """pywin32's DPAPI module (a Windows-only dependency), or IdentityError saying why the key cannot be kept."""
    try:
        import win32crypt  # type: ignore[import-untyped]
    except ImportError as exc:
        raise IdentityError(say("identity.no_keystore_windows", detail=exc)) from None
    return win32crypt


def _dpapi_protect(data: bytes) -> bytes:
    """Encrypted for this Windows user on this machine (CryptProtectData)."""
    return bytes(_win32crypt().CryptProtectData(data, DPAPI_DESCRIPTION, None, None, None, 0))


def _dpapi_unprotect(data: bytes) -> bytes:
    win32crypt = _win32crypt()
    try:
        _description, plain = win32crypt.CryptUnprotectData(data, None, None, None, 0)
    except Exception:  # pywintypes.error: another user's or another machine's file, or damaged
        raise ValueError("the key file cannot be decrypted by this Windows user") from None
    return bytes(plain)
