"""Endorsement credentials: issued with PyJWT, checked by independent verifiers.

Every tampering case must fail in three places: our verify_credential
(PyJWT), joserfc (another JOSE implementation) and a bare Ed25519 check of
the JWS signing input with `cryptography`. Credentials signed by joserfc must
in turn pass our verifier, so we are not only compatible with ourselves.
"""

from __future__ import annotations

import base64
import copy
import json
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import base58
import pytest
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from joserfc import jws
from joserfc.errors import JoseError
from joserfc.jwk import OKPKey

from skiller_desktop.interop.credentials import (
    CredentialError,
    issue_endorsement_credential,
    read_credential_file,
    verify_credential,
    write_credentials,
)

# OB 3.0 and VC-JOSE-COSE name the algorithm "EdDSA"; RFC 9864's newer
# "Ed25519" name is not what other badge tools expect yet.
pytestmark = pytest.mark.filterwarnings("ignore:EdDSA is deprecated:Warning")

ISSUED_AT = datetime(2025, 3, 14, 9, 26, 53, tzinfo=UTC)
ENDORSEMENT_ID = "0b6f3c1e-6a2d-4c1f-9d7e-2f4b8a1c5e90"


# --- independent helpers (deliberately not the module's own) -----------------


def did_of(key: Ed25519PrivateKey | Ed25519PublicKey) -> str:
    public = key.public_key() if isinstance(key, Ed25519PrivateKey) else key
    raw = public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return "did:key:z" + base58.b58encode(b"\xed\x01" + raw).decode()


