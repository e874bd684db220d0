"""What verify_credential returns is what was checked: the credential wins over stray outer claims, the
registered claims over the credential; a time claim must be a finite number."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from skiller_desktop.identity import did_from_public_key, raw_public_key
from skiller_desktop.interop.credentials import CredentialError, endorsement_credential, verify_credential
from skiller_desktop.interop.service import verified_summary

pytestmark = pytest.mark.filterwarnings("ignore:EdDSA is deprecated:Warning")

REGISTERED = ("iss", "sub", "jti", "nbf")


def did_of(key: Ed25519PrivateKey) -> str:
    return did_from_public_key(raw_public_key(key))


def payload(issuer: Ed25519PrivateKey, subject: str) -> dict[str, Any]:
    return endorsement_credential(
        issuer_id=did_of(issuer), endorsement_id="e1", endorser_name="Ana", subject_id=subject, skill="Python",
        comment="Clean code", level=4, issued_at=datetime(2025, 1, 2, tzinfo=UTC))


def signed(body: dict[str, Any], key: Ed25519PrivateKey) -> str:
    return jwt.encode(body, key, algorithm="EdDSA", headers={"typ": "JWT"})


def test_outer_claims_do_not_override_the_checked_vc_credential() -> None:
    issuer = Ed25519PrivateKey.generate()
    subject, other = (did_of(Ed25519PrivateKey.generate()) for _ in range(2))
    inner = payload(issuer, subject)
    body: dict[str, Any] = {key: inner.pop(key) for key in REGISTERED}
    body["vc"] = inner  # VC 1.1 JWT style: the checked credential sits in `vc`
    body["credentialSubject"] = {"id": other, "skill": "Rust", "endorsementComment": "Nul."}  # unchecked
    body["issuer"] = {"id": other, "name": "Mallory"}
    credential = verify_credential(signed(body, issuer))
    assert credential["credentialSubject"]["id"] == subject
    assert credential["issuer"]["name"] == "Ana"
    summary = verified_summary(credential)
    assert (summary["skill"], summary["comment"], summary["issuer_name"]) == ("Python", "Clean code", "Ana")


def test_a_registered_claim_inside_the_vc_does_not_override_the_signed_one() -> None:
    issuer = Ed25519PrivateKey.generate()
    subject, other = (did_of(Ed25519PrivateKey.generate()) for _ in range(2))
    inner = payload(issuer, subject)
    body: dict[str, Any] = {key: inner.pop(key) for key in REGISTERED}
    body["vc"] = {**inner, "iss": other, "sub": other}
    credential = verify_credential(signed(body, issuer))
    assert (credential["iss"], credential["sub"]) == (did_of(issuer), subject)


@pytest.mark.parametrize("claim", ["exp", "nbf", "iat"])
@pytest.mark.parametrize("value", [float("nan"), float("inf"), float("-inf")])
def test_a_time_claim_that_is_not_finite_is_refused(claim: str, value: float) -> None:
    issuer = Ed25519PrivateKey.generate()
    body = payload(issuer, did_of(Ed25519PrivateKey.generate()))
    body[claim] = value  # json.dumps writes NaN / Infinity, which Python's json reads back
    with pytest.raises(CredentialError, match=f"{claim} must be a number"):
        verify_credential(signed(body, issuer))
