"""`skiller import|export|verify` as a user runs them: real processes, one-line errors.

A credential exported by Skiller must verify with `skiller verify` and with an
independent JOSE implementation (joserfc); altering any field must make both fail.
"""

from __future__ import annotations

import base64
import json
import shutil
from pathlib import Path

import base58
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from joserfc import jws
from joserfc.errors import JoseError
from joserfc.jwk import OKPKey
from support import hand_over, run_cli

from skiller_desktop.errors import RejectedError
from skiller_desktop.interop import service

pytestmark = [pytest.mark.slow, pytest.mark.filterwarnings("ignore:EdDSA is deprecated:Warning")]


def joserfc_verify(token: str) -> dict:
    """Verify with joserfc and a key taken from the issuer's did:key by hand, not by our code."""
    payload = json.loads(unb64(token.split(".")[1]))
    raw = base58.b58decode(payload["iss"].removeprefix("did:key:z"))
    assert raw[:2] == b"\xed\x01"
    key = OKPKey.import_key(Ed25519PublicKey.from_public_bytes(raw[2:]))
    return json.loads(jws.deserialize_compact(token, key, algorithms=["EdDSA"]).payload)


def unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def altered(token: str, change) -> str:
    """The same signature over a payload with one field changed."""
    header, payload, signature = token.split(".")
    data = json.loads(unb64(payload))
    change(data)
    return ".".join([header, b64(json.dumps(data).encode()), signature])


def set_in(*path, value):
    def change(data: dict) -> None:
        for key in path[:-1]:
            data = data[key]
        data[path[-1]] = value

    return change