def public_key_of(did: str) -> Ed25519PublicKey:
    decoded = base58.b58decode(did.removeprefix("did:key:z"))
    assert decoded[:2] == b"\xed\x01"
    return Ed25519PublicKey.from_public_bytes(decoded[2:])


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def unb64url(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def segments(token: str) -> tuple[dict[str, Any], dict[str, Any], str]:
    header, payload, signature = token.split(".")
    return json.loads(unb64url(header)), json.loads(unb64url(payload)), signature


def with_payload(token: str, payload: dict[str, Any]) -> str:
    header, _, signature = token.split(".")
    return ".".join([header, b64url(json.dumps(payload).encode()), signature])


def with_header(token: str, header: dict[str, Any]) -> str:
    _, payload, signature = token.split(".")
    return ".".join([b64url(json.dumps(header).encode()), payload, signature])


def joserfc_verify(token: str, did: str) -> dict[str, Any]:
    key = OKPKey.import_key(public_key_of(did))
    return json.loads(jws.deserialize_compact(token, key, algorithms=["EdDSA"]).payload)


def raw_verify(token: str, did: str) -> None:
    header, payload, signature = token.split(".")
    public_key_of(did).verify(unb64url(signature), f"{header}.{payload}".encode())


def joserfc_sign(payload: dict[str, Any], key: Ed25519PrivateKey, kid: str) -> str:
    header = {"alg": "EdDSA", "typ": "JWT", "kid": kid}
    return jws.serialize_compact(header, json.dumps(payload), OKPKey.import_key(key), algorithms=["EdDSA"])


def assert_all_verifiers_reject(token: str, issuer_did: str) -> None:
    with pytest.raises(CredentialError):
        verify_credential(token)
    with pytest.raises((JoseError, ValueError)):
        joserfc_verify(token, issuer_did)
    with pytest.raises((InvalidSignature, ValueError)):
        raw_verify(token, issuer_did)


# --- fixtures ----------------------------------------------------------------


@pytest.fixture(scope="module")
def endorser() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.generate()


@pytest.fixture(scope="module")
def endorsee_did() -> str:
    return did_of(Ed25519PrivateKey.generate())


@pytest.fixture(scope="module")
def token(endorser: Ed25519PrivateKey, endorsee_did: str) -> str:
    return issue_endorsement_credential(
        endorser,
        endorsement_id=ENDORSEMENT_ID,
        endorser_name="Élodie Müller",
        subject_id=endorsee_did,
        skill="Gestion de projet",
        comment="Très rigoureuse, a piloté la migration sans accroc.",
        level=4,
        issued_at=ISSUED_AT,
    )


# --- what a good credential looks like --------------------------------------


def test_credential_verifies_with_ours_joserfc_and_raw_ed25519(token: str, endorser: Ed25519PrivateKey) -> None:
    ours = verify_credential(token)
    theirs = joserfc_verify(token, did_of(endorser))
    raw_verify(token, did_of(endorser))
    assert ours == theirs


def test_header_is_eddsa_with_a_did_key_kid(token: str, endorser: Ed25519PrivateKey) -> None:
    header, _, _ = segments(token)
    did = did_of(endorser)
    assert header["alg"] == "EdDSA"
    assert header["typ"] in ("JWT", "vc+jwt")
    assert header["kid"] == f"{did}#{did.removeprefix('did:key:')}"


def test_payload_is_an_ob3_endorsement_credential(token: str, endorser: Ed25519PrivateKey, endorsee_did: str) -> None:
    payload = verify_credential(token)
    assert payload["@context"][:2] == [
        "https://www.w3.org/ns/credentials/v2",
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
    ]
    assert set(payload["@context"][2]) == {"skill", "levelObserved"}  # inline: no URL to fetch
    assert payload["type"] == ["VerifiableCredential", "EndorsementCredential"]
    assert payload["id"] == payload["jti"] == f"urn:uuid:{ENDORSEMENT_ID}"
    assert payload["issuer"] == {"id": did_of(endorser), "type": ["Profile"], "name": "Élodie Müller"}
    assert payload["iss"] == did_of(endorser)
    assert payload["sub"] == endorsee_did
    assert payload["validFrom"] == "2025-03-14T09:26:53Z"
    assert payload["nbf"] == payload["iat"] == int(ISSUED_AT.timestamp())
    assert payload["credentialSubject"] == {
        "id": endorsee_did,
        "type": ["EndorsementSubject"],
        "endorsementComment": "Très rigoureuse, a piloté la migration sans accroc.",
        "skill": "Gestion de projet",
        "levelObserved": 4,
    }


def test_level_is_omitted_when_not_observed(endorser: Ed25519PrivateKey, endorsee_did: str) -> None:
    token = issue_endorsement_credential(
        endorser,
        endorsement_id="e2",
        endorser_name="A",
        subject_id=endorsee_did,
        skill="SQL",
        comment="",
        level=None,
        issued_at=ISSUED_AT,
    )
    assert "levelObserved" not in verify_credential(token)["credentialSubject"]


@pytest.mark.parametrize(
    "moment",
    [
        datetime(2025, 3, 14, 10, 26, 53, 123456, tzinfo=ZoneInfo("Europe/Paris")),
        datetime(2025, 3, 14, 9, 26, 53, 999),  # naive: taken as UTC
    ],
)
def test_datetimes_are_normalised_to_utc_seconds(
    moment: datetime, endorser: Ed25519PrivateKey, endorsee_did: str
) -> None:
    token = issue_endorsement_credential(
        endorser,
        endorsement_id="tz",
        endorser_name="A",
        subject_id=endorsee_did,
        skill="SQL",
        comment="",
        level=1,
        issued_at=moment,
    )
    payload = verify_credential(token)
    assert payload["validFrom"] == "2025-03-14T09:26:53Z"
    assert payload["nbf"] == int(ISSUED_AT.timestamp())


def test_joserfc_signed_credential_passes_our_verifier(token: str, endorser: Ed25519PrivateKey) -> None:
    header, payload, _ = segments(token)
    reissued = joserfc_sign(payload, endorser, header["kid"])
    assert verify_credential(reissued) == payload


# --- tampering ---------------------------------------------------------------


def _set(path: tuple[str, ...], value: Any) -> Callable[[dict[str, Any]], None]:
    def mutate(payload: dict[str, Any]) -> None:
        target = payload
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value

    return mutate


def _drop(key: str) -> Callable[[dict[str, Any]], None]:
    return lambda payload: payload.pop(key)


OTHER_DID = did_of(Ed25519PrivateKey.generate())

PAYLOAD_TAMPERING = {
    "@context": _set(("@context",), ["https://www.w3.org/ns/credentials/v2"]),
    "id": _set(("id",), "urn:uuid:00000000-0000-0000-0000-000000000000"),
    "type": _set(("type",), ["VerifiableCredential", "OpenBadgeCredential"]),
    "name": _set(("name",), "Endorsement: Rust"),
    "issuer.id": _set(("issuer", "id"), OTHER_DID),
    "issuer.name": _set(("issuer", "name"), "Mallory"),
    "issuer.type": _set(("issuer", "type"), ["Organization"]),
    "validFrom": _set(("validFrom",), "2020-01-01T00:00:00Z"),
    "credentialSubject.id": _set(("credentialSubject", "id"), OTHER_DID),
    "credentialSubject.type": _set(("credentialSubject", "type"), ["AchievementSubject"]),
    "credentialSubject.endorsementComment": _set(("credentialSubject", "endorsementComment"), "Nul."),
    "credentialSubject.skill": _set(("credentialSubject", "skill"), "Rust"),
    "credentialSubject.levelObserved": _set(("credentialSubject", "levelObserved"), 5),
    "iss": _set(("iss",), OTHER_DID),
    "sub": _set(("sub",), OTHER_DID),
    "jti": _set(("jti",), "urn:uuid:other"),
    "nbf": _set(("nbf",), 0),
    "iat": _set(("iat",), 0),
    "extra claim": _set(("exp",), 4102444800),
    "drop credentialSubject": _drop("credentialSubject"),
    "drop iss": _drop("iss"),
}


def test_every_top_level_claim_is_covered_by_a_tampering_case(token: str) -> None:
    _, payload, _ = segments(token)
    cases = set(PAYLOAD_TAMPERING)
    assert {key for key in payload if not isinstance(payload[key], dict)} <= cases
    nested = {f"credentialSubject.{key}" for key in payload["credentialSubject"]}
    nested |= {f"issuer.{key}" for key in payload["issuer"]}
    assert nested <= set(PAYLOAD_TAMPERING)


@pytest.mark.parametrize("case", sorted(PAYLOAD_TAMPERING))
def test_altered_payload_fails_every_verifier(case: str, token: str, endorser: Ed25519PrivateKey) -> None:
    _, payload, _ = segments(token)
    altered = copy.deepcopy(payload)
    PAYLOAD_TAMPERING[case](altered)
    assert_all_verifiers_reject(with_payload(token, altered), did_of(endorser))


def test_reencoding_the_same_payload_differently_fails(token: str, endorser: Ed25519PrivateKey) -> None:
    """The signature covers bytes, not meaning: re-serialised JSON is an alteration."""
    _, payload, _ = segments(token)
    header, _, signature = token.split(".")
    spaced = ".".join([header, b64url(json.dumps(payload, indent=1).encode()), signature])
    assert_all_verifiers_reject(spaced, did_of(endorser))


HEADER_TAMPERING = {
    "typ": lambda header: header.update(typ="vc+jwt" if header.get("typ") == "JWT" else "JWT"),
    "kid": lambda header: header.update(kid=f"{OTHER_DID}#{OTHER_DID.removeprefix('did:key:')}"),
    "alg none": lambda header: header.update(alg="none"),
    "alg HS256": lambda header: header.update(alg="HS256"),
    "extra param": lambda header: header.update(cty="json"),
    "drop kid": lambda header: header.pop("kid"),
}


@pytest.mark.parametrize("case", sorted(HEADER_TAMPERING))
def test_altered_header_fails_every_verifier(case: str, token: str, endorser: Ed25519PrivateKey) -> None:
    header, _, _ = segments(token)
    HEADER_TAMPERING[case](header)
    assert_all_verifiers_reject(with_header(token, header), did_of(endorser))


@pytest.mark.parametrize("position", [0, 10, 42, 63])
def test_altered_signature_fails_every_verifier(position: int, token: str, endorser: Ed25519PrivateKey) -> None:
    header, payload, signature = token.split(".")
    raw = bytearray(unb64url(signature))
    raw[position] ^= 0x01
    assert_all_verifiers_reject(f"{header}.{payload}.{b64url(bytes(raw))}", did_of(endorser))


def test_truncated_signature_fails_every_verifier(token: str, endorser: Ed25519PrivateKey) -> None:
    header, payload, signature = token.split(".")
    assert_all_verifiers_reject(f"{header}.{payload}.{signature[:-4]}", did_of(endorser))


# --- wrong keys and unsupported identifiers ----------------------------------


def test_signed_by_another_key_than_the_issuer_did_fails(token: str, endorser: Ed25519PrivateKey) -> None:
    header, payload, _ = segments(token)
    impostor = Ed25519PrivateKey.generate()
    forged = joserfc_sign(payload, impostor, header["kid"])
    assert_all_verifiers_reject(forged, did_of(endorser))


def test_iss_must_match_the_vc_issuer_id_even_when_correctly_signed(token: str) -> None:
    """A signer cannot borrow someone else's name inside the credential."""
    _, payload, _ = segments(token)
    signer = Ed25519PrivateKey.generate()
    did = did_of(signer)
    payload["iss"] = did
    forged = joserfc_sign(payload, signer, f"{did}#{did.removeprefix('did:key:')}")
    joserfc_verify(forged, did)  # cryptographically fine ...
    with pytest.raises(CredentialError, match="iss does not match"):
        verify_credential(forged)  # ... but the claims disagree


def test_kid_of_another_did_than_iss_is_refused(token: str, endorser: Ed25519PrivateKey) -> None:
    _, payload, _ = segments(token)
    signer = Ed25519PrivateKey.generate()
    forged = joserfc_sign(payload, signer, f"{did_of(signer)}#key-1")
    with pytest.raises(CredentialError, match="kid"):
        verify_credential(forged)


@pytest.mark.parametrize(
    "issuer",
    [
        "did:web:skiller.example",
        "did:key:z6LSbysY2xFMRpGMhb7tFTLMpeuPRaqaWM1yECx2AtzE3KCc",  # X25519, not a signing key
        "did:key:zNotBase58!!",
        "https://skiller.example/alice",
    ],
)
def test_unsupported_or_malformed_issuer_did_is_refused(issuer: str, token: str) -> None:
    _, payload, _ = segments(token)
    payload["iss"] = issuer
    payload["issuer"]["id"] = issuer
    signer = Ed25519PrivateKey.generate()
    forged = joserfc_sign(payload, signer, f"{issuer}#key-1")
    with pytest.raises(CredentialError, match=r"DID|did:key"):
        verify_credential(forged)


def test_not_yet_valid_credential_is_refused(endorser: Ed25519PrivateKey, endorsee_did: str) -> None:
    token = issue_endorsement_credential(
        endorser,
        endorsement_id="future",
        endorser_name="A",
        subject_id=endorsee_did,
        skill="SQL",
        comment="",
        level=2,
        issued_at=datetime.now(UTC) + timedelta(days=2),
    )
    with pytest.raises(CredentialError, match="not valid yet"):
        verify_credential(token)


def test_issuing_about_a_malformed_subject_id_is_refused(endorser: Ed25519PrivateKey) -> None:
    with pytest.raises(CredentialError):
        issue_endorsement_credential(
            endorser,
            endorsement_id="x",
            endorser_name="A",
            subject_id="Bob",
            skill="SQL",
            comment="",
            level=2,
            issued_at=ISSUED_AT,
        )


@pytest.mark.parametrize(
    "garbage",
    ["", "   ", "abc", "a.b", "a.b.c.d", "a.b.c", "!!.??.##", "e30.e30.", None, 42, "x" * 70_000 + ".a.b"],
)
def test_malformed_tokens_raise_credential_error(garbage: Any) -> None:
    with pytest.raises(CredentialError):
        verify_credential(garbage)


def test_header_that_is_not_json_is_a_credential_error(token: str) -> None:
    _, payload, signature = token.split(".")
    with pytest.raises(CredentialError, match="header"):
        verify_credential(f"{b64url(b'{not json')}.{payload}.{signature}")


def test_credential_error_is_a_value_error() -> None:
    assert issubclass(CredentialError, ValueError)


# --- files -------------------------------------------------------------------


def test_write_then_read_round_trips_and_still_verifies(token: str, tmp_path: Path) -> None:
    paths = write_credentials({ENDORSEMENT_ID: token, "urn:uuid:second": token}, tmp_path / "out")
    assert [path.name for path in paths] == [f"{ENDORSEMENT_ID}.jwt", "second.jwt"]
    assert paths[0].read_text(encoding="ascii") == token + "\n"
    for path in paths:
        assert verify_credential(read_credential_file(path)) == verify_credential(token)


def test_ids_cannot_escape_the_directory(token: str, tmp_path: Path) -> None:
    (path,) = write_credentials({"../../etc/passwd": token}, tmp_path)
    assert path.parent == tmp_path
    assert path.name.endswith(".jwt") and "/" not in path.name


def test_writing_a_non_token_is_refused(tmp_path: Path) -> None:
    with pytest.raises(CredentialError):
        write_credentials({"a": "not a token"}, tmp_path)


def test_reading_a_file_that_is_not_a_credential_fails_clearly(tmp_path: Path) -> None:
    bogus = tmp_path / "photo.jwt"
    bogus.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    with pytest.raises(CredentialError, match=r"photo\.jwt"):
        read_credential_file(bogus)
    with pytest.raises(CredentialError, match="cannot read"):
        read_credential_file(tmp_path / "missing.jwt")
