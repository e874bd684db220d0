"""Is this address really a Skiller relay? One bounded `GET /v1/info` (issue 12, point 1).

Used before a relay address is saved (Settings › relay) and by `skiller open`.
The answer is a `RelayCheck` with a `code` (the UI owns the words) and an
English sentence for the CLI. The other end may be anything, so the request
has a total deadline, the answer a byte cap, and its JSON a bounded parse.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from skiller_desktop import safe_json
from skiller_desktop.invitations import InvitationError, check_relay_url

from .client import MAX_INFO_ANSWER as MAX_ANSWER  # the same cap as a sync client's /v1/info

TIMEOUT_SECONDS = 5.0

SENTENCES = {
    "ok": "this is a Skiller relay",
    "bad_address": "this is not a valid relay address",
    "unreachable": "nothing answers at this address (check it, or whether the relay is running)",
    "timeout": "the address did not answer in time",
    "not_skiller": "something answers at this address, but it is not a Skiller relay",
    "is_device": "this is a Skiller device, not a relay: add it as a peer on the Sync screen",
    "newer_protocol": "this relay speaks a newer protocol: update Skiller",
}


@dataclass(frozen=True)
class RelayCheck:
    code: str                       # a key of SENTENCES
    url: str = ""                   # the address as it will be saved, when it is one
    params: dict[str, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.code == "ok"

    @property
    def sentence(self) -> str:
        return SENTENCES.get(self.code, self.code)


def check_relay(url: str, timeout: float = TIMEOUT_SECONDS) -> RelayCheck:
    """What is at `url`; a bare host:port is taken as http:// as the peer book does."""
    text = url.strip()
    if text and "://" not in text:
        text = "http://" + text
    try:
        address = check_relay_url(text)
    except InvitationError as exc:
        return RelayCheck("bad_address", params={"reason": exc.reason})
    return _probe(address, timeout)


def _probe(address: str, timeout: float) -> RelayCheck:
    import requests

    from .client import RequestWatch, watched_session

    # A read timeout bounds each read only: the watch cuts the whole request at `timeout`, however slowly
    # the other end sends (the same total deadline as every sync request, sync/client.py).
    with watched_session() as session, RequestWatch(timeout) as watch:
        try:
            with session.get(address + "/v1/info", timeout=(timeout, timeout), stream=True,
                             allow_redirects=False, headers={"Accept-Encoding": "identity"}) as response:
                body = response.raw.read(MAX_ANSWER + 1, decode_content=False)
                status = response.status_code
        except requests.Timeout:
            return RelayCheck("timeout", address)
        except (requests.RequestException, OSError, ValueError):
            return RelayCheck("timeout" if watch.fired else "unreachable", address)
    if watch.fired:  # cut short: what came may look whole
        return RelayCheck("timeout", address)
    if status != 200 or len(body) > MAX_ANSWER:
        return RelayCheck("not_skiller", address, {"status": str(status)})
    try:
        info = safe_json.loads(body)
    except (ValueError, RecursionError):
        return RelayCheck("not_skiller", address)
    if not isinstance(info, dict) or not isinstance(info.get("protocol"), int) or "epoch" not in info:
        return RelayCheck("not_skiller", address)
    from . import PROTOCOL_VERSION

    if info["protocol"] > PROTOCOL_VERSION:
        return RelayCheck("newer_protocol", address)
    if info.get("kind") != "relay":
        return RelayCheck("is_device", address)
    return RelayCheck("ok", address)
