"""Invitation links: `skiller:invite?v=1&id=did:key:…&relay=https://…`, and their QR codes.

The format is defined in docs/invitations.md. A link comes from anywhere (a
chat, a web page, a QR code someone printed), so decoding is strict and
bounded: the whole link, each relay address and the name hint have a length
cap, relay addresses are http or https only with no credentials in them, the
person id must be a did:key that really holds an Ed25519 key, and a team code
must parse as one. Every refusal is an `InvitationError` raised with a
catalogued code (`invitation.*` in skiller_desktop/messages.py) and its
parameters: the UI says it in the user's language, the CLI prints the English.

This module is pure Python (no network, no Qt). segno, for the QR code, is
imported only when a QR code is drawn.
"""

from __future__ import annotations

import ipaddress
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qsl, quote, urlsplit

from .errors import ValidationError
from .messages import say

SCHEME = "skiller"
VERSION = 1
MAX_LINK_CHARS = 2048      # a QR code at level M holds ~2,300 bytes; a chat message wraps far below that
MAX_RELAYS = 4             # a fallback or two; more is noise, or an attempt to make us call many hosts
MAX_RELAY_CHARS = 300
MAX_NAME_CHARS = 80        # a hint shown before the real profile arrives, never trusted as an identity
MAX_TEAM_CODE_CHARS = 200
MAX_PARAMS = 16            # id + relays + team + name + a few unknown future ones


class InvitationError(ValidationError):
    """A link that cannot be used; `reason` is its code without the `invitation.` prefix."""

    code = "invitation"

    def __init__(self, reason: str, **params: object) -> None:
        super().__init__(say(f"invitation.{reason}", **params), "link")
        self.reason = reason


@dataclass(frozen=True)
class Invitation:
    """Whom a link introduces, where to find them, and (for a team) the code to join it."""

    person_id: str
    relays: tuple[str, ...]
    team_code: str = ""
    name: str = ""
    extra: dict[str, str] = field(default_factory=dict, compare=False)  # unknown parameters, kept for display

    def to_uri(self) -> str:
        return encode(self)


def encode(invitation: Invitation) -> str:
    """The link; `decode(encode(x)) == x` for any valid invitation (checked, so a bad one is never handed out)."""
    check_person_id(invitation.person_id)
    relays = [check_relay_url(url) for url in invitation.relays]
    if not 1 <= len(relays) <= MAX_RELAYS:
        raise InvitationError("relay_count", count=len(relays), max=MAX_RELAYS)
    parts = [f"v={VERSION}", f"id={invitation.person_id}"]
    parts += [f"relay={quote(url, safe='')}" for url in relays]
    if invitation.team_code:
        parts.append(f"team={quote(check_team_code(invitation.team_code), safe='')}")
    if invitation.name:
        parts.append(f"name={quote(check_name(invitation.name), safe='')}")
    uri = f"{SCHEME}:invite?" + "&".join(parts)
    if len(uri) > MAX_LINK_CHARS:
        raise InvitationError("too_long", max=MAX_LINK_CHARS)
    return uri


def looks_like_link(text: str) -> bool:
    """Whether pasted or dropped text is meant as an invitation (then it is decoded, and may be refused)."""
    return text.strip()[: len(SCHEME) + 1].lower() == SCHEME + ":"


def decode(text: str) -> Invitation:
    """The invitation in a link, or an `InvitationError` saying what is wrong with it."""
    if not isinstance(text, str):
        raise InvitationError("not_link")
    uri = text.strip()
    if len(uri) > MAX_LINK_CHARS:
        raise InvitationError("too_long", max=MAX_LINK_CHARS)
    if not looks_like_link(uri):
        raise InvitationError("not_link")
    body = uri[len(SCHEME) + 1:]
    body = body[2:] if body.startswith("//") else body  # some systems hand `skiller://invite?…`
    action, _, query = body.partition("?")
    if action.rstrip("/").lower() != "invite":
        raise InvitationError("not_link")
    params = _params(query)
    version = _one(params, "v")
    if version != str(VERSION):
        if version.isdigit() and int(version) > VERSION:
            raise InvitationError("newer_version", version=version[:8])
        raise InvitationError("bad_version")
    person_id = check_person_id(_one(params, "id"))
    relays = tuple(dict.fromkeys(check_relay_url(url) for key, url in params if key == "relay"))
    if not relays:
        raise InvitationError("no_relay")
    if len(relays) > MAX_RELAYS:
        raise InvitationError("relay_count", count=len(relays), max=MAX_RELAYS)
    team = _one(params, "team", required=False)
    name = _one(params, "name", required=False)
    extra = {k: v for k, v in params if k not in ("v", "id", "relay", "team", "name")}
    return Invitation(person_id, relays, check_team_code(team) if team else "", check_name(name) if name else "",
                      extra)


