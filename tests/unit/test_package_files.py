"""What differs per OS and per version, checked where it can be on Linux: resources found from a frozen
layout, `--version`, files from a newer Skiller refused as such, the Windows key-file rule, renames
retried while Windows holds a file, data dirs with spaces, accents and long paths."""

from __future__ import annotations

import base64
import json
import sys
import types
from pathlib import Path

import pytest
from support import run_cli

from skiller_desktop import __version__, bundles, files, keystore
from skiller_desktop.__main__ import app_item
from skiller_desktop.build_info import BuildInfo, build_info
from skiller_desktop.errors import IdentityError, RejectedError
from skiller_desktop.identity import Identity, open_identity, seal_identity
from skiller_desktop.resource_path import app_root, resource


def test_resources_come_from_the_bundle_when_frozen(monkeypatch, tmp_path: Path) -> None:
    assert resource("fonts", "DejaVuSans.ttf").exists()  # from the checkout
    (tmp_path / "resources").mkdir()
    (tmp_path / "resources" / "build.json").write_text(json.dumps({"commit": "abc123", "date": "2026-11-29T21:00:00Z"}))
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    build_info.cache_clear()
    try:
        assert app_root() == tmp_path
        assert resource("icons", "skiller.svg") == tmp_path / "resources" / "icons" / "skiller.svg"
        info = build_info()
        assert info == BuildInfo(__version__, "abc123", "2026-11-29T21:00:00Z", packaged=True)
        assert info.describe() == f"skiller {__version__} (commit abc123, built 2026-11-29T21:00:00Z)"
    finally:
        build_info.cache_clear()


def test_version_is_printed_and_exits() -> None:
    done = run_cli("--version")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"skiller {__version__} (") and "from source" in done.stdout


def test_a_bundle_or_a_link_as_the_command_word_opens_the_app(tmp_path: Path) -> None:
    bundle = tmp_path / "Ana Lúcia.skb"
    assert app_item(["--data-dir", str(tmp_path), str(bundle)]) == (str(bundle), str(bundle))
    assert app_item(["skiller:invite?v=1"]) == ("skiller:invite?v=1", "skiller:invite?v=1")
    assert app_item(["bundle", "import", str(bundle)]) is None  # a command that names a bundle is a command
    assert app_item(["--data-dir", "x.skb"]) is None


def _bundle_with_version(node, version: object) -> bytes:
    services = node("Ana")
    path = services.data_dir / "out.skb"
    services.export_bundle(path)
    header, _, body = path.read_bytes().partition(b"\n")
    fields = json.loads(header)
    fields["version"] = version
    return json.dumps(fields, separators=(",", ":")).encode() + b"\n" + body


@pytest.mark.parametrize(("version", "code"), [(2, "bundle.newer"), (99, "bundle.newer"), ("2", "bundle.version"),
                                               (True, "bundle.version"), (None, "bundle.version")])
def test_a_bundle_from_a_newer_skiller_says_so(node, version: object, code: str) -> None:
    with pytest.raises(RejectedError) as refused:
        bundles.decode(_bundle_with_version(node, version))
    assert refused.value.code == code
    if code == "bundle.newer":
        assert "newer Skiller" in str(refused.value) and "update" in str(refused.value)


def test_an_identity_export_from_a_newer_skiller_says_so() -> None:
    identity = Identity.generate()
    envelope = json.loads(seal_identity(identity, "correct horse", {}))
    envelope["version"] = 2
    with pytest.raises(IdentityError) as refused:
        open_identity(json.dumps(envelope).encode(), "correct horse")
    assert refused.value.code == "identity.newer"
    envelope["version"] = 1
    seed, _ = open_identity(json.dumps(envelope).encode(), "correct horse")
    assert Identity.from_seed(seed, identity.device_id).person_id == identity.person_id


def test_an_identity_file_from_a_newer_skiller_says_so_and_an_old_one_still_loads(tmp_path: Path) -> None:
    identity = Identity.generate()
    keystore.save_identity(tmp_path, identity)
    meta_path = tmp_path / keystore.IDENTITY_FILE
    meta = json.loads(meta_path.read_text())
    assert meta["version"] == keystore.META_VERSION
    del meta["version"]  # written before the field existed
    meta_path.write_text(json.dumps(meta))
    loaded = keystore.load_identity(tmp_path)
    assert loaded is not None and loaded.person_id == identity.person_id
    meta_path.write_text(json.dumps({**meta, "version": 7}))
    with pytest.raises(IdentityError) as refused:
        keystore.load_identity(tmp_path)
    assert refused.value.code == "identity.newer"


