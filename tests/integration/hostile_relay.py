"""A relay written to attack its clients, on 127.0.0.1 in a thread (issue 10, point 5).

Alone, it answers `/v1/info` honestly and everything else as its `attack` says:

    endless_body      a log page that never ends (no length; bytes until the client hangs up)
    lying_length      a log page that declares 1 GiB
    huge_snapshot     a snapshot page of ever more documents, without end
    trickle           a log page one byte every 0.2 s
    trickle_headers   the status line, then one header byte every 0.2 s
    stuck_log         log pages whose `next` is the `since` asked, with `more` true
    runaway_log       log pages whose `next` runs past the advertised end, one seq at a time
    endless_snapshot  snapshot pages whose `next` keeps going, without documents
    malformed         a log page without its `entries`
    slow_log          honest-looking pages, one seq each, 0.5 s apart, towards an end of 10,000

With `upstream` (a real relay's URL) it is a man in the middle instead: it forwards
every request, re-signing what it changes, and can

    corrupt_once=DOC  alter the first change (or saved document) of DOC it serves, once
    refuse_push_once=N  keep back the last N entries of the first push, answered as refused

Everything it sent is counted, so a test can tell how much a client read.
"""

from __future__ import annotations

import base64
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import requests

from skiller_desktop.identity import Identity
from sync.auth import sign_request

EPOCH = "hostile-epoch"
NEWEST = 4  # what /v1/info advertises when alone
TRICKLE_SECONDS = 0.2
ENDLESS_LIMIT = 256 * 1024 * 1024  # stop an endless answer here, so a client without a cap fails, not the machine
FULL = "the pending queue is full; send dependencies first"


class HostileRelay:
    def __init__(self, attack: str = "", upstream: str | None = None, corrupt_once: str | None = None,
                 refuse_push_once: int = 0) -> None:
        self.attack = attack
        self.upstream = upstream.rstrip("/") if upstream else None
        self.corrupt_once = corrupt_once
        self.refuse_push_once = refuse_push_once
        self.identity = Identity.generate()  # signs the requests it alters
        self.lock = threading.Lock()
        self.bytes_sent = 0
        self.largest_answer = 0  # what a client had to hold at once, at most
        self.requests: list[str] = []
        self.pushed: list[list[str]] = []  # the hashes of each push received, in order
        self.corrupted: list[str] = []
        self.server = _Server(("127.0.0.1", 0), _handler(self))
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, name="hostile relay", daemon=True)

    def __enter__(self) -> HostileRelay:
        self.thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self.server.shutdown()
        self.server.server_close()

    def count(self, sent: int) -> None:
        with self.lock:
            self.bytes_sent += sent
            self.largest_answer = max(self.largest_answer, sent)


