"""Issue 15.1 and 15.6: credentials written by others verify, altered ones do not.

The third-party fixture is 1EdTech's own `simple.jwt` (tests/unit/interop/data/README.md): an
OpenBadgeCredential in a `vc` claim, RS256 from an https issuer, so it cannot be checked offline as
it is. Its body is re-signed here by a did:key with joserfc (another JOSE implementation than ours),
under both names of the Ed25519 signature: "EdDSA" and RFC 9864's "Ed25519".
"""

from __future__ import annotations

import base64
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import base58
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from joserfc import jws
from joserfc.jwk import OKPKey

from skiller_desktop.interop.cli_commands import verify_text
from skiller_desktop.interop.credentials import (
    CredentialError,
    issue_endorsement_credential,
    verify_credential,
)
from skiller_desktop.interop.service import verified_summary

pytestmark = pytest.mark.filterwarnings("ignore:EdDSA is deprecated:Warning")

DATA = Path(__file__).parent / "data"
ESCO_PYTHON = "http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d"


def unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def did_of(key: Ed25519PrivateKey) -> str:
    raw = key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return "did:key:z" + base58.b58encode(b"\xed\x01" + raw).decode()


def joserfc_sign(payload: dict[str, Any], key: Ed25519PrivateKey, alg: str, kid: str | None = None) -> str:
    header: dict[str, Any] = {"alg": alg, "typ": "JWT"}
    if kid:
        header["kid"] = kid
    jwk = OKPKey.import_key(key)
    return jws.serialize_compact(header, json.dumps(payload).encode(), jwk, algorithms=[alg])


def with_payload_change(token: str, change) -> str:
    """The same header and signature over a payload with one thing changed."""
    header, payload, signature = token.split(".")
    data = json.loads(unb64(payload))
    change(data)
    return ".".join([header, b64(json.dumps(data).encode()), signature])


@pytest.fixture(scope="module")
def simple_jwt() -> str:
    return (DATA / "ob30-simple.jwt").read_text(encoding="ascii").strip()


@pytest.fixture(scope="module")
def issuer() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.generate()


def resigned_body(simple_jwt: str, issuer: Ed25519PrivateKey) -> dict[str, Any]:
    """1EdTech's payload with its issuer made our did:key (iss and vc.issuer.id, as OB 3.0 ties them)."""
    payload = json.loads(unb64(simple_jwt.split(".")[1]))
    payload["iss"] = payload["vc"]["issuer"]["id"] = did_of(issuer)
    return payload


def test_the_fixture_is_the_older_vc_claim_style_and_cannot_be_checked_offline(simple_jwt: str) -> None:
    header = json.loads(unb64(simple_jwt.split(".")[0]))
    payload = json.loads(unb64(simple_jwt.split(".")[1]))
    assert header["alg"] == "RS256" and "vc" in payload and payload["iss"].startswith("https://")
    assert payload["vc"]["@context"][0] == "https://www.w3.org/2018/credentials/v1"
    with pytest.raises(CredentialError, match="unsupported signature algorithm 'RS256'"):
        verify_credential(simple_jwt)


