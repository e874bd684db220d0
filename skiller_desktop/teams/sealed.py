"""Team entries sealed for relays: keyboxes and sealed entries (docs/protocol.md §7).

A relay must store and forward a team's entries without reading them, yet
refuse forgeries. So each team key version N is a random 32-byte secret from
which two keys derive: the secretbox key that encrypts entries, and an
Ed25519 *team signing key* whose public half is public.

- A **keybox** publishes version N: the team, N, the signing public key of N,
  the hash of keybox N-1, and one SealedBox per member (no recipient names)
  holding every secret 1..N and the member list. Keybox 1 is signed by the
  signing key of version 1, and the team id commits to that key
  (`team_id_for`); keybox N > 1 is signed by the signing key of N-1. So a
  chain of keyboxes verifies from the team id alone, by anyone.
- A **sealed entry** is one plaintext log entry (change or signed head)
  encrypted with the secret of version N and signed with the signing key of
  N. A relay accepts it only if N is the newest version it has: someone who
  holds only older secrets (a removed member) can neither write after the
  rotation nor read what follows it.

Sealing is deterministic (the nonce is derived from the key and the inner
entry), so the same entry sealed twice under one version is the same bytes:
relays keep it once.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
import struct
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from nacl.bindings import crypto_sign_ed25519_pk_to_curve25519, crypto_sign_ed25519_sk_to_curve25519
from nacl.exceptions import BadSignatureError, CryptoError
from nacl.public import PrivateKey, PublicKey, SealedBox
from nacl.secret import SecretBox
from nacl.signing import SigningKey, VerifyKey

from .. import safe_json
from ..errors import RejectedError
from ..identity import Identity, public_key_from_did, raw_private_key

_ID_DOMAIN = b"skiller-team-id-v1\x00"
_SIGN_DOMAIN = b"skiller-team-sign-v1\x00"
_NONCE_DOMAIN = b"skiller-team-nonce-v1\x00"
_KEYBOX_DOMAIN = b"skiller-team-keybox-v1\x00"
_SEALED_DOMAIN = b"skiller-team-sealed-v1\x00"
_BOX_DOMAIN = b"skiller-team-box-v1\x00"
_VERSION = struct.Struct(">I")
MAX_MEMBERS_PER_KEYBOX = 2000


def curve_public_key(person_id: str) -> bytes:
    """A person's Ed25519 key as the Curve25519 key a SealedBox is sealed to: no second key pair needed."""
    return crypto_sign_ed25519_pk_to_curve25519(public_key_from_did(person_id))


def curve_private_key(identity: Identity) -> bytes:
    return crypto_sign_ed25519_sk_to_curve25519(raw_private_key(identity.private_key) + identity.public_key)


def _canonical(data: dict) -> bytes:
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode("ascii")


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def _unb64(text: object) -> bytes:
    if not isinstance(text, str):
        raise RejectedError("a team entry has a field of the wrong type")
    try:
        return base64.b64decode(text, validate=True)
    except ValueError:
        raise RejectedError("a team entry has a field that is not base64") from None


def _json(data: bytes, what: str) -> dict:
    try:
        parsed = safe_json.loads(data)  # a keybox or sealed entry comes from anyone: depth-limited
    except (UnicodeDecodeError, ValueError):
        raise RejectedError(f"a {what} is not JSON") from None
    if not isinstance(parsed, dict):
        raise RejectedError(f"a {what} is not a JSON object")
    return parsed


def entry_hash(data: bytes) -> str:
    """The `hash` of a keybox or sealed entry: SHA-256 of its bytes."""
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True)
class TeamSecret:
    """Version N of a team's key material."""

    version: int
    secret: bytes

    def __repr__(self) -> str:  # never print the secret
        return f"TeamSecret(version={self.version})"

    @property
    def signing_key(self) -> SigningKey:
        return SigningKey(hashlib.sha256(_SIGN_DOMAIN + self.secret).digest())

    @property
    def sign_public(self) -> bytes:
        return bytes(self.signing_key.verify_key)


def new_secret(version: int = 1) -> TeamSecret:
    return TeamSecret(version, secrets.token_bytes(SecretBox.KEY_SIZE))


def team_id_for(first: TeamSecret | bytes) -> str:
    """The team id, which commits to the signing key of version 1."""
    public = first.sign_public if isinstance(first, TeamSecret) else first
    return "team:" + hashlib.sha256(_ID_DOMAIN + public).hexdigest()[:32]


