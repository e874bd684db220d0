"""A relay under hostile requests (issue 10, points 4, 6 and 10, and blocking a key), real processes on loopback.

Each test fails on the relay as it was: a quadratic causal sort under the one
write lock, `/v1/info` waiting behind it, bodies read before any check and
never timed out, one global pending queue, 500s on out-of-range integers, no
way to block a key. No timing assertions: a bound on a wait only says
"answers at all".
"""

from __future__ import annotations

import socket
import subprocess
import sys
import threading

import pytest
import requests
from sync_processes import ROOT, doc_heads, env, node_db, skiller, start_node_server, start_relay, wait_until

from bench.attacks import answer_within, person_with_edits, push, stalled_bodies
from skiller_desktop import blocklist
from skiller_desktop.db import Database
from skiller_desktop.identity import Identity
from skiller_desktop.services import Services
from sync.auth import sign_request
from sync.wire import WireEntry, encode_json

pytestmark = pytest.mark.slow


def _relay_command(db, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "sync.relay", *args, "--db", str(db)], capture_output=True,
                          text=True, env=env(), cwd=ROOT, timeout=60)


def _log_of(services: Services) -> list[WireEntry]:
    return [WireEntry(e.doc_id, e.entry_kind, e.hash, e.data) for e in services.store.log_since(0, 10_000)]


def _raw_answer(url: str, request: bytes, wait: float = 20) -> bytes:
    """Send raw bytes, return what the server answers before it closes or `wait` runs out."""
    host, port = url.removeprefix("http://").split(":")
    answer = b""
    with socket.create_connection((host, int(port)), timeout=5) as sock:
        sock.sendall(request)
        sock.settimeout(wait)
        try:
            while chunk := sock.recv(65536):
                answer += chunk
        except TimeoutError:
            pass
    return answer


def test_a_history_sent_newest_first_does_not_hold_the_relay(tmp_path):
    """4,990 valid changes in reverse order: accepted, and /v1/info answers all along (point 6)."""
    relay = start_relay(tmp_path / "relay.sqlite3")
    identity, entries = person_with_edits(4_988)
    answers: list[requests.Response] = []
    sender = threading.Thread(target=lambda: answers.append(push(relay.url, identity, [*entries[-2::-1],
                                                                                       entries[-1]])))
    try:
        sender.start()
        while sender.is_alive():
            assert requests.get(relay.url + "/v1/info", timeout=5).status_code == 200
        sender.join()
        assert answers[0].status_code == 200, answers[0].text
        assert answers[0].json()["accepted"] == len(entries)
        assert relay.info()["newest_seq"] == len(entries)
    finally:
        relay.stop()


def test_stalled_bodies_are_let_go_and_honest_clients_still_served(tmp_path):
    """60 sockets send headers and a bit of body, 5 half their headers, then nothing.

    /v1/info answers meanwhile, all of them are let go, and a sync works.
    """
    relay = start_relay(tmp_path / "relay.sqlite3")
    stalled = stalled_bodies(relay.url, 60)
    host, port = relay.url.removeprefix("http://").split(":")
    half_headers = [socket.create_connection((host, int(port)), timeout=5) for _ in range(5)]
    for sock in half_headers:
        sock.sendall(b"POST /v1/log HTTP/1.1\r\nHost: x\r\n")
    stalled += half_headers
    try:
        assert requests.get(relay.url + "/v1/info", timeout=5).status_code == 200
        for sock in half_headers:
            assert answer_within(sock, 40) == b"", "headers that never end were never timed out"
        answers = []
        for sock in stalled[:60]:
            answer = answer_within(sock, 40)
            assert answer is not None, "a stalled body was never timed out"
            answers.append(answer.split(b"\r\n", 1)[0])
        assert any(b" 429 " in line for line in answers), answers  # past the limit per address: at once
        assert any(b" 408 " in line for line in answers), answers  # the others: after the body deadline
        alice = tmp_path / "alice"
        skiller(alice, "init", "--name", "Alice")
        assert skiller(alice, "sync", "--relay", relay.url, "--once")["report"]["pushed"] > 0
    finally:
        for sock in stalled:
            sock.close()
        relay.stop()