def test_on_windows_the_key_file_is_refused_without_dpapi(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv("SKILLER_NO_KEYRING", "1")  # no Credential Locker
    monkeypatch.setattr(keystore, "_on_windows", lambda: True)
    monkeypatch.setitem(sys.modules, "win32crypt", None)  # pywin32 absent: the import fails
    with pytest.raises(IdentityError) as refused:
        keystore.save_identity(tmp_path, Identity.generate())
    assert refused.value.code == "identity.no_keystore_windows"
    assert not (tmp_path / keystore.KEY_FILE).exists() and not (tmp_path / keystore.IDENTITY_FILE).exists()


def test_on_windows_the_key_file_holds_only_what_dpapi_returns(monkeypatch, tmp_path: Path) -> None:
    """DPAPI itself runs only on Windows (the release workflow's Windows job runs the suite); here a stand-in
    with its calling convention checks that the file never holds the key and that loading goes through it."""
    sealed: dict[bytes, bytes] = {}

    def protect(data, description, entropy, reserved, prompt, flags):
        token = base64.b64encode(description.encode() + bytes(len(sealed)))
        sealed[token] = data
        return token

    def unprotect(data, entropy, reserved, prompt, flags):
        return "Skiller private key", sealed[data]

    monkeypatch.setenv("SKILLER_NO_KEYRING", "1")
    monkeypatch.setattr(keystore, "_on_windows", lambda: True)
    monkeypatch.setitem(sys.modules, "win32crypt", types.SimpleNamespace(CryptProtectData=protect,
                                                                          CryptUnprotectData=unprotect))
    identity = Identity.generate()
    assert keystore.save_identity(tmp_path, identity) == "dpapi"
    seed = identity.private_key.private_bytes_raw().hex().encode()
    assert seed not in (tmp_path / keystore.KEY_FILE).read_bytes()
    loaded = keystore.load_identity(tmp_path)
    assert loaded is not None and loaded.person_id == identity.person_id


@pytest.mark.skipif(sys.platform != "win32", reason="DPAPI exists only on Windows")
def test_dpapi_round_trip_on_windows(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv("SKILLER_NO_KEYRING", "1")
    identity = Identity.generate()
    assert keystore.save_identity(tmp_path, identity) == "dpapi"
    loaded = keystore.load_identity(tmp_path)
    assert loaded is not None and loaded.person_id == identity.person_id


def test_a_rename_refused_while_windows_holds_the_file_is_retried(monkeypatch, tmp_path: Path) -> None:
    source, target = tmp_path / "new", tmp_path / "old"
    source.write_bytes(b"new")
    target.write_bytes(b"old")
    real_replace, refusals = files.os.replace, [PermissionError(13, "in use"), PermissionError(13, "in use")]

    def held_open(a, b):
        if refusals:
            raise refusals.pop()
        real_replace(a, b)

    monkeypatch.setattr(files.os, "replace", held_open)
    monkeypatch.setattr(files.time, "sleep", lambda _s: None)
    files.replace(source, target, windows=True)
    assert target.read_bytes() == b"new" and not refusals
    source.write_bytes(b"newer")
    refusals[:] = [PermissionError(13, "denied")]
    with pytest.raises(PermissionError):  # elsewhere a permission error is not a lock: said at once
        files.replace(source, target, windows=False)


def test_a_data_dir_with_spaces_accents_and_a_long_path_works(tmp_path: Path) -> None:
    deep = tmp_path / "Élodie Müller" / "Mes documents à moi"
    while len(str(deep)) < 300:  # past Windows' old 260-character limit
        deep = deep / "un dossier très profond"
    assert run_cli("init", "--name", "Élodie Müller", data_dir=deep).returncode == 0
    assert run_cli("skill", "add", "Tissage", "--level", "3", data_dir=deep).returncode == 0
    listed = run_cli("--json", "skill", "list", data_dir=deep)
    assert listed.returncode == 0 and "Tissage" in listed.stdout


def test_a_relay_without_psycopg_says_postgresql_needs_the_pip_install(monkeypatch, capsys) -> None:
    """The packaged relay leaves PostgreSQL support out (packaging/skiller.spec); asked for it, it says so."""
    import importlib.util

    from sync import relay

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "psycopg" else real(name, *a))
    assert relay.main(["--db", "postgresql://relay@localhost/skiller", "blocked"]) == 2
    assert "no PostgreSQL support" in capsys.readouterr().err
    assert relay.main(["migrate", "--from", "a.sqlite3", "--to", "postgresql://relay@localhost/skiller"]) == 2
