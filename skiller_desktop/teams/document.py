"""The team document: one Automerge map per team, written by its members.

Shape (every key is stable; readers ignore what they do not know):

    schema: 1, kind: "team", id: "team:<32 hex>", name, description, created_by, created_at
    members: {person id: {role: admin|member, added_by, added_at,
                          removed_at, removed_by, removed_after: {actor hex: last allowed seq}}}
    invitations: {id: {person_id, code_key, role, created_by, created_at, accepted_at, accepted_by,
                       revoked_at, revoked_by, expires_at}}
    needs: {id: {skill, level, note, status: open|filled, created_by, created_at, filled_at, filled_by}}

An invitation names either a person (`person_id`) or carries `code_key`, the
public half of a key pair derived from the code's secret: the secret never
enters the document, and the invitee proves they hold it by a signature bound
to their own person id, so a proof seen in their (public) person document
cannot be replayed by anyone else.

Who may write what is TeamPolicy's business (policy.py).
"""

from __future__ import annotations

import base64
import hashlib
import re
import secrets
from typing import Any

from automerge import core
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from .. import automerge_io as am
from ..errors import ValidationError
from ..identity import Identity, raw_public_key, split_actor
from ..messages import say
from ..person_doc import Edit, apply, merge_many, now_iso, put_entry, set_fields

SCHEMA = 1
KIND = "team"
PREFIX = "team:"
ROLES = ("admin", "member")
OPEN_SECTION = "needs"  # the one part of the document every member may write
CODE_PREFIX = "skiller-team:"

_TEAM_ID = re.compile(r"^team:[0-9a-f]{32}$")
_CODE = re.compile(r"^skiller-team:([0-9a-f]{32})\.([0-9a-f]{16})\.([0-9a-f]{32})$")
_CODE_SEED = b"skiller-team-invite-v1\x00"
_PROOF_DOMAIN = b"skiller-team-accept-v1\x00"


def new_team_id() -> str:
    return PREFIX + secrets.token_hex(16)


def is_team_id(value: object) -> bool:
    return isinstance(value, str) and bool(_TEAM_ID.match(value))


def new_document(identity: Identity, team_id: str, name: str, description: str) -> core.Document:
    """The genesis change: the creator is the first and only admin."""
    doc = core.Document(identity.actor_id)
    stamp = now_iso()

    def create(tx: core.Transaction) -> None:
        for key, value in (
            ("schema", SCHEMA),
            ("kind", KIND),
            ("id", team_id),
            ("name", name),
            ("description", description),
            ("created_by", identity.person_id),
            ("created_at", stamp),
            ("members", {identity.person_id: member_entry("admin", identity.person_id, stamp)}),
            ("invitations", {}),
            ("needs", {}),
        ):
            am.put(tx, am.ROOT, key, value)

    apply(doc, create)
    return doc


def member_entry(role: str, added_by: str, stamp: str | None = None) -> dict:
    return {
        "role": role,
        "added_by": added_by,
        "added_at": stamp or now_iso(),
        "removed_at": "",
        "removed_by": "",
        "removed_after": {},
    }


# -- edits: each returns a function for person_doc.apply ----------------------


def set_about(fields: dict[str, str]) -> Edit:
    def edit(tx: core.Transaction) -> None:
        for key, value in fields.items():
            am.put(tx, am.ROOT, key, value)

    return edit


def add_member(person_id: str, role: str, added_by: str) -> Edit:
    return put_entry("members", person_id, member_entry(role, added_by))


def set_role(person_id: str, role: str) -> Edit:
    return set_fields("members", person_id, {"role": role})


def remove_member(doc: core.Document, person_id: str, removed_by: str, own_actor: bytes | None = None) -> Edit:
    """Mark a member removed; their changes after the last one this node has seen are refused.

    `own_actor` is the leaving member's own actor when they leave: the leave
    change itself, the next of that actor, must stay allowed.
    """
    limits = last_seqs(doc, person_id)
    if own_actor is not None:
        limits[own_actor.hex()] = limits.get(own_actor.hex(), 0) + 1
    fields = {"removed_at": now_iso(), "removed_by": removed_by, "removed_after": limits}
    return set_fields("members", person_id, fields)


def last_seqs(doc: core.Document, person_id: str) -> dict[str, int]:
    """Highest sequence number of each of a person's actors in this document."""
    found: dict[str, int] = {}
    for change in doc.get_changes([]):
        author = split_actor(change.actor_id)
        if author is not None and author[0] == person_id:
            key = change.actor_id.hex()
            found[key] = max(found.get(key, 0), change.seq)
    return found


def put_invitation(invitation_id: str, entry: dict) -> Edit:
    return put_entry("invitations", invitation_id, entry)