def test_cheap_checks_come_before_the_body(tmp_path):
    """Unsigned, blocked or chunked POSTs are refused without waiting for their (never sent) body."""
    relay_db = tmp_path / "relay.sqlite3"
    relay = start_relay(relay_db)
    me = Services(tmp_path / "me")
    me.create_identity("Me")
    try:
        head = "POST /v1/log HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        unsigned = _raw_answer(relay.url, f"{head}Content-Length: 5000000\r\n\r\n{{".encode())
        assert unsigned.startswith(b"HTTP/1.1 401"), unsigned
        signed = "".join(f"{k}: {v}\r\n" for k, v in sign_request(me.require_identity(), "POST", "/v1/log",
                                                                    b"").items())
        chunked = _raw_answer(relay.url, f"{head}{signed}Transfer-Encoding: chunked\r\n\r\n5\r\n{{\"ent".encode())
        assert chunked.startswith(b"HTTP/1.1 411"), chunked
        assert _relay_command(relay_db, "block", me.person_id, "--reason", "spam").returncode == 0
        signed = "".join(f"{k}: {v}\r\n" for k, v in sign_request(me.require_identity(), "POST", "/v1/log",
                                                                    b"").items())
        blocked = _raw_answer(relay.url, f"{head}{signed}Content-Length: 5000000\r\n\r\n{{".encode())
        assert blocked.startswith(b"HTTP/1.1 403") and b'"blocked"' in blocked, blocked
    finally:
        me.close()
        relay.stop()


def test_out_of_range_numbers_and_deep_json_are_4xx(tmp_path):
    relay = start_relay(tmp_path / "relay.sqlite3")
    me = Services(tmp_path / "me")
    me.create_identity("Me")
    identity = me.require_identity()

    def get(path: str) -> requests.Response:
        return requests.get(relay.url + path, headers=sign_request(identity, "GET", path), timeout=20)

    def post(body: bytes) -> requests.Response:
        return requests.post(relay.url + "/v1/log", data=body, headers=sign_request(identity, "POST", "/v1/log",
                                                                                     body), timeout=20)
    try:
        huge = str(10**20)
        for path in (f"/v1/log?since={huge}", "/v1/log?since=-1", "/v1/log?since=abc", "/v1/log?since=%C2%B2",
                     f"/v1/log?limit={huge}", f"/v1/log?since={huge}&doc={me.person_id}",
                     f"/v1/snapshot?limit={huge}"):
            answer = get(path)
            assert answer.status_code == 400 and answer.json()["error"]["code"] == "malformed", (path, answer.text)
        entry = _log_of(me)[0].to_json()
        for body in (b"[" * 100_000 + b"]" * 100_000, b'{"entries": ' + b"[" * 50_000 + b"]" * 50_000 + b"}",
                     encode_json({"entries": [{**entry, "seq": 1e400}]}).replace(b"inf", b"1e400")):
            answer = post(body)
            assert 400 <= answer.status_code < 500 and "error" in answer.json(), answer.text
        assert get("/v1/log?since=0").status_code == 200
    finally:
        me.close()
        relay.stop()


def test_a_pending_flood_from_many_keys_does_not_lock_out_an_honest_node(tmp_path):
    """A sender past its quota is refused; ten keys fill the queue; an honest node still gets through (point 4)."""
    relay = start_relay(tmp_path / "relay.sqlite3")
    try:
        greedy = Identity.generate()  # one sender, three documents' worth of entries that cannot apply
        for _ in range(2):
            assert not push(relay.url, greedy, _waiting_junk()).json().get("rejected")
        over = push(relay.url, greedy, _waiting_junk()).json()
        assert over["rejected"] and "pending quota" in over["rejected"][0]["reason"], str(over)[:300]
        for _ in range(10):  # ten throwaway keys, 5,000 waiting entries each: the queue is full
            answer = push(relay.url, Identity.generate(), _waiting_junk()).json()
        assert "queue is full" in answer["rejected"][0]["reason"], str(answer)[:300]

        honest = Services(tmp_path / "honest")
        honest.create_identity("Honest")
        honest.add_skill("Python", 4)
        entries = _log_of(honest)
        changes = [e for e in entries if e.kind == "change"]
        heads = [e for e in entries if e.kind == "head"]
        waiting = push(relay.url, honest.require_identity(), changes).json()
        assert not waiting.get("rejected") and len(waiting["pending"]) == len(changes), waiting
        done = push(relay.url, honest.require_identity(), heads).json()
        assert not done.get("rejected"), done
        reader = tmp_path / "reader"
        skiller(reader, "init", "--name", "Reader")
        skiller(reader, "sync", "--relay", relay.url, "--once")
        assert doc_heads(node_db(reader))[honest.person_id] == doc_heads(honest.db.path)[honest.person_id]
        honest.close()
    finally:
        relay.stop()


def _waiting_junk() -> list[WireEntry]:
    """5,000 valid changes of a throwaway document, without its first change: each waits for it."""
    _, history = person_with_edits(5_000)
    return history[1:5_001]


def test_a_key_blocked_on_a_running_relay_is_refused_and_no_longer_served(tmp_path):
    relay_db = tmp_path / "relay.sqlite3"
    relay = start_relay(relay_db)
    alice, bob = Services(tmp_path / "alice"), Services(tmp_path / "bob")
    alice.create_identity("Alice")
    bob.create_identity("Bob")
    try:
        assert push(relay.url, alice.require_identity(), _log_of(alice)).status_code == 200
        assert push(relay.url, bob.require_identity(), _log_of(bob)).status_code == 200
        done = _relay_command(relay_db, "block", alice.person_id, "--reason", "spam")
        assert done.returncode == 0, done.stderr
        listed = _relay_command(relay_db, "blocked")
        assert alice.person_id in listed.stdout and "spam" in listed.stdout

        alice.add_skill("Python", 3)
        assert push(relay.url, alice.require_identity(), _log_of(alice)).status_code == 403
        relayed = push(relay.url, bob.require_identity(), _log_of(alice))  # her entries, through someone else
        assert relayed.status_code == 422 and "blocked" in relayed.text, relayed.text
        assert relayed.json()["accepted"] == 0

        fresh = tmp_path / "fresh"
        skiller(fresh, "init", "--name", "Fresh")
        skiller(fresh, "sync", "--relay", relay.url, "--once", check=False)
        seen = doc_heads(node_db(fresh))
        assert bob.person_id in seen and alice.person_id not in seen
        assert _relay_command(relay_db, "unblock", alice.person_id).returncode == 0
        assert alice.person_id not in _relay_command(relay_db, "blocked").stdout
    finally:
        alice.close()
        bob.close()
        relay.stop()


def test_a_node_refuses_and_stops_serving_a_key_it_blocked(tmp_path):
    relay = start_relay(tmp_path / "relay.sqlite3")
    (alice, bob, carol, dave) = (tmp_path / n for n in ("alice", "bob", "carol", "dave"))
    ids = {d: skiller(d, "init", "--name", d.name.capitalize())["person_id"] for d in (alice, bob, carol, dave)}
    try:
        for d in (alice, bob):
            skiller(d, "sync", "--relay", relay.url, "--once")
        skiller(carol, "sync", "--relay", relay.url, "--once")
        assert ids[alice] in doc_heads(node_db(carol))
        db = Database(node_db(carol))
        blocklist.block(db, ids[alice], "spam")
        db.close()
        skiller(alice, "skill", "add", "Python", "--level", "3")
        skiller(alice, "sync", "--relay", relay.url, "--once")
        before = doc_heads(node_db(carol))[ids[alice]]
        skiller(carol, "sync", "--relay", relay.url, "--once", check=False)
        assert doc_heads(node_db(carol))[ids[alice]] == before  # her new entries were refused

        server = start_node_server(carol)
        try:
            skiller(dave, "sync", "--peer", server.url, "--once", check=False)
        finally:
            server.stop()
        seen = doc_heads(node_db(dave))
        assert ids[bob] in seen and ids[alice] not in seen
    finally:
        relay.stop()


def test_relay_serve_invocation_still_works_with_a_subcommand(tmp_path):
    """`skiller-relay serve --port` and the old `skiller-relay --port` both serve (the latter is what tests use)."""
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "sync.relay", "--port", str(port), "--db",
                             str(tmp_path / "r.sqlite3"), "serve"], env=env(), cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        wait_until(lambda: _answers(f"http://127.0.0.1:{port}") or proc.poll() is not None, message="the relay")
        assert proc.poll() is None
    finally:
        proc.terminate()
        proc.wait(10)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _answers(url: str) -> bool:
    try:
        return requests.get(url + "/v1/info", timeout=1).status_code == 200
    except requests.RequestException:
        return False


def test_a_node_does_not_pass_a_key_it_blocked_on_to_another_relay(tmp_path):
    first, second = start_relay(tmp_path / "first.sqlite3"), start_relay(tmp_path / "second.sqlite3")
    alice, bob, carol = (tmp_path / n for n in ("alice", "bob", "carol"))
    ids = {d: skiller(d, "init", "--name", d.name.capitalize())["person_id"] for d in (alice, bob, carol)}
    try:
        for d in (alice, bob, carol):
            skiller(d, "sync", "--relay", first.url, "--once")
        assert ids[alice] in doc_heads(node_db(carol))
        db = Database(node_db(carol))
        blocklist.block(db, ids[alice], "spam")
        db.close()
        skiller(carol, "sync", "--relay", second.url, "--once", check=False)  # pushes what carol holds
        seen = doc_heads(tmp_path / "second.sqlite3")
        assert ids[bob] in seen and ids[carol] in seen and ids[alice] not in seen
    finally:
        first.stop()
        second.stop()