class _Server(ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a client hanging up on an attack is the point, not news


def _handler(relay: HostileRelay) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *_: object) -> None:
            pass

        def do_GET(self) -> None:
            self.handle_request("GET", b"")

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            self.handle_request("POST", self.rfile.read(length))

        def handle_request(self, method: str, body: bytes) -> None:
            relay.requests.append(f"{method} {self.path}")
            try:
                if relay.upstream:
                    self.forward(method, body)
                else:
                    self.attack(method, body)
            except (BrokenPipeError, ConnectionResetError):
                self.close_connection = True

        # -- alone: the attacks ------------------------------------------------
        def attack(self, method: str, body: bytes) -> None:
            url = urlsplit(self.path)
            query = {k: v[0] for k, v in parse_qs(url.query).items()}
            if url.path == "/v1/info":
                newest = 10_000 if relay.attack == "slow_log" else NEWEST
                return self.send_json(200, {"protocol": 1, "kind": "relay", "node_id": "0123456789abcdef",
                                            "person_id": None, "epoch": EPOCH, "newest_seq": newest})
            if method == "POST":
                relay.pushed.append([e["hash"] for e in json.loads(body)["entries"]])
                return self.send_json(200, {"epoch": EPOCH, "accepted": len(relay.pushed[-1]), "duplicates": 0,
                                            "pending": [], "rejected": [], "echo": None})
            attack = relay.attack
            if url.path == "/v1/snapshot":
                if attack == "endless_snapshot":
                    after = query.get("after", "")
                    return self.send_json(200, {"epoch": EPOCH, "upto": NEWEST, "next": after + "z", "docs": []})
                if attack == "huge_snapshot":
                    return self.send_endless(b'{"epoch": "%s", "upto": 4, "next": null, "docs": [' % EPOCH.encode(),
                                             b'{"doc_id": "did:key:z", "data": "' + b"A" * 65536 + b'", '
                                             b'"signed_heads": []},')
                return self.send_json(200, {"epoch": EPOCH, "upto": 0, "next": None, "total": 0, "docs": []})
            since = int(query.get("since", 0))
            if attack == "endless_body":
                return self.send_endless(b'{"entries": [', b'{"doc_id": "x", "kind": "change", "hash": "00", '
                                         b'"data": "' + b"A" * 65536 + b'"},')
            if attack == "lying_length":
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(1 << 30))
                self.end_headers()
                return self.send_endless(b"", b" " * 65536, headers=False)
            if attack in ("trickle", "trickle_headers"):
                return self.trickle(json.dumps(self.page(since, since, False)).encode(),
                                    headers=attack == "trickle_headers")
            if attack == "stuck_log":
                return self.send_json(200, self.page(since, since, True))
            if attack == "runaway_log":
                return self.send_json(200, self.page(since, since + 1, True))
            if attack == "slow_log":
                time.sleep(0.5)
                return self.send_json(200, {**self.page(since, since + 1, True), "newest_seq": 10_000})
            if attack == "malformed":
                return self.send_json(200, {"epoch": EPOCH, "newest_seq": NEWEST, "next": NEWEST, "more": False})
            return self.send_json(200, self.page(since, max(since, NEWEST), False))

        def page(self, since: int, following: int, more: bool) -> dict:
            return {"epoch": EPOCH, "newest_seq": NEWEST, "next": following, "more": more, "entries": []}

        def send_json(self, status: int, data: dict) -> None:
            raw = json.dumps(data).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(raw)))
            self.end_headers()
            self.wfile.write(raw)
            relay.count(len(raw))

        def send_endless(self, opening: bytes, item: bytes, headers: bool = True) -> None:
            """No length, then `item` again and again until the client hangs up (or ENDLESS_LIMIT)."""
            if headers:
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Connection", "close")
                self.end_headers()
            self.close_connection = True
            self.wfile.write(opening)
            sent = len(opening)
            try:
                while sent < ENDLESS_LIMIT:
                    self.wfile.write(item)
                    sent += len(item)
            finally:
                relay.count(sent)

        def trickle(self, raw: bytes, headers: bool) -> None:
            """One byte at a time: a client with a timeout per read only waits forever."""
            head = (b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %d\r\n"
                    b"X-Padding: %s\r\n\r\n" % (len(raw), b"p" * 4000))
            self.close_connection = True
            if not headers:
                self.wfile.write(head)
                head = b""
            for byte in head + raw:
                self.wfile.write(bytes([byte]))
                self.wfile.flush()
                relay.count(1)
                time.sleep(TRICKLE_SECONDS)

        # -- in the middle -------------------------------------------------------
        def forward(self, method: str, body: bytes) -> None:
            headers = {k: v for k, v in self.headers.items() if k.lower().startswith("x-skiller-")}
            held: list[dict] = []
            if method == "POST" and self.path.startswith("/v1/log"):
                entries = json.loads(body)["entries"]
                relay.pushed.append([e["hash"] for e in entries])
                if relay.refuse_push_once and len(relay.pushed) == 1:
                    keep = max(len(entries) - relay.refuse_push_once, 0)
                    entries, held = entries[:keep], entries[keep:]
                    body = json.dumps({"entries": entries}).encode()
                    headers = sign_request(relay.identity, "POST", self.path, body)
            if body:
                headers["Content-Type"] = "application/json"
            answer = requests.request(method, relay.upstream + self.path, data=body or None, headers=headers,
                                      timeout=30)
            status, data = answer.status_code, answer.json()
            if held:
                data["rejected"] = data.get("rejected", []) + [
                    {"kind": e["kind"], "hash": e["hash"], "reason": FULL} for e in held]
                data["echo"] = None
                data["error"] = {"code": "rejected", "message": f"{len(data['rejected'])} entries refused: {FULL}"}
                status = 422
            if method == "GET" and relay.corrupt_once and not relay.corrupted:
                self.corrupt(data)
            self.send_json(status, data)

        def corrupt(self, data: dict) -> None:
            """Flip one bit of the first change (or saved document) of the target, once."""
            for item in data.get("entries") or data.get("docs") or []:
                if item.get("doc_id") == relay.corrupt_once and item.get("kind", "change") == "change":
                    raw = bytearray(base64.b64decode(item["data"]))
                    raw[-5] ^= 0x10
                    item["data"] = base64.b64encode(bytes(raw)).decode()
                    relay.corrupted.append(item.get("hash", item["doc_id"]))
                    return

    return Handler