def invitation_entry(role: str, created_by: str, *, person_id: str = "", code_key: str = "",
                     expires_at: str = "") -> dict:
    return {
        "person_id": person_id,
        "code_key": code_key,
        "role": role,
        "created_by": created_by,
        "created_at": now_iso(),
        "accepted_at": "",
        "accepted_by": "",
        "revoked_at": "",
        "revoked_by": "",
        "expires_at": expires_at,
    }


def put_need(need_id: str, entry: dict) -> Edit:
    return put_entry("needs", need_id, entry)


merge = merge_many  # several edits as one (person_doc's, under the name team code uses)


# -- reading, at any point of history -------------------------------------------


def extract_at(doc: core.Document, obj: bytes, heads: list[bytes] | None, skip: tuple[str, ...] = ()) -> Any:
    """Like core.extract, but as the document was at `heads` (None: now)."""
    kind = doc.object_type(obj)
    if kind == core.ObjType.List:
        return [_value_at(doc, obj, i, heads) for i in range(doc.length(obj, heads))]
    if kind == core.ObjType.Text:
        return doc.text(obj, heads)
    return {key: _value_at(doc, obj, key, heads) for key in doc.keys(obj, heads) if key not in skip}


def _value_at(doc: core.Document, obj: bytes, key: str | int, heads: list[bytes] | None) -> Any:
    found = doc.get(obj, key, heads)
    if found is None:
        return None
    value, child = found
    if isinstance(value, core.ObjType):
        return extract_at(doc, child, heads)
    return value[1]


def entry_at(doc: core.Document, section: str, key: str, heads: list[bytes] | None) -> dict | None:
    """One entry of a root section (e.g. a member) as it was at `heads`."""
    found = doc.get(am.ROOT, section, heads)
    if found is None or found[0] != core.ObjType.Map:
        return None
    entry = doc.get(found[1], key, heads)
    if entry is None or entry[0] != core.ObjType.Map:
        return None
    return extract_at(doc, entry[1], heads)


def section_at(doc: core.Document, section: str, heads: list[bytes] | None) -> dict:
    """A whole root section (e.g. members) as it was at `heads`; {} if there is none."""
    found = doc.get(am.ROOT, section, heads)
    if found is None or found[0] != core.ObjType.Map:
        return {}
    return extract_at(doc, found[1], heads)


def section_keys(doc: core.Document, section: str) -> list[str]:
    found = doc.get(am.ROOT, section)
    if found is None or found[0] != core.ObjType.Map:
        return []
    return list(doc.keys(found[1]))


# -- invitation codes -----------------------------------------------------------


def new_code(team_id: str, invitation_id: str) -> tuple[str, str]:
    """(code to hand over, code key to store): the code holds the team id and a secret."""
    secret = secrets.token_hex(16)
    code = f"{CODE_PREFIX}{team_id[len(PREFIX) :]}.{invitation_id}.{secret}"
    return code, _code_public_key(secret)


def new_invitation_id() -> str:
    return secrets.token_hex(8)


def parse_code(code: str) -> tuple[str, str, str]:
    """(team id, invitation id, secret) of an invitation code."""
    found = _CODE.match(code.strip())
    if not found:
        raise ValidationError(say("team.not_a_code"), "code")
    return PREFIX + found.group(1), found.group(2), found.group(3)


def is_code(value: str) -> bool:
    return value.strip().startswith(CODE_PREFIX)


def code_proof(code: str, person_id: str) -> str:
    """What the invitee publishes: a signature by the code's key over (team, invitation, invitee)."""
    team_id, invitation_id, secret = parse_code(code)
    signature = _code_key(secret).sign(_proof_message(team_id, invitation_id, person_id))
    return base64.b64encode(signature).decode("ascii")


def check_proof(code_key: str, team_id: str, invitation_id: str, person_id: str, proof: str) -> bool:
    try:
        key = Ed25519PublicKey.from_public_bytes(bytes.fromhex(code_key))
        key.verify(base64.b64decode(proof, validate=True), _proof_message(team_id, invitation_id, person_id))
    except (InvalidSignature, ValueError, TypeError):
        return False
    return True


def _code_key(secret: str) -> Ed25519PrivateKey:
    return Ed25519PrivateKey.from_private_bytes(hashlib.sha256(_CODE_SEED + secret.encode("ascii")).digest())


def _code_public_key(secret: str) -> str:
    return raw_public_key(_code_key(secret)).hex()


def _proof_message(team_id: str, invitation_id: str, person_id: str) -> bytes:
    return _PROOF_DOMAIN + "\x00".join((team_id, invitation_id, person_id)).encode("utf-8")
