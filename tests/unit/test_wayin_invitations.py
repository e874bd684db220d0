"""Invitation links (docs/invitations.md): round trip, and every hostile shape refused with its code."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from hypothesis import given
from hypothesis import strategies as st

from skiller_desktop.identity import did_from_public_key
from skiller_desktop.invitations import (
    MAX_LINK_CHARS,
    Invitation,
    InvitationError,
    decode,
    encode,
    is_loopback,
    looks_like_link,
    qr_png,
    save_qr,
)
from skiller_desktop.teams.document import new_code

PID = did_from_public_key(bytes(range(32)))
BASE = f"skiller:invite?v=1&id={PID}&relay=" + quote("https://relay.example.org", safe="")


def test_round_trip_with_every_part() -> None:
    code, _key = new_code("team:" + "ab" * 16, "0123456789abcdef")
    invitation = Invitation(PID, ("https://relay.example.org", "http://192.168.1.20:8767"), code, "Zoë Ångström")
    link = encode(invitation)
    assert link.startswith("skiller:invite?v=1&id=did:key:z")
    assert decode(link) == invitation
    assert decode("  SKILLER://invite?" + link.split("?", 1)[1] + "  ") == invitation  # `//`, case, spaces


@given(name=st.text(st.characters(categories=("L", "N", "P", "Zs")), max_size=80),
       port=st.integers(1, 65535), https=st.booleans())
def test_round_trip_property(name: str, port: int, https: bool) -> None:
    invitation = Invitation(PID, (f"{'https' if https else 'http'}://relay.example.org:{port}/base",),
                            name=name.strip())
    assert decode(encode(invitation)) == invitation


@pytest.mark.parametrize(("link", "code"), [
    ("https://example.org", "not_link"),
    ("skiller:profile?v=1", "not_link"),
    ("skiller:invite?" + "a=1&" * 20, "too_many_parts"),
    ("skiller:invite?v=1&relay=http%3A%2F%2Fa", "missing"),
    ("skiller:invite?v=3&id=x", "newer_version"),
    ("skiller:invite?v=one&id=x", "bad_version"),
    (BASE.replace("v=1", "v=1&v=1"), "repeated"),
    (f"skiller:invite?v=1&id={PID}", "no_relay"),
    (BASE.replace(PID, "did:key:z6MkNOTAKEY"), "bad_person"),
    (BASE.replace(PID, PID[:-2]), "bad_person"),
    (BASE.replace(PID, "did:web:evil.example"), "bad_person"),
    (BASE.replace("https%3A", "file%3A"), "bad_scheme"),
    (BASE.replace("https%3A", "javascript%3A"), "bad_scheme"),
    (BASE + quote("@evil.example", safe=""), "bad_relay_credentials"),
    (BASE + "%3A99999", "bad_relay"),
    (BASE + "%3Fx%3D1", "bad_relay_query"),
    (BASE + "%0Aevil", "bad_relay_spaces"),
    (f"skiller:invite?v=1&id={PID}&relay=" + quote("https://" + "a" * 400, safe=""), "bad_relay_length"),
    (BASE + "&relay=http%3A%2F%2Fb&relay=http%3A%2F%2Fc&relay=http%3A%2F%2Fd&relay=http%3A%2F%2Fe", "relay_count"),
    (BASE + "&team=skiller-team-nothing", "bad_team_code"),
    (BASE + "&name=" + quote("\u202eevil"), "bad_name"),
    (BASE + "&name=" + "x" * 81, "bad_name_length"),
    (BASE + "&name=%FF", "malformed"),
    (BASE + "&name=" + "x" * MAX_LINK_CHARS, "too_long"),
])
def test_hostile_links_are_refused_with_a_code(link: str, code: str) -> None:
    with pytest.raises(InvitationError) as refused:
        decode(link)
    assert refused.value.reason == code
    assert refused.value.code == "invitation." + code  # catalogued: the UI says it by this code
    assert str(refused.value)  # an English sentence for the CLI


@pytest.mark.parametrize("name", ["👩\u200d💻 Ana", "Ana 👨\u200d👩\u200d👧", "می\u200cخواهم"])
def test_names_with_joiners_make_a_link(name: str) -> None:
    """Emoji sequences and Persian words need zero-width joiners; a bidi override is still refused (above)."""
    invitation = Invitation(PID, ("https://relay.example.org",), name=name)
    assert decode(encode(invitation)).name == name


def test_unknown_parts_are_kept_aside_and_duplicate_relays_dropped() -> None:
    found = decode(BASE + "&relay=" + quote("https://relay.example.org/", safe="") + "&future=yes")
    assert found.relays == ("https://relay.example.org",)
    assert found.extra == {"future": "yes"}


def test_an_invalid_invitation_is_never_encoded() -> None:
    with pytest.raises(InvitationError):
        encode(Invitation(PID, ()))
    with pytest.raises(InvitationError):
        encode(Invitation(PID, ("ftp://relay.example.org",)))
    assert looks_like_link(" Skiller:invite") and not looks_like_link("skill")


def test_qr_code_png_and_svg(tmp_path) -> None:
    link = encode(Invitation(PID, ("https://relay.example.org",), name="Ana"))
    assert qr_png(link).startswith(b"\x89PNG")
    assert save_qr(link, tmp_path / "a.svg").read_text().lstrip().startswith("<?xml")
    assert (save_qr(link, tmp_path / "a.png")).read_bytes().startswith(b"\x89PNG")
    with pytest.raises(Exception, match=r"a \.png or"):
        save_qr(link, tmp_path / "a.gif")


def test_the_app_takes_a_link_as_its_argument(monkeypatch, tmp_path) -> None:
    """What a registered URI handler runs: `skiller 'skiller:invite?…'` opens the app on that link."""
    import argparse

    from skiller_desktop import __main__ as root

    seen = []
    monkeypatch.setattr(root, "launch_app", lambda data_dir, demo, link=None: seen.append((data_dir, demo, link)) or 0)
    assert root.main(["--data-dir", str(tmp_path), "Skiller:invite?v=1"]) == 0
    assert root.main([]) == 0
    assert seen == [(tmp_path, False, "Skiller:invite?v=1"), (None, False, None)]
    sub = argparse.ArgumentParser().add_subparsers()
    root.INVITE_COMMANDS.register(sub)
    assert tuple(sub.choices) == root.INVITE_COMMANDS.names


@pytest.mark.parametrize(("url", "local"), [
    ("http://127.0.0.1:8767", True), ("http://127.1.2.3", True), ("http://localhost:8767", True),
    ("http://LOCALHOST", True), ("http://[::1]:8767", True), ("http://192.168.1.20:8767", False),
    ("https://relay.example.org", False), ("http://127.example.org", False), ("http://[::1", False), ("", False),
])
def test_a_relay_only_this_computer_reaches_is_told_apart(url: str, local: bool) -> None:
    assert is_loopback(url) is local
