"""Team keys for the relay privacy to come: nothing in sync uses this yet.

A team key is a random secretbox key (XSalsa20-Poly1305) with a version.
It reaches each member sealed (SealedBox) to their Curve25519 key, which is
their Ed25519 person key converted, so no second key pair is needed. When a
member leaves, `rotate` makes the next version sealed to those who remain;
older versions stay readable by whoever held them, so ciphertexts carry the
version they were made with.
"""

from __future__ import annotations

import secrets
import struct
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from nacl.bindings import crypto_sign_ed25519_pk_to_curve25519, crypto_sign_ed25519_sk_to_curve25519
from nacl.exceptions import CryptoError
from nacl.public import PrivateKey, PublicKey, SealedBox
from nacl.secret import SecretBox

from ..errors import RejectedError
from ..identity import Identity, public_key_from_did, raw_private_key

_VERSION = struct.Struct(">I")
_SEALED_DOMAIN = b"skiller-team-key-v1\x00"


@dataclass(frozen=True)
class TeamKey:
    version: int
    key: bytes

    def __repr__(self) -> str:  # never print the key
        return f"TeamKey(version={self.version})"


def new_team_key(version: int = 1) -> TeamKey:
    return TeamKey(version, secrets.token_bytes(SecretBox.KEY_SIZE))


def curve_public_key(person_id: str) -> bytes:
    return crypto_sign_ed25519_pk_to_curve25519(public_key_from_did(person_id))


def curve_private_key(identity: Identity) -> bytes:
    return crypto_sign_ed25519_sk_to_curve25519(raw_private_key(identity.private_key) + identity.public_key)


def seal_key(team_key: TeamKey, person_id: str) -> bytes:
    """The team key, readable only by `person_id`."""
    plain = _SEALED_DOMAIN + _VERSION.pack(team_key.version) + team_key.key
    return SealedBox(PublicKey(curve_public_key(person_id))).encrypt(plain)


def open_key(sealed: bytes, identity: Identity) -> TeamKey:
    try:
        plain = SealedBox(PrivateKey(curve_private_key(identity))).decrypt(sealed)
    except CryptoError:
        raise RejectedError("this team key was not sealed for you, or it was altered") from None
    if not plain.startswith(_SEALED_DOMAIN) or len(plain) != len(_SEALED_DOMAIN) + 4 + SecretBox.KEY_SIZE:
        raise RejectedError("this is not a sealed team key")
    body = plain[len(_SEALED_DOMAIN) :]
    return TeamKey(_VERSION.unpack(body[:4])[0], body[4:])


def seal_for_members(team_key: TeamKey, person_ids: Iterable[str]) -> dict[str, bytes]:
    return {pid: seal_key(team_key, pid) for pid in dict.fromkeys(person_ids)}


def rotate(current: TeamKey, remaining: Iterable[str]) -> tuple[TeamKey, dict[str, bytes]]:
    """The next key version, sealed to the members who remain."""
    fresh = new_team_key(current.version + 1)
    return fresh, seal_for_members(fresh, remaining)


def encrypt(team_key: TeamKey, plaintext: bytes) -> bytes:
    """Version (4 bytes, big-endian), then nonce and ciphertext; the version is authenticated too."""
    header = _VERSION.pack(team_key.version)
    nonce = secrets.token_bytes(SecretBox.NONCE_SIZE)
    return header + bytes(SecretBox(team_key.key).encrypt(header + plaintext, nonce))


def decrypt(keys: TeamKey | Mapping[int, TeamKey], data: bytes) -> bytes:
    """Plaintext of `encrypt`'s output, with the key of the version it names."""
    by_version = {keys.version: keys} if isinstance(keys, TeamKey) else dict(keys)
    if len(data) < 4:
        raise RejectedError("this encrypted data is truncated")
    header = data[:4]
    version = _VERSION.unpack(header)[0]
    team_key = by_version.get(version)
    if team_key is None:
        raise RejectedError(f"no team key of version {version} here")
    try:
        plain = SecretBox(team_key.key).decrypt(data[4:])
    except CryptoError:
        raise RejectedError("this encrypted data was altered or made with another key") from None
    if not plain.startswith(header):
        raise RejectedError("this encrypted data names the wrong key version")
    return plain[4:]