def one_line_error(result) -> str:
    assert result.returncode == 1, (result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("skiller: "), result.stderr
    assert "Traceback" not in result.stderr
    return lines[0]


def test_an_exported_credential_verifies_anywhere_and_any_change_breaks_it(marqueterie_endorsed, tmp_path):
    ana, benoit, endorsement_id = marqueterie_endorsed
    exported = run_cli("--json", "export", "credentials", str(tmp_path / "creds"), data_dir=benoit.data_dir)
    assert exported.returncode == 0, exported.stderr
    (file,) = (Path(f) for f in json.loads(exported.stdout)["files"])
    assert file.name == f"{endorsement_id}.jwt"
    token = file.read_text(encoding="ascii").strip()

    checked = run_cli("--json", "verify", str(file), data_dir=benoit.data_dir)
    assert checked.returncode == 0, checked.stderr
    result = json.loads(checked.stdout)
    assert (result["valid"], result["issuer"], result["subject"]) == (True, ana.person_id, benoit.person_id)
    assert (result["issuer_name"], result["skill"], result["level"]) == ("Ana Lúcia", "Marqueterie", 5)
    assert (result["known"], result["revoked"]) == (True, False)
    theirs = joserfc_verify(token)
    assert (theirs["credentialSubject"]["skill"], theirs["sub"]) == ("Marqueterie", benoit.person_id)
    text = run_cli("verify", str(file), data_dir=tmp_path / "stranger")  # a node that knows nobody
    assert text.returncode == 0 and "Valid signature: Ana Lúcia endorses Marqueterie" in text.stdout
    assert "Revocation not checked (offline)" in text.stdout

    changes = {
        "skill": set_in("credentialSubject", "skill", value="Chirurgie"),
        "comment": set_in("credentialSubject", "endorsementComment", value="Bof"),
        "level": set_in("credentialSubject", "levelObserved", value=1),
        "subject": set_in("credentialSubject", "id", value=ana.person_id),
        "sub": set_in("sub", value=ana.person_id),
        "issuer name": set_in("issuer", "name", value="Someone Famous"),
        "validFrom": set_in("validFrom", value="2001-01-01T00:00:00Z"),
        "jti": set_in("jti", value="urn:uuid:other"),
    }
    for name, change in changes.items():
        forged = tmp_path / f"forged-{name.replace(' ', '-')}.jwt"
        forged.write_text(altered(token, change) + "\n", encoding="ascii")
        with pytest.raises(RejectedError, match="not a valid credential"):
            service.verify_file(benoit, forged)  # what `skiller verify` runs, without a process each
        if name in ("skill", "subject", "issuer name"):
            line = one_line_error(run_cli("verify", str(forged), data_dir=benoit.data_dir))
            assert "not a valid credential" in line, (name, line)
        with pytest.raises(JoseError):
            joserfc_verify(forged.read_text(encoding="ascii").strip())
    header, payload, signature = token.split(".")
    flipped = tmp_path / "flipped.jwt"
    flipped.write_text(f"{header}.{payload}.{('A' if signature[0] != 'A' else 'B') + signature[1:]}")
    assert "bad signature" in one_line_error(run_cli("verify", str(flipped), data_dir=benoit.data_dir))


def test_a_revoked_endorsement_still_verifies_but_says_so_and_is_not_exported(marqueterie_endorsed, tmp_path):
    ana, benoit, endorsement_id = marqueterie_endorsed
    exported = run_cli("--json", "export", "credentials", str(tmp_path / "creds"), data_dir=benoit.data_dir)
    (file,) = json.loads(exported.stdout)["files"]
    ana.revoke_endorsement(endorsement_id)
    hand_over(ana, benoit, tmp_path / "a2.skb")
    checked = run_cli("verify", file, data_dir=benoit.data_dir)
    assert checked.returncode == 3 and "Valid signature" in checked.stdout  # valid, but not to be relied on
    assert "REVOKED on 20" in checked.stdout
    again = run_cli("--json", "export", "credentials", str(tmp_path / "after"), data_dir=benoit.data_dir)
    assert json.loads(again.stdout)["files"] == []


def test_import_and_export_from_the_command_line(tmp_path):
    me = tmp_path / "me"
    assert run_cli("init", "--name", "Zoé Lefèvre", data_dir=me).returncode == 0
    resume = tmp_path / "r.json"
    resume.write_text(
        json.dumps({"basics": {"label": "Ébéniste"}, "skills": [{"name": "Marqueterie", "level": "Expert"}]}),
        encoding="utf-8",
    )
    imported = run_cli("import", "jsonresume", str(resume), data_dir=me)
    assert imported.returncode == 0 and "1 new skills" in imported.stdout, imported.stderr
    out = tmp_path / "out.json"
    assert run_cli("export", "jsonresume", str(out), data_dir=me).returncode == 0
    exported = json.loads(out.read_text(encoding="utf-8"))
    assert exported["basics"]["name"] == "Zoé Lefèvre"
    assert exported["skills"] == [{"name": "Marqueterie", "level": "Expert"}]
    pdf = run_cli("export", "pdf", str(tmp_path / "p.pdf"), "--language", "fr", data_dir=me)
    assert pdf.returncode == 0 and (tmp_path / "p.pdf").read_bytes().startswith(b"%PDF")


def test_bad_input_gets_one_clear_line(tmp_path):
    me = tmp_path / "me"
    assert run_cli("init", "--name", "Zoé", data_dir=me).returncode == 0
    broken = tmp_path / "export.zip"
    broken.write_bytes(b"PK\x03\x04 this is not really a zip")
    assert "not a readable ZIP archive" in one_line_error(run_cli("import", "linkedin", str(broken), data_dir=me))
    not_resume = tmp_path / "x.json"
    not_resume.write_text('{"email": "nope"}', encoding="utf-8")
    assert "is not a JSON Resume" in one_line_error(run_cli("import", "jsonresume", str(not_resume), data_dir=me))
    assert "no such file" in one_line_error(run_cli("verify", str(tmp_path / "missing.jwt"), data_dir=me))
    shutil.copy(not_resume, tmp_path / "x.jwt")
    assert "not a compact JWS" in one_line_error(run_cli("verify", str(tmp_path / "x.jwt"), data_dir=me))
    listed = run_cli("--json", "skill", "list", data_dir=me)
    assert json.loads(listed.stdout) in ([], {"skills": []})