# -- keyboxes -------------------------------------------------------------------


@dataclass(frozen=True)
class Keybox:
    team_id: str
    version: int
    sign_public: bytes
    prev: str
    boxes: tuple[bytes, ...]
    signature: bytes
    data: bytes = field(repr=False)

    @property
    def hash(self) -> str:
        return entry_hash(self.data)

    def body(self) -> dict:
        return {"team": self.team_id, "version": self.version, "sign_key": self.sign_public.hex(),
                "prev": self.prev, "boxes": [_b64(b) for b in self.boxes]}


def make_keybox(team_id: str, secrets_upto: Mapping[int, TeamSecret], members: Iterable[str],
                prev: Keybox | None) -> Keybox:
    """Keybox for the newest version in `secrets_upto`, sealed to `members`; signed per the chain."""
    version = max(secrets_upto)
    current = secrets_upto[version]
    if (prev is None) != (version == 1) or (prev is not None and prev.version != version - 1):
        raise ValueError("a keybox follows the one of the previous version")
    people = sorted(dict.fromkeys(members))
    plain = _BOX_DOMAIN + _canonical({
        "team": team_id, "version": version, "members": people,
        "keys": {str(v): s.secret.hex() for v, s in sorted(secrets_upto.items())},
    })
    boxes = [bytes(SealedBox(PublicKey(curve_public_key(p))).encrypt(plain)) for p in people]
    secrets.SystemRandom().shuffle(boxes)  # the order says nothing about who is who
    body = {"team": team_id, "version": version, "sign_key": current.sign_public.hex(),
            "prev": prev.hash if prev else "", "boxes": [_b64(b) for b in boxes]}
    signer = secrets_upto[version - 1] if version > 1 else current
    signature = signer.signing_key.sign(_KEYBOX_DOMAIN + _canonical(body)).signature
    data = _canonical({**body, "sig": _b64(signature)})
    return parse_keybox(data)


def parse_keybox(data: bytes) -> Keybox:
    raw = _json(data, "keybox")
    try:
        team_id, version, sign_key, prev, boxes = (raw["team"], raw["version"], raw["sign_key"], raw["prev"],
                                                    raw["boxes"])
        signature = _unb64(raw["sig"])
        sign_public = bytes.fromhex(sign_key)
    except (KeyError, TypeError, ValueError):
        raise RejectedError("a keybox lacks a field or has one of the wrong type") from None
    if (not isinstance(team_id, str) or not isinstance(version, int) or isinstance(version, bool)
            or version < 1 or not isinstance(prev, str) or not isinstance(boxes, list)
            or len(sign_public) != 32 or len(boxes) > MAX_MEMBERS_PER_KEYBOX):
        raise RejectedError("a keybox has a field of the wrong type")
    return Keybox(team_id, version, sign_public, prev, tuple(_unb64(b) for b in boxes), signature, data)


def verify_keybox(box: Keybox, previous: Keybox | None) -> None:
    """Check that `box` extends the chain whose newest keybox is `previous` (None: it must be the first)."""
    label = f"keybox {box.version} of {box.team_id[:40]}"
    if previous is None:
        if box.version != 1 or box.prev != "":
            raise RejectedError(f"{label} comes before its team's first keybox")
        if team_id_for(box.sign_public) != box.team_id:
            raise RejectedError(f"{label}: the team id does not commit to this first key")
        signer = box.sign_public
    else:
        if box.team_id != previous.team_id or box.version != previous.version + 1 or box.prev != previous.hash:
            raise RejectedError(f"{label} does not follow keybox {previous.version}")
        signer = previous.sign_public
    try:
        VerifyKey(signer).verify(_KEYBOX_DOMAIN + _canonical(box.body()), box.signature)
    except (BadSignatureError, ValueError):
        raise RejectedError(f"{label} is not signed by the team's key of the version before") from None


@dataclass(frozen=True)
class OpenedBox:
    version: int
    secrets: dict[int, TeamSecret]
    members: list[str]


