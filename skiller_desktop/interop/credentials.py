"""Endorsements as verifiable credentials anyone can check offline.

An endorsement already lives in the endorser's signed document; this module
exports it in a form other tools understand: an Open Badges 3.0
``EndorsementCredential`` (a W3C Verifiable Credential 2.0) secured as a
VC-JWT, i.e. a compact JWS signed with the endorser's Ed25519 key (EdDSA).

Why EndorsementCredential rather than OpenBadgeCredential: an
OpenBadgeCredential says "the issuer attests the subject earned this
achievement", which is a certification. A Skiller endorsement is a peer's
opinion about a person's skill, which is exactly what OB 3.0 defines
EndorsementCredential for (an ``EndorsementSubject`` with an
``endorsementComment``). The skill and the observed level are extra subject
properties, defined by an inline context object (``SKILLER_CONTEXT``) in the
credential itself: neither the VC 2.0 nor the OB 3.0.3 context defines them,
so without it a JSON-LD processor drops them (pyld does: the VC context's
catch-all ``@vocab`` is scoped to the credential node, not its subject), and a
context URL nobody hosts would break every processor that fetches it. Where the skill is linked to an ESCO concept, the
subject carries OB 3.0's ``alignment`` to that concept URI.

The token follows OB 3.0 §8.2 (VC-JWT): the credential is the JWT payload
itself (no ``vc`` wrapper), with ``iss`` = issuer id, ``sub`` = subject id,
``jti`` = credential id and ``nbf`` = ``validFrom``. The header is
``{"alg": "EdDSA", "typ": "JWT", "kid": "<did:key>#<fingerprint>"}``.
Verification needs no network: the issuer's public key is inside its
did:key. Signing and checking are PyJWT's; no hand-written crypto.

What is accepted is wider than what is emitted (docs/credentials.md): a
credential inside a ``vc`` claim (the VC 1.1 JWT style of 1EdTech's own
samples; OB 3.0's integrity rules say a verifier unwraps it), with VC 1.1's
``issuanceDate``; and the algorithm under its RFC 9864 name ``Ed25519`` as
well as the deprecated ``EdDSA``. We keep emitting ``EdDSA`` because it is
what OB 3.0, VC-JOSE-COSE and today's JOSE libraries (PyJWT among them)
know; ``Ed25519`` is registered with PyJWT's own Ed25519 algorithm class,
which is the same signature, and the key is always an Ed25519 did:key.
"""

from __future__ import annotations

import base64
import functools
import math
import re
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import jwt
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from jwt.algorithms import OKPAlgorithm

from .. import safe_json
from ..errors import ValidationError
from ..files import read_limited
from ..identity import did_from_public_key, public_key_from_did, raw_public_key

VC_CONTEXT = "https://www.w3.org/ns/credentials/v2"
VC1_CONTEXT = "https://www.w3.org/2018/credentials/v1"  # VC 1.1: 1EdTech's older samples, still met
OB_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
# Our own terms, as IRIs under a URN of ours: nothing to host, nothing a processor tries to fetch.
SKILLER_VOCAB = "urn:skiller:vocab#"
SKILLER_CONTEXT: dict[str, Any] = {
    "skill": {"@id": SKILLER_VOCAB + "skill"},
    "levelObserved": {"@id": SKILLER_VOCAB + "levelObserved",
                      "@type": "http://www.w3.org/2001/XMLSchema#integer"},
}
ESCO_PREFIX = "http://data.europa.eu/esco/"
CREDENTIAL_TYPES = ["VerifiableCredential", "EndorsementCredential"]
ACCEPTED_TYP = ("JWT", "vc+jwt")
EMITTED_ALG = "EdDSA"
ACCEPTED_ALGS = ("EdDSA", "Ed25519")  # RFC 9864 names the same Ed25519 signature "Ed25519"
REQUIRED_CLAIMS = ("iss", "sub", "jti", "nbf")
REGISTERED_CLAIMS = ("iss", "sub", "aud", "exp", "nbf", "iat", "jti")  # RFC 7519 §4.1
FILE_SUFFIX = ".jwt"
MAX_TOKEN_CHARS = 64_000
CLOCK_SKEW_SECONDS = 300

