"""Issue 15.2: an exported credential means what it says to a JSON-LD processor.

`skill` and `levelObserved` are terms of neither the VC 2.0 nor the OB 3.0.3 context, so without our
inline context pyld maps them to the VC context's catch-all vocabulary. The contexts are bundled in
tests/unit/interop/data/contexts (their sources in data/README.md) and served by a local document
loader that refuses anything else: CI has no network, and no URL of ours needs to be fetched.
"""

from __future__ import annotations

import copy
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from pyld import jsonld

from skiller_desktop.identity import did_from_public_key, raw_public_key
from skiller_desktop.interop.credentials import issue_endorsement_credential, verify_credential

pytestmark = pytest.mark.filterwarnings("ignore:EdDSA is deprecated:Warning")

CONTEXTS = Path(__file__).parent / "data" / "contexts"
BUNDLED = {
    "https://www.w3.org/ns/credentials/v2": CONTEXTS / "credentials-v2.jsonld",
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json": CONTEXTS / "ob-v3p0-3.0.3.json",
}
SKILL_IRI = "urn:skiller:vocab#skill"
LEVEL_IRI = "urn:skiller:vocab#levelObserved"
CATCH_ALL = "https://www.w3.org/ns/credentials/issuer-dependent#"
ALIGNMENT = "https://purl.imsglobal.org/spec/vc/ob/vocab.html#alignment"
TARGET_URL = "https://schema.org/targetUrl"
ESCO_PYTHON = "http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d"
fetched: list[str] = []


def local_loader(url: str, options: Any = None) -> dict[str, Any]:
    fetched.append(url)
    if url not in BUNDLED:
        raise jsonld.JsonLdError(f"not bundled, and tests do not fetch: {url}", "loading document failed")
    return {"contentType": "application/ld+json", "contextUrl": None, "documentUrl": url,
            "document": json.loads(BUNDLED[url].read_text(encoding="utf-8"))}


def expanded_subject(credential: dict[str, Any]) -> dict[str, Any]:
    [node] = jsonld.expand(credential, {"documentLoader": local_loader})
    [subject] = node["https://www.w3.org/2018/credentials#credentialSubject"]
    return subject


@pytest.fixture(scope="module")
def exported() -> dict[str, Any]:
    """An exported credential's payload, as a verifier reads it."""
    endorser, endorsee = Ed25519PrivateKey.generate(), Ed25519PrivateKey.generate()
    token = issue_endorsement_credential(
        endorser, endorsement_id="5d0c9a52-21c4-4c1b-8a8e-3f0e7f6c1b2a", endorser_name="Ana Lúcia",
        subject_id=did_from_public_key(raw_public_key(endorsee)), skill="Python (programmation informatique)",
        comment="Du code propre.", level=4, issued_at=datetime(2025, 5, 6, 7, 8, 9, tzinfo=UTC),
        concept=ESCO_PYTHON)
    return verify_credential(token)


def test_skill_and_level_expand_to_skiller_iris(exported: dict[str, Any]) -> None:
    subject = expanded_subject(exported)
    assert subject[SKILL_IRI] == [{"@value": "Python (programmation informatique)"}]
    assert subject[LEVEL_IRI] == [{"@value": 4, "@type": "http://www.w3.org/2001/XMLSchema#integer"}]
    assert not [key for key in subject if key.startswith(CATCH_ALL)]
    assert set(fetched) <= set(BUNDLED)


def test_the_concept_is_carried_as_an_ob3_alignment(exported: dict[str, Any]) -> None:
    [alignment] = expanded_subject(exported)[ALIGNMENT]
    assert alignment["@type"] == ["https://schema.org/AlignmentObject"]
    assert alignment[TARGET_URL] == [{"@value": ESCO_PYTHON, "@type": "https://www.w3.org/2001/XMLSchema#anyURI"}]


def test_without_the_inline_context_they_are_lost(exported: dict[str, Any]) -> None:
    """The control: with only the published contexts our terms lose their meaning; pyld drops them
    (the VC context's catch-all @vocab is scoped to the credential node, not its subject)."""
    bare = copy.deepcopy(exported)
    bare["@context"] = [c for c in bare["@context"] if isinstance(c, str)]
    subject = expanded_subject(bare)
    ours = [key for key in subject if key.lower().endswith(("skill", "levelobserved"))]
    assert all(key.startswith(CATCH_ALL) for key in ours)  # dropped, or at best the catch-all
    assert SKILL_IRI not in subject and LEVEL_IRI not in subject


def test_the_inline_context_names_no_url_to_fetch(exported: dict[str, Any]) -> None:
    urls = [c for c in exported["@context"] if isinstance(c, str)]
    assert set(urls) == set(BUNDLED)  # the published ones only; ours is inline

