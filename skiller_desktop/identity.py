"""Who the user is: an Ed25519 key pair, its did:key, devices and recovery.

The person id is the public key as a did:key, so anyone can check a
signature from the id alone. Each device has its own id; the Automerge actor
id is the person key followed by the device id, so a change names its author
without any lookup and two devices never share an actor.
"""

from __future__ import annotations

import base64
import functools
import json
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

import base58
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
)
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt
from mnemonic import Mnemonic

from . import safe_json
from .errors import IdentityError, ValidationError
from .messages import say

_DID_PREFIX = "did:key:z"
_ED25519_MULTICODEC = b"\xed\x01"
DEVICE_ID_BYTES = 8
KEY_BYTES = 32


@functools.lru_cache(maxsize=65536)
def did_from_public_key(raw: bytes) -> str:
    return _DID_PREFIX + base58.b58encode(_ED25519_MULTICODEC + raw).decode("ascii")


@functools.lru_cache(maxsize=65536)
def public_key_from_did(did: str) -> bytes:
    """The raw Ed25519 key inside a did:key; a clear error for anything else."""
    if not isinstance(did, str) or not did.startswith(_DID_PREFIX):
        raise ValidationError(f"not a Skiller person id: {str(did)[:80]!r}", "person_id")
    try:
        decoded = base58.b58decode(did[len(_DID_PREFIX) :])
    except ValueError:
        raise ValidationError(f"malformed person id: {did[:80]!r}", "person_id") from None
    if len(decoded) != 2 + KEY_BYTES or not decoded.startswith(_ED25519_MULTICODEC):
        raise ValidationError(f"malformed person id: {did[:80]!r}", "person_id")
    return decoded[2:]


def is_person_id(value: str) -> bool:
    try:
        public_key_from_did(value)
    except ValidationError:
        return False
    return True


def raw_public_key(key: Ed25519PrivateKey) -> bytes:
    return key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def raw_private_key(key: Ed25519PrivateKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.Raw,
        serialization.PrivateFormat.Raw,
        serialization.NoEncryption(),
    )


def verify_signature(person_id: str, signature: bytes, message: bytes) -> bool:
    """Check an Ed25519 signature by the person's key.

    libsodium (PyNaCl, imported on first use) checks in half the time of
    OpenSSL here, which matters when a first sync checks one per document;
    it is also the stricter of the two (no small-order keys, canonical S).
    """
    from nacl.bindings import crypto_sign_open
    from nacl.exceptions import BadSignatureError

    if len(signature) != 64:
        return False
    try:
        crypto_sign_open(signature + message, public_key_from_did(person_id))
    except (BadSignatureError, ValidationError, ValueError, TypeError):
        return False
    return True


def actor_id(public_key: bytes, device_id: str) -> bytes:
    return public_key + bytes.fromhex(device_id)


def split_actor(actor: bytes) -> tuple[str, str] | None:
    """(person id, device id) of an actor, or None if it is not one of ours."""
    if len(actor) != KEY_BYTES + DEVICE_ID_BYTES:
        return None
    return did_from_public_key(actor[:KEY_BYTES]), actor[KEY_BYTES:].hex()


def new_device_id() -> str:
    return secrets.token_hex(DEVICE_ID_BYTES)


@dataclass(frozen=True)
class Identity:
    """The signing key of this person on this device."""

    private_key: Ed25519PrivateKey
    device_id: str

    @property
    def public_key(self) -> bytes:
        return raw_public_key(self.private_key)

    @property
    def person_id(self) -> str:
        return did_from_public_key(self.public_key)

    @property
    def actor_id(self) -> bytes:
        return actor_id(self.public_key, self.device_id)

    def sign(self, message: bytes) -> bytes:
        return self.private_key.sign(message)

    @classmethod
    def generate(cls) -> Identity:
        return cls(Ed25519PrivateKey.generate(), new_device_id())

    @classmethod
    def from_seed(cls, seed: bytes, device_id: str | None = None) -> Identity:
        return cls(Ed25519PrivateKey.from_private_bytes(seed), device_id or new_device_id())