_DID_KEY_PREFIX = "did:key:z"
_COMPACT_JWS = re.compile(r"^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$")


class CredentialError(ValueError):
    """A credential that cannot be trusted or read; the message says why."""


def issue_endorsement_credential(
    private_key: Ed25519PrivateKey,
    *,
    endorsement_id: str,
    endorser_name: str,
    subject_id: str,
    skill: str,
    comment: str,
    level: int | None,
    issued_at: datetime,
    concept: str = "",
) -> str:
    """Sign an endorsement as an OB 3.0 EndorsementCredential VC-JWT."""
    issuer_id = did_from_public_key(raw_public_key(private_key))
    _pub_from_did(subject_id)  # a credential about a malformed id helps nobody
    credential = endorsement_credential(
        issuer_id=issuer_id,
        endorsement_id=endorsement_id,
        endorser_name=endorser_name,
        subject_id=subject_id,
        skill=skill,
        comment=comment,
        level=level,
        issued_at=issued_at,
        concept=concept,
    )
    headers = {"typ": "JWT", "kid": _kid(issuer_id)}
    return jwt.encode(credential, private_key, algorithm=EMITTED_ALG, headers=headers)


def endorsement_credential(
    *,
    issuer_id: str,
    endorsement_id: str,
    endorser_name: str,
    subject_id: str,
    skill: str,
    comment: str,
    level: int | None,
    issued_at: datetime,
    concept: str = "",
) -> dict[str, Any]:
    """The JWT payload: the VC JSON plus the registered claims OB 3.0 asks for."""
    moment = _utc(issued_at)
    credential_id = f"urn:uuid:{endorsement_id}"
    subject: dict[str, Any] = {
        "id": subject_id,
        "type": ["EndorsementSubject"],
        "endorsementComment": comment,
        "skill": skill,
    }
    if level is not None:
        subject["levelObserved"] = int(level)
    if concept:
        subject["alignment"] = [alignment(skill, concept)]
    return {
        "@context": [VC_CONTEXT, OB_CONTEXT, SKILLER_CONTEXT],
        "id": credential_id,
        "type": list(CREDENTIAL_TYPES),
        "name": f"Endorsement: {skill}",
        "issuer": {"id": issuer_id, "type": ["Profile"], "name": endorser_name},
        "validFrom": moment.isoformat().replace("+00:00", "Z"),
        "credentialSubject": subject,
        "iss": issuer_id,
        "sub": subject_id,
        "jti": credential_id,
        "nbf": int(moment.timestamp()),
        "iat": int(moment.timestamp()),
    }


def alignment(skill: str, concept: str) -> dict[str, Any]:
    """OB 3.0's Alignment to the vocabulary concept a skill is linked to (its URI is the target)."""
    target: dict[str, Any] = {"type": ["Alignment"], "targetName": skill, "targetUrl": concept}
    if concept.startswith(ESCO_PREFIX):
        target["targetFramework"] = "ESCO"
    return target


def verify_credential(token: str) -> dict[str, Any]:
    """Check a VC-JWT against its issuer's did:key and return the credential with its JWT claims.

    A credential carried in a ``vc`` claim is unwrapped, and the registered
    claims (``iss``, ``sub``, ``jti``, ``nbf`` ...) are set beside it, so the
    caller reads one shape whichever style the token has. Raises
    CredentialError for anything short of a well-formed credential signed by
    the key its issuer id names.
    """
    token = _well_formed(token)
    header = _checked_header(token)
    issuer_id = _claimed_issuer(token)
    kid = header.get("kid")
    if kid is not None and kid.split("#", 1)[0] != issuer_id:
        raise CredentialError("the signing key (kid) does not belong to the issuer (iss)")
    payload = _decode(token, Ed25519PublicKey.from_public_bytes(_pub_from_did(issuer_id)))
    credential = _unwrapped(payload)
    _check_credential(credential, payload)
    # The checked credential wins over any other outer claim (a stray top-level credentialSubject is
    # not what was checked); the registered claims, which it was checked against, win over both.
    claims = {k: v for k, v in payload.items() if k != "vc"}
    registered = {k: payload[k] for k in REGISTERED_CLAIMS if k in payload}
    return {**claims, **credential, **registered}


