"""A validly signed credential whose subject says odd things: `verify` reads no concept and no level from them."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from skiller_desktop.identity import did_from_public_key
from skiller_desktop.interop.cli_commands import verify_text
from skiller_desktop.interop.credentials import endorsement_credential, verify_credential
from skiller_desktop.interop.service import verified_summary

pytestmark = pytest.mark.filterwarnings("ignore:EdDSA is deprecated:Warning")


def _did(key: Ed25519PrivateKey) -> str:
    return did_from_public_key(key.public_key().public_bytes(serialization.Encoding.Raw,
                                                             serialization.PublicFormat.Raw))


def _signed(**subject: Any) -> dict[str, Any]:
    """A credential signed by its issuer, its subject's fields replaced by `subject`, verified."""
    key = Ed25519PrivateKey.generate()
    payload = endorsement_credential(
        issuer_id=_did(key), endorsement_id="3c1d2e4f-0000-4c1f-9d7e-0b6f3c1e6a2d", endorser_name="Ana",
        subject_id=_did(Ed25519PrivateKey.generate()), skill="Python", comment="", level=4,
        issued_at=datetime(2025, 1, 2, tzinfo=UTC), concept="http://data.europa.eu/esco/skill/x")
    payload["credentialSubject"].update(subject)
    return verify_credential(jwt.encode(payload, key, algorithm="EdDSA", headers={"typ": "JWT"}))


@pytest.mark.parametrize("alignment", [7, True, "http://example.org/c", {"targetUrl": "http://example.org/c"},
                                       [3, None, "x"]])
def test_an_alignment_that_is_not_a_list_of_objects_names_no_concept(alignment: Any) -> None:
    summary = verified_summary(_signed(alignment=alignment))
    assert summary["concept"] == "" and summary["skill"] == "Python"
    assert "concept:" not in verify_text(summary)


def test_the_concept_of_a_later_alignment_object_is_read_past_odd_items() -> None:
    summary = verified_summary(_signed(alignment=[3, "x", {"targetUrl": "https://example.org/c"}]))
    assert summary["concept"] == "https://example.org/c"


@pytest.mark.parametrize("level", [True, False, 0, 6, 99, -1, "4", 4.0, None])
def test_a_level_observed_outside_1_to_5_is_no_level(level: Any) -> None:
    summary = verified_summary(_signed(levelObserved=level))
    assert summary["level"] is None
    assert "level" not in verify_text(summary).splitlines()[0]


@pytest.mark.parametrize("level", [1, 5])
def test_a_level_observed_from_1_to_5_is_kept(level: int) -> None:
    assert verified_summary(_signed(levelObserved=level))["level"] == level