# -- recovery phrase -------------------------------------------------------


def recovery_phrase(identity: Identity, language: str = "english") -> str:
    """24 BIP-39 words that are the private key itself: nothing else to keep."""
    return Mnemonic(language).to_mnemonic(raw_private_key(identity.private_key))


def seed_from_phrase(phrase: str) -> bytes:
    words = " ".join(phrase.split()).lower()
    if not words:
        raise ValidationError("the recovery phrase is empty", "phrase")
    try:
        language = Mnemonic.detect_language(words)
        mnemo = Mnemonic(language)
    except Exception:
        raise ValidationError("these are not recovery phrase words", "phrase") from None
    if len(words.split()) != 24 or not mnemo.check(words):
        raise ValidationError("the recovery phrase is wrong: check every word and their order", "phrase")
    return bytes(mnemo.to_entropy(words))


# -- passphrase-protected export -----------------------------------------

_EXPORT_FORMAT = "skiller-identity"
_SCRYPT_N = 2**15
_NONCE_BYTES = 12


def _derive(passphrase: str, salt: bytes) -> bytes:
    # surrogatepass: a passphrase from the environment may hold undecodable bytes; never a crash
    return Scrypt(salt=salt, length=32, n=_SCRYPT_N, r=8, p=1).derive(passphrase.encode("utf-8", "surrogatepass"))


def seal_identity(identity: Identity, passphrase: str, payload: dict) -> bytes:
    """Encrypt the key (and the person document) for another device."""
    if len(passphrase) < 8:
        raise ValidationError(say("identity.passphrase_short"), "passphrase")
    salt, nonce = os.urandom(16), os.urandom(_NONCE_BYTES)
    plain = json.dumps({"private_key": raw_private_key(identity.private_key).hex(), **payload}).encode("utf-8")
    sealed = AESGCM(_derive(passphrase, salt)).encrypt(nonce, plain, _EXPORT_FORMAT.encode())
    envelope = {
        "format": _EXPORT_FORMAT,
        "version": 1,
        "person_id": identity.person_id,
        "kdf": {"name": "scrypt", "n": _SCRYPT_N, "r": 8, "p": 1, "salt": _b64(salt)},
        "nonce": _b64(nonce),
        "ciphertext": _b64(sealed),
    }
    return json.dumps(envelope, indent=1).encode("utf-8")


def open_identity(data: bytes, passphrase: str) -> tuple[bytes, dict]:
    """The raw private key and the payload, or IdentityError if anything is off."""
    try:
        envelope = safe_json.loads(data)
        if envelope.get("format") != _EXPORT_FORMAT:
            raise ValueError
        salt = base64.b64decode(envelope["kdf"]["salt"], validate=True)
        nonce = base64.b64decode(envelope["nonce"], validate=True)
        sealed = base64.b64decode(envelope["ciphertext"], validate=True)
    except (ValueError, KeyError, TypeError, AttributeError):
        raise IdentityError(say("identity.not_export")) from None
    if len(nonce) != _NONCE_BYTES or len(salt) < 8:  # AESGCM refuses other nonce sizes with a ValueError
        raise IdentityError(say("identity.damaged"))
    try:
        plain = AESGCM(_derive(passphrase, salt)).decrypt(nonce, sealed, _EXPORT_FORMAT.encode())
    except InvalidTag:
        raise IdentityError(say("identity.wrong_passphrase")) from None
    try:  # sealed by us, so well-formed; still, a refusal rather than a crash if not
        payload = safe_json.loads(plain)
        seed = bytes.fromhex(payload.pop("private_key"))
        public = raw_public_key(Ed25519PrivateKey.from_private_bytes(seed))
    except (ValueError, KeyError, TypeError, AttributeError):
        raise IdentityError(say("identity.no_key")) from None
    if did_from_public_key(public) != envelope.get("person_id"):
        raise IdentityError(say("identity.mismatch"))
    return seed, payload


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def write_private_file(path: Path, data: bytes) -> None:
    """Write a file only the owner can read (mode is ignored where unsupported)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0)
    fd = os.open(tmp, flags, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)