def write_credentials(tokens: dict[str, str], directory: Path) -> list[Path]:
    """Write one ``<endorsement id>.jwt`` per credential; return the paths.

    A bare compact JWS (plus a newline) is what OB 3.0 validators and
    wallets take as is, so no JSON wrapper: the id is in the file name and
    in the token's ``jti``.
    """
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for credential_id, token in tokens.items():
        path = directory / (_file_stem(credential_id) + FILE_SUFFIX)
        path.write_text(_well_formed(token) + "\n", encoding="ascii")
        paths.append(path)
    return paths


def read_credential_file(path: Path) -> str:
    """The compact token in a ``.jwt`` file; CredentialError if it is not one."""
    path = Path(path)
    raw = read_limited(path, MAX_TOKEN_CHARS + 64, CredentialError, "credential file")
    try:
        text = raw.decode("ascii")
    except UnicodeDecodeError:
        raise CredentialError(f"{path.name} is not a credential (not ASCII text)") from None
    return _well_formed(text)


def _well_formed(token: Any) -> str:
    if not isinstance(token, str):
        raise CredentialError("a credential must be text")
    token = token.strip()
    if len(token) > MAX_TOKEN_CHARS:
        raise CredentialError("credential is too large")
    if not _COMPACT_JWS.match(token):
        raise CredentialError("not a compact JWS (expected three base64url parts separated by dots)")
    for part in token.split(".")[:2]:  # header and claims are JSON, parsed by PyJWT without a depth limit
        try:
            safe_json.check_depth(base64.urlsafe_b64decode(part + "=" * (-len(part) % 4)))
        except safe_json.TooDeepError as exc:
            raise CredentialError(f"not a credential: {exc}") from None
        except ValueError:
            continue  # not base64: PyJWT says so in its own words
    return token


def _checked_header(token: str) -> dict[str, Any]:
    try:
        header = jwt.get_unverified_header(token)
    except jwt.PyJWTError as error:
        raise CredentialError(f"malformed credential header: {error}") from None
    if header.get("alg") not in ACCEPTED_ALGS:
        raise CredentialError(f"unsupported signature algorithm {header.get('alg')!r}; expected EdDSA or Ed25519")
    if header.get("typ", "JWT") not in ACCEPTED_TYP:
        raise CredentialError(f"unexpected token type {header.get('typ')!r}")
    # A did:key holds one key, so `iss` alone finds it; a kid, when there is one, must name that DID.
    if "kid" in header and not isinstance(header["kid"], str):
        raise CredentialError("the header's signing key (kid) is not text")
    return header


def _claimed_issuer(token: str) -> str:
    """The unverified ``iss``: only used to find the key to verify with."""
    try:
        claims = jwt.decode(token, options={"verify_signature": False})
    except jwt.PyJWTError as error:
        raise CredentialError(f"malformed credential payload: {error}") from None
    issuer = claims.get("iss")
    if not isinstance(issuer, str):
        raise CredentialError("the credential names no issuer (iss)")
    return issuer


@functools.cache
def _jws() -> jwt.PyJWS:
    """PyJWT's JWS, knowing the RFC 9864 name as well: its OKP algorithm checks an Ed25519 signature
    whichever name the header gives (the key passed is always the did:key's Ed25519 key). Built once:
    decoding keeps no state in it."""
    signer = jwt.PyJWS(algorithms=[EMITTED_ALG])
    signer.register_algorithm("Ed25519", OKPAlgorithm())
    return signer


def _decode(token: str, key: Ed25519PublicKey) -> dict[str, Any]:
    """The signed payload, once PyJWT checked its signature; then its time claims, with leeway."""
    try:
        body = _jws().decode(token, key, algorithms=list(ACCEPTED_ALGS))
    except jwt.InvalidSignatureError:
        raise CredentialError("bad signature: the credential was altered or not signed by its issuer") from None
    except jwt.PyJWTError as error:
        raise CredentialError(f"invalid credential: {error}") from None
    try:
        payload = safe_json.loads(body)
    except ValueError:  # TooDeepError is one
        raise CredentialError("invalid credential: the payload is not JSON") from None
    if not isinstance(payload, dict):
        raise CredentialError("invalid credential: the payload is not a JSON object")
    _check_times(payload)
    return payload


