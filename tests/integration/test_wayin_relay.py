"""The relay run from the app (sync/hosted_relay.py), the relay check, and `skiller invite` / `skiller open`."""

from __future__ import annotations

import json
import socket

from support import run_cli

from sync.hosted_relay import RELAY_FILE, HostedRelay
from sync.node import NodeSync
from sync.relay_probe import check_relay


def test_a_second_node_syncs_through_the_hosted_relay(tmp_path, node) -> None:
    ana, ben = node("Ana", "Weaver"), node("Ben")
    relay = HostedRelay(ana.data_dir, port=0)
    urls = relay.start()
    try:
        assert (ana.data_dir / RELAY_FILE).exists()
        assert relay.local_url in urls
        for services in (ana, ben):
            sync = NodeSync(services)
            try:
                status = sync.scheduler.sync_once(sync.scheduler.add_peer(relay.local_url, "relay").peer_id)
                assert status.state.value == "up to date", status.last_error
            finally:
                sync.close()
        assert ben.queries.profile(ana.person_id).headline == "Weaver"
        assert check_relay(relay.local_url).code == "ok"
    finally:
        relay.stop()
    with socket.socket() as probe:  # stopped: the port is closed
        assert probe.connect_ex(("127.0.0.1", relay.port)) != 0


def test_the_relay_check_says_what_is_at_an_address(node) -> None:
    assert check_relay("ftp://relay.example.org").code == "bad_address"
    assert check_relay("not a url at all").code == "bad_address"
    with socket.socket() as free:
        free.bind(("127.0.0.1", 0))
        port = free.getsockname()[1]
    assert check_relay(f"127.0.0.1:{port}").code == "unreachable"
    device = NodeSync(node("Cleo"))
    server = device.serve()
    try:
        assert check_relay(server.url).code == "is_device"  # a node, not a relay
    finally:
        device.close()


def test_invite_and_open_on_the_command_line(tmp_path) -> None:
    ana_dir, ben_dir = tmp_path / "ana", tmp_path / "ben"
    assert run_cli("init", "--name", "Ana Lúcia", "--headline", "Weaver", data_dir=ana_dir).returncode == 0
    assert run_cli("init", "--name", "Ben", data_dir=ben_dir).returncode == 0
    relay = HostedRelay(tmp_path / "relay", port=0)
    (tmp_path / "relay").mkdir()
    relay.start()
    try:
        refused = run_cli("invite", data_dir=ana_dir)
        assert refused.returncode == 1 and "no relay" in refused.stderr
        assert run_cli("sync", "--once", "--relay", relay.local_url, data_dir=ana_dir).returncode == 0
        made = run_cli("--json", "invite", "--qr", str(tmp_path / "ana.png"), data_dir=ana_dir)
        assert made.returncode == 0, made.stderr
        link = json.loads(made.stdout)["link"]
        assert (tmp_path / "ana.png").read_bytes().startswith(b"\x89PNG")

        bad = run_cli("open", link.replace("relay=http", "relay=ftp"), data_dir=ben_dir)
        assert bad.returncode == 1 and "http:// or https://" in bad.stderr
        with socket.socket() as free:
            free.bind(("127.0.0.1", 0))
            dead = f"http://127.0.0.1:{free.getsockname()[1]}"
        nothing = run_cli("open", link.split("&relay=")[0] + "&relay=" + dead.replace(":", "%3A").replace("/", "%2F"),
                          data_dir=ben_dir)
        assert nothing.returncode == 1 and "nothing was saved" in nothing.stderr
        assert json.loads(run_cli("--json", "peers", data_dir=ben_dir).stdout) == []  # refused before saving

        opened = run_cli("open", link, data_dir=ben_dir)
        assert opened.returncode == 0, opened.stderr
        assert "Ana Lúcia — Weaver" in opened.stdout
        assert run_cli("open", link, data_dir=ana_dir).returncode == 1  # your own link
    finally:
        relay.stop()