@pytest.mark.parametrize("alg", ["EdDSA", "Ed25519"])
@pytest.mark.parametrize("with_kid", [False, True])
def test_simple_jwt_body_resigned_by_a_did_key_verifies(simple_jwt: str, issuer: Ed25519PrivateKey, alg: str,
                                                        with_kid: bool) -> None:
    did = did_of(issuer)
    token = joserfc_sign(resigned_body(simple_jwt, issuer), issuer, alg,
                         kid=f"{did}#{did.removeprefix('did:key:')}" if with_kid else None)
    credential = verify_credential(token)
    assert credential["id"] == credential["jti"] == "http://example.edu/credentials/3732"
    assert credential["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert credential["iss"] == did and credential["issuer"]["name"] == "Example University"
    assert credential["sub"] == credential["credentialSubject"]["id"] == "did:example:ebfeb1f712ebc6f1c276e12ec21"
    summary = verified_summary(credential)
    assert summary["issued"] == "2010-01-01T00:00:00Z"  # VC 1.1's issuanceDate
    assert summary["types"] == ["OpenBadgeCredential"]
    assert summary["missing"] == ["skill", "comment"]


ALTERATIONS = {
    "credential name": lambda p: p["vc"].update(name="Example University Doctorate"),
    "subject id": lambda p: p["vc"]["credentialSubject"].update(id="did:example:someone-else"),
    "issuance date": lambda p: p["vc"].update(issuanceDate="2001-01-01T00:00:00Z"),
    "sub": lambda p: p.update(sub="did:example:someone-else"),
    "nbf": lambda p: p.update(nbf=0),
}


@pytest.mark.parametrize("alg", ["EdDSA", "Ed25519"])
@pytest.mark.parametrize("what", sorted(ALTERATIONS))
def test_an_altered_token_fails(simple_jwt: str, issuer: Ed25519PrivateKey, alg: str, what: str) -> None:
    token = joserfc_sign(resigned_body(simple_jwt, issuer), issuer, alg)
    verify_credential(token)  # the unaltered one passes: the failure below is the alteration's
    with pytest.raises(CredentialError, match="bad signature"):
        verify_credential(with_payload_change(token, ALTERATIONS[what]))


def test_renaming_the_algorithm_in_the_header_breaks_the_signature(simple_jwt: str,
                                                                    issuer: Ed25519PrivateKey) -> None:
    token = joserfc_sign(resigned_body(simple_jwt, issuer), issuer, "Ed25519")
    _header, payload, signature = token.split(".")
    renamed = b64(json.dumps({"alg": "EdDSA", "typ": "JWT"}).encode())
    with pytest.raises(CredentialError, match="bad signature"):
        verify_credential(f"{renamed}.{payload}.{signature}")


def test_signed_by_another_key_than_the_did_it_names_fails(simple_jwt: str, issuer: Ed25519PrivateKey) -> None:
    token = joserfc_sign(resigned_body(simple_jwt, issuer), Ed25519PrivateKey.generate(), "Ed25519")
    with pytest.raises(CredentialError, match="bad signature"):
        verify_credential(token)


def test_the_vc_claim_and_the_jwt_claims_must_agree(simple_jwt: str, issuer: Ed25519PrivateKey) -> None:
    body = resigned_body(simple_jwt, issuer)
    body["vc"]["issuer"]["id"] = did_of(Ed25519PrivateKey.generate())
    with pytest.raises(CredentialError, match="iss does not match"):
        verify_credential(joserfc_sign(body, issuer, "EdDSA"))
    body = resigned_body(simple_jwt, issuer)
    body["vc"] = "not a credential"
    with pytest.raises(CredentialError, match="vc claim"):
        verify_credential(joserfc_sign(body, issuer, "EdDSA"))


def test_we_keep_emitting_eddsa_and_accept_our_own_credential_under_its_new_name(issuer: Ed25519PrivateKey) -> None:
    subject = did_of(Ed25519PrivateKey.generate())
    token = issue_endorsement_credential(
        issuer, endorsement_id="2f4b8a1c-0000-4c1f-9d7e-0b6f3c1e6a2d", endorser_name="Ana", subject_id=subject,
        skill="Python", comment="Clean code", level=4, issued_at=datetime(2025, 1, 2, tzinfo=UTC),
        concept=ESCO_PYTHON)
    assert json.loads(unb64(token.split(".")[0]))["alg"] == "EdDSA"  # what most verifiers know today
    payload = json.loads(unb64(token.split(".")[1]))
    renamed = joserfc_sign(payload, issuer, "Ed25519")
    assert verify_credential(renamed)["credentialSubject"]["alignment"] == [
        {"type": ["Alignment"], "targetName": "Python", "targetUrl": ESCO_PYTHON, "targetFramework": "ESCO"}]


def test_no_alignment_without_a_concept(issuer: Ed25519PrivateKey) -> None:
    token = issue_endorsement_credential(
        issuer, endorsement_id="x", endorser_name="Ana", subject_id=did_of(Ed25519PrivateKey.generate()),
        skill="Marqueterie", comment="", level=None, issued_at=datetime(2025, 1, 2, tzinfo=UTC))
    assert "alignment" not in verify_credential(token)["credentialSubject"]


def test_verify_output_says_what_is_there_and_what_is_missing(simple_jwt: str, issuer: Ed25519PrivateKey) -> None:
    summary = verified_summary(verify_credential(joserfc_sign(resigned_body(simple_jwt, issuer), issuer, "EdDSA")))
    text = verify_text(summary)
    assert "endorses ," not in text and "endorses" not in text.splitlines()[0]
    assert text.splitlines()[0] == ("Valid signature: Example University issued a credential (OpenBadgeCredential) "
                                    "that names no skill, issued 2010-01-01T00:00:00Z")
    assert "not in this credential: skill, comment" in text
    assert "Revocation not checked (offline)" in text


def test_verify_output_of_an_endorsement_names_its_skill_and_concept(issuer: Ed25519PrivateKey) -> None:
    token = issue_endorsement_credential(
        issuer, endorsement_id="y", endorser_name="Ana", subject_id=did_of(Ed25519PrivateKey.generate()),
        skill="Python", comment="Clean code", level=4, issued_at=datetime(2025, 1, 2, tzinfo=UTC),
        concept=ESCO_PYTHON)
    text = verify_text(verified_summary(verify_credential(token)))
    assert text.splitlines()[0] == "Valid signature: Ana endorses Python, level 4/5, issued 2025-01-02T00:00:00Z"
    assert f"  concept: {ESCO_PYTHON}" in text and "not in this credential" not in text