def _check_times(payload: dict[str, Any]) -> None:
    """OB 3.0 requires iss, sub, jti and nbf; nbf must have come and exp, if any, not passed."""
    for claim in REQUIRED_CLAIMS:
        if claim not in payload:
            raise CredentialError(f'invalid credential: Token is missing the "{claim}" claim')
    for claim in ("nbf", "exp", "iat"):
        value = payload.get(claim)
        if claim in payload and (isinstance(value, bool) or not isinstance(value, int | float)
                                 or not math.isfinite(value)):  # NaN never expires, nor does Infinity
            raise CredentialError(f"invalid credential: {claim} must be a number")
    now = time.time()
    if payload["nbf"] > now + CLOCK_SKEW_SECONDS:
        raise CredentialError("the credential is not valid yet (nbf is in the future)")
    if "exp" in payload and payload["exp"] <= now - CLOCK_SKEW_SECONDS:
        raise CredentialError("the credential has expired")


def _unwrapped(payload: dict[str, Any]) -> dict[str, Any]:
    """The credential a payload carries: itself (VC 2.0, OB 3.0) or its ``vc`` claim (VC 1.1 JWT style)."""
    if "vc" not in payload:
        return payload
    credential = payload["vc"]
    if not isinstance(credential, dict):
        raise CredentialError("the vc claim does not hold a credential object")
    return credential


def _check_credential(credential: dict[str, Any], claims: dict[str, Any]) -> None:
    """The signed JWT claims and the VC they wrap must say the same thing (OB 3.0 §8.2.4.1)."""
    context = credential.get("@context")
    if not isinstance(context, list) or not context or context[0] not in (VC_CONTEXT, VC1_CONTEXT):
        raise CredentialError("not a W3C Verifiable Credential (@context)")
    types = credential.get("type")
    if not isinstance(types, list) or "VerifiableCredential" not in types:
        raise CredentialError("not a Verifiable Credential (type)")
    issuer = credential.get("issuer")
    issuer_id = issuer.get("id") if isinstance(issuer, dict) else issuer
    if issuer_id != claims["iss"]:
        raise CredentialError("iss does not match the credential's issuer id")
    subject = credential.get("credentialSubject")
    if not isinstance(subject, dict) or subject.get("id") != claims["sub"]:
        raise CredentialError("sub does not match the credential subject id")
    if credential.get("id") != claims["jti"]:
        raise CredentialError("jti does not match the credential id")
    # VC 1.1 names it issuanceDate; a credential has one or the other
    valid_from = credential.get("validFrom", credential.get("issuanceDate"))
    if _timestamp(valid_from) != claims["nbf"]:
        raise CredentialError("nbf does not match validFrom")


def _timestamp(value: Any) -> int | None:
    try:
        return int(datetime.fromisoformat(str(value).replace("Z", "+00:00")).timestamp())
    except ValueError:
        return None


def _utc(moment: datetime) -> datetime:
    """Naive datetimes are taken as UTC; seconds precision, as JWT has."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).replace(microsecond=0)


def _file_stem(credential_id: str) -> str:
    """A portable file name from an id: no separators, no surprises."""
    stem = credential_id.removeprefix("urn:uuid:")
    stem = re.sub(r"[^A-Za-z0-9._-]", "_", stem).strip("._")
    if not stem:
        raise CredentialError(f"cannot make a file name from credential id {credential_id!r}")
    return stem[:150]


def _kid(did: str) -> str:
    """did:key verification method id: the DID, then its own fingerprint."""
    return f"{did}#{did.removeprefix('did:key:')}"


def _pub_from_did(did: Any) -> bytes:
    """The raw Ed25519 key in a did:key; CredentialError for any other DID."""
    if not isinstance(did, str) or not did.startswith(_DID_KEY_PREFIX):
        raise CredentialError(f"unsupported DID {str(did)[:80]!r}: only did:key (Ed25519) is supported")
    try:
        return public_key_from_did(did)
    except ValidationError:
        raise CredentialError(f"malformed or unsupported did:key {did[:80]!r}: not an Ed25519 key") from None