def open_keybox(box: Keybox, identity: Identity) -> OpenedBox | None:
    """The secrets this keybox holds for `identity`, or None if none of its boxes is for them."""
    private = SealedBox(PrivateKey(curve_private_key(identity)))
    for sealed in box.boxes:
        try:
            plain = private.decrypt(sealed)
        except CryptoError:
            continue
        if not plain.startswith(_BOX_DOMAIN):
            continue
        raw = _json(plain[len(_BOX_DOMAIN):], "sealed team key")
        try:
            found = {int(v): TeamSecret(int(v), bytes.fromhex(k)) for v, k in raw["keys"].items()}
            members = [str(m) for m in raw["members"]]
        except (KeyError, TypeError, ValueError, AttributeError):
            continue
        newest = found.get(box.version)
        if raw.get("team") != box.team_id or newest is None or newest.sign_public != box.sign_public:
            continue  # not for this keybox: refuse a key that does not match the public chain
        if any(len(s.secret) != SecretBox.KEY_SIZE for s in found.values()):
            continue
        return OpenedBox(box.version, found, members)
    return None


# -- sealed entries -------------------------------------------------------------


@dataclass(frozen=True)
class Sealed:
    team_id: str
    version: int
    ciphertext: bytes
    signature: bytes
    data: bytes = field(repr=False)

    @property
    def hash(self) -> str:
        return entry_hash(self.data)


def _signed_part(team_id: str, version: int, ciphertext: bytes) -> bytes:
    return _SEALED_DOMAIN + team_id.encode("utf-8") + b"\x00" + _VERSION.pack(version) + ciphertext


def seal(team_id: str, secret: TeamSecret, kind: str, hash_: str, data: bytes) -> Sealed:
    """One plaintext entry of `team_id`, encrypted and signed with version `secret`."""
    inner = _canonical({"team": team_id, "kind": kind, "hash": hash_, "data": _b64(data)})
    header = _VERSION.pack(secret.version)
    nonce = hmac.new(secret.secret, _NONCE_DOMAIN + kind.encode() + b"\x00" + hash_.encode(),
                     hashlib.sha256).digest()[: SecretBox.NONCE_SIZE]
    ciphertext = header + bytes(SecretBox(secret.secret).encrypt(header + inner, nonce))
    signature = secret.signing_key.sign(_signed_part(team_id, secret.version, ciphertext)).signature
    body = {"team": team_id, "v": secret.version, "ct": _b64(ciphertext), "sig": _b64(signature)}
    return parse_sealed(_canonical(body))


def parse_sealed(data: bytes) -> Sealed:
    raw = _json(data, "sealed entry")
    team_id, version = raw.get("team"), raw.get("v")
    if not isinstance(team_id, str) or not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise RejectedError("a sealed entry lacks its team or key version")
    return Sealed(team_id, version, _unb64(raw.get("ct")), _unb64(raw.get("sig")), data)


def verify_sealed(entry: Sealed, sign_public: bytes) -> None:
    """Check the team signature (by the signing key of the entry's version)."""
    try:
        VerifyKey(sign_public).verify(_signed_part(entry.team_id, entry.version, entry.ciphertext), entry.signature)
    except (BadSignatureError, ValueError):
        raise RejectedError(f"a sealed entry of {entry.team_id[:40]} is not signed with the team's key "
                            f"of version {entry.version}") from None


def open_sealed(entry: Sealed, secrets_by_version: Mapping[int, TeamSecret]) -> tuple[str, str, bytes]:
    """(kind, hash, data) of the plaintext entry inside; RejectedError if it cannot be read."""
    secret = secrets_by_version.get(entry.version)
    if secret is None:
        raise RejectedError(f"no key of version {entry.version} for {entry.team_id[:40]} here")
    verify_sealed(entry, secret.sign_public)
    header = entry.ciphertext[:4]
    try:
        plain = SecretBox(secret.secret).decrypt(entry.ciphertext[4:])
    except CryptoError:
        raise RejectedError("a sealed entry was altered or made with another key") from None
    if header != _VERSION.pack(entry.version) or not plain.startswith(header):
        raise RejectedError("a sealed entry names the wrong key version")
    inner = _json(plain[4:], "sealed entry's content")
    kind, hash_ = inner.get("kind"), inner.get("hash")
    if inner.get("team") != entry.team_id or kind not in ("change", "head") or not isinstance(hash_, str):
        raise RejectedError("a sealed entry's content is not an entry of its team")
    return kind, hash_, _unb64(inner.get("data"))