def _params(query: str) -> list[tuple[str, str]]:
    if query.count("&") >= MAX_PARAMS:
        raise InvitationError("too_many_parts", max=MAX_PARAMS)
    try:
        return parse_qsl(query, keep_blank_values=True, strict_parsing=bool(query), errors="strict",
                         max_num_fields=MAX_PARAMS)
    except (ValueError, UnicodeDecodeError):
        raise InvitationError("malformed") from None


def _one(params: list[tuple[str, str]], key: str, required: bool = True) -> str:
    values = [v for k, v in params if k == key]
    if len(values) > 1:
        raise InvitationError("repeated", part=key)
    if not values and required:
        raise InvitationError("missing", part=key)
    return values[0] if values else ""


def check_person_id(value: str) -> str:
    from .identity import is_person_id

    if len(value) > 100 or not is_person_id(value):
        raise InvitationError("bad_person")
    return value


_HOST = re.compile(r"^[A-Za-z0-9.\-\[\]:]+$")


def check_relay_url(url: str) -> str:
    """A relay address as invitations carry it: http(s), a host, no credentials, query or fragment."""
    url = url.strip()
    if not url or len(url) > MAX_RELAY_CHARS:
        raise InvitationError("bad_relay_length", max=MAX_RELAY_CHARS)
    if any(ord(c) < 33 or ord(c) == 127 for c in url):
        raise InvitationError("bad_relay_spaces")
    try:
        parts = urlsplit(url)
        port = parts.port  # raises on a port that is not a number or out of range
    except ValueError:
        raise InvitationError("bad_relay") from None
    if parts.scheme.lower() not in ("http", "https"):
        raise InvitationError("bad_scheme", scheme=parts.scheme[:20])
    if not parts.hostname or not _HOST.match(parts.netloc.rsplit("@", 1)[-1]):
        raise InvitationError("bad_relay_host")
    if "@" in parts.netloc:
        raise InvitationError("bad_relay_credentials")
    if parts.query or parts.fragment:
        raise InvitationError("bad_relay_query")
    del port
    return url.rstrip("/")


def is_loopback(url: str) -> bool:
    """A relay address only this computer can reach (localhost, 127.0.0.0/8, ::1); False for one that does
    not parse."""
    try:
        host = urlsplit(url.strip()).hostname or ""
    except ValueError:
        return False
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_team_code(code: str) -> str:
    from .teams.document import parse_code

    if len(code) > MAX_TEAM_CODE_CHARS:
        raise InvitationError("bad_team_code")
    try:
        parse_code(code)
    except ValidationError:
        raise InvitationError("bad_team_code") from None
    return code.strip()


# Zero-width (non-)joiners are format characters that emoji sequences ("👩‍💻") and some scripts need;
# the other format characters (bidi overrides above all) can disguise a name, so they are refused.
_JOINERS = frozenset("\u200c\u200d")


def check_name(name: str) -> str:
    """A display hint: plain printable text, no control or bidi-override characters, bounded."""
    if len(name) > MAX_NAME_CHARS:
        raise InvitationError("bad_name_length", max=MAX_NAME_CHARS)
    if any(unicodedata.category(c) in ("Cc", "Cf", "Co", "Cs") and c not in _JOINERS for c in name):
        raise InvitationError("bad_name")
    return name.strip()


def qr_code(uri: str):  # -> segno.QRCode (segno imported here only)
    """The link's QR code; error correction M survives a crease or a smudge on a printed code."""
    import segno

    return segno.make_qr(uri, error="m", boost_error=False)


def save_qr(uri: str, path: Path, scale: int = 8) -> Path:
    """Write the QR code as PNG or SVG, by the file's extension."""
    path = Path(path)
    kind = path.suffix.lower().lstrip(".")
    if kind not in ("png", "svg"):
        raise ValidationError(say("invitation.qr_format"), "path")
    qr_code(uri).save(str(path), kind=kind, scale=scale, border=4)
    return path


def qr_png(uri: str, scale: int = 8) -> bytes:
    """The QR code as PNG bytes, for showing it in a window."""
    import io

    buffer = io.BytesIO()
    qr_code(uri).save(buffer, kind="png", scale=scale, border=4)
    return buffer.getvalue()
