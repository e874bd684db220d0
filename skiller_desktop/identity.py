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
import re
import secrets
import unicodedata
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
        raise ValidationError(say("person.not_an_id", value=str(did)[:80]), "person_id")
    try:
        decoded = base58.b58decode(did[len(_DID_PREFIX) :])
    except ValueError:
        raise ValidationError(say("person.not_an_id", value=did[:80]), "person_id") from None
    if len(decoded) != 2 + KEY_BYTES or not decoded.startswith(_ED25519_MULTICODEC):
        raise ValidationError(say("person.not_an_id", value=did[:80]), "person_id")
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

PHRASE_WORDS = 24
# BIP-39 word lists the app offers, by interface language. The phrase is the key itself
# (its entropy), so the same key reads as English or French words and either restores it.
PHRASE_LANGUAGES = {"en": "english", "fr": "french"}
# Read on restore: every BIP-39 list python-mnemonic ships (a phrase written down in Chinese, Japanese,
# Spanish ... restores too), ours first. Simplified and traditional Chinese share most characters, so a
# phrase may be made of words of several lists: each list holding every word is tried (issue 15.5).
READ_LANGUAGES = ("english", "french", *sorted(set(Mnemonic.list_languages()) - {"english", "french"}))


class PhraseError(ValidationError):
    """A recovery phrase refused, with what to tell the user: `problem` and its parameters.

    problem: "empty", "count" (`count` words, `expected` wanted), "unknown_word"
    (`word` at `position`, 1-based, not in the list) or "checksum" (right words, wrong order or one miscopied).
    """

    code = "phrase"

    def __init__(self, problem: str, **params: object) -> None:
        params = {"expected": PHRASE_WORDS, **params}
        super().__init__(say(f"phrase.{problem}", **params), "phrase")  # catalogued: the UI says it by code
        self.problem = problem


def phrase_language(language: str) -> str:
    """The BIP-39 list for an interface language ("fr" or "french"); English where BIP-39 has none we offer."""
    if language in PHRASE_LANGUAGES.values():
        return language
    return PHRASE_LANGUAGES.get(language.split("_")[0].lower(), "english")


def recovery_phrase(identity: Identity, language: str = "english") -> str:
    """24 BIP-39 words that are the private key itself: nothing else to keep."""
    return Mnemonic(phrase_language(language)).to_mnemonic(raw_private_key(identity.private_key))


def translate_phrase(phrase: str, language: str) -> str:
    """The same key's phrase in another language's words (the phrase must be valid)."""
    return Mnemonic(phrase_language(language)).to_mnemonic(seed_from_phrase(phrase))


def phrase_words(phrase: str) -> list[str]:
    """The words of a phrase as typed or pasted; from a printed or saved sheet ("1. word  7. word"),
    in the order of their numbers, which columns read row by row would scramble."""
    numbered: list[tuple[int, str]] = []
    words: list[str] = []
    number: int | None = None
    for token in unicodedata.normalize("NFC", phrase).lower().split():
        mark = _NUMBERING.fullmatch(token)
        if mark:
            number = int(mark[1])
            continue
        words.append(token)
        if number is not None:
            numbered.append((number, token))
        number = None
    if words and len(numbered) == len(words):
        return [word for _n, word in sorted(numbered, key=lambda pair: pair[0])]
    return words


_NUMBERING = re.compile(r"(\d+)[.):]?")


def folded_word(word: str) -> str:
    """A word without its accents: "eleve" finds "élève" (the French list is unique without them)."""
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


@functools.cache
def _word_list(language: str) -> dict[str, str]:
    """A word as typed (NFKD, as the lists are compared) or without its accents -> the word as the list
    spells it. An accentless form is kept only where it stays unique in that list: French is unique
    without accents, Japanese (whose voicing marks fold away) is not."""
    words = Mnemonic(language).wordlist
    folded: dict[str, list[str]] = {}
    for word in words:
        folded.setdefault(folded_word(word), []).append(word)
    known = {key: spelled[0] for key, spelled in folded.items() if len(spelled) == 1}
    known.update({unicodedata.normalize("NFKD", w): w for w in words})
    return known


@functools.cache
def _reader(language: str) -> Mnemonic:
    """A list's Mnemonic with its words in NFKD, the form it compares typed words in: python-mnemonic 0.21
    ships the Russian list in NFC, so its own check refuses Trezor's Russian vectors ("й" decomposes)."""
    words = [unicodedata.normalize("NFKD", w) for w in Mnemonic(language).wordlist]
    return Mnemonic(language, wordlist=words)


def _in_list(word: str, language: str) -> str | None:
    known = _word_list(language)
    return known.get(unicodedata.normalize("NFKD", word)) or known.get(folded_word(word))


def seed_from_phrase(phrase: str) -> bytes:
    """The key a phrase in any BIP-39 list holds; a PhraseError says which word or count is wrong."""
    words = phrase_words(phrase)
    if not words:
        raise PhraseError("empty", count=0)
    spellings = ((lang, _spelled(words, lang)) for lang in READ_LANGUAGES)
    holding = [(lang, spelled) for lang, spelled in spellings if spelled is not None]
    if not holding:  # name the first stray word of the list that holds most of them
        best = max(READ_LANGUAGES, key=lambda lang: sum(_in_list(w, lang) is not None for w in words))
        position, word = next((i, w) for i, w in enumerate(words, 1) if _in_list(w, best) is None)
        raise PhraseError("unknown_word", word=word, position=position, count=len(words))
    if len(words) != PHRASE_WORDS:
        raise PhraseError("count", count=len(words))
    for language, spelled in holding:
        mnemo = _reader(language)
        if mnemo.check(spelled):
            return bytes(mnemo.to_entropy(spelled))
    raise PhraseError("checksum", count=len(words))


def _spelled(words: list[str], language: str) -> str | None:
    """The phrase as `language`'s list spells it (accents back), or None if a word is not in it."""
    spelled = [_in_list(w, language) for w in words]
    return " ".join(w for w in spelled if w is not None) if all(spelled) else None


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
        _check_export_version(envelope)
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


def _check_export_version(envelope: dict) -> None:
    """An export from a newer Skiller is refused as such (package, issue 16), not as a damaged file."""
    from .versions import check_format_version

    check_format_version(envelope.get("version", 1), 1, "identity.newer", "identity.version", IdentityError)


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
    from .files import replace  # retried while Windows holds the old file open (package, issue 16)

    replace(tmp, path)
