"""Sync in plain words: one vocabulary of states, problems and times for the CLI and the UI.

A peer's state and its last problem are said the same way everywhere: the CLI
prints the English of `skiller_desktop.messages` (STATES, ADVICE, TIMES), the
status bar and the Sync screen say the same codes in the user's language
(`ui/messages.py`). The technical `last_error` stays for logs and `--json`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from skiller_desktop.errors import SkillerError
from skiller_desktop.messages import ADVICE, STATES, TIMES, Message

# ProtocolError codes, ours about a peer (BadPeer) or the peer's refusals (docs/protocol.md), to problems.
_PROTOCOL = {"too_large": "sync.too_large", "timeout": "sync.timeout", "deadline": "sync.deadline",
             "malformed": "sync.malformed", "no_progress": "sync.malformed", "stale": "sync.clock",
             "blocked": "sync.blocked_there", "too_many_requests": "sync.busy"}
# Problems that mean "not reachable" rather than "needs attention" (sync.scheduler.state_of).
UNREACHABLE = frozenset({"sync.unreachable"})


def problem_code(exc: BaseException) -> str:
    """The ADVICE code for what ended a sync."""
    from .client import BadAddress, PeerUnreachable  # requests: only where a sync runs (`skiller peers` reads)
    from .transport import UnknownTransport
    from .wire import ProtocolError

    if isinstance(exc, BadAddress):
        return "sync.bad_address"
    if isinstance(exc, PeerUnreachable):
        return "sync.unreachable"
    if isinstance(exc, UnknownTransport):
        return "sync.no_transport"
    if isinstance(exc, ProtocolError):
        return _PROTOCOL.get(exc.code, "sync.peer_refused")
    return "sync.failed" if isinstance(exc, SkillerError) else "sync.internal"


def problem(text: str, code: str, url: str) -> Message:
    return Message(text, code, {"url": url})


@dataclass(frozen=True)
class Said:
    """A status in words: its state, what went wrong and what to try (or ""), when it last synced."""

    state: str  # a STATES code
    advice: str  # an ADVICE code, or ""
    last_success: tuple[str, dict[str, Any]]  # a TIMES code and its params

    def english(self) -> str:
        """"Not reachable: It did not answer. … Last synced: 3 minutes ago." (the CLI's words)."""
        code, params = self.last_success
        line = STATES[self.state] + (f": {ADVICE[self.advice]}" if self.advice else ".")
        return f"{line} Last synced: {TIMES[code].format(**params)}."


def say_status(state: str, last_error: str, problem_code_: str, last_success: str, *, waiting: bool = False,
               now: datetime | None = None) -> Said:
    """`state` a PeerState value; `waiting`: no sync yet in this process and no problem recorded."""
    key = "state." + state.replace(" ", "_")
    if key == "state.offline" and not last_error:
        key = "state.waiting"
    advice = ""
    if last_error and key in ("state.offline", "state.error", "state.incomplete"):
        advice = problem_code_ if problem_code_ in ADVICE else (
            "sync.incomplete" if key == "state.incomplete" else "sync.unreachable" if key == "state.offline"
            else "sync.failed")
    return Said(key if key in STATES else "state.error", advice, when(last_success, now))


def when(iso: str, now: datetime | None = None) -> tuple[str, dict[str, Any]]:
    """A TIMES code and params for an ISO UTC timestamp, relative to `now`, in local time for dates."""
    if not iso:
        return "time.never", {}
    try:
        then = datetime.fromisoformat(iso.replace("Z", "+00:00"))
    except ValueError:
        return "time.never", {}
    if then.tzinfo is None:
        then = then.replace(tzinfo=UTC)
    now = now or datetime.now(UTC)
    seconds = max(0.0, (now - then).total_seconds())
    local = then.astimezone()
    if seconds < 60:
        return "time.just_now", {}
    if seconds < 3600:
        n = int(seconds // 60)
        return ("time.minute", {}) if n == 1 else ("time.minutes", {"n": n})
    if seconds < 86400:
        n = int(seconds // 3600)
        return ("time.hour", {}) if n == 1 else ("time.hours", {"n": n})
    if local.date() == (now.astimezone() - timedelta(days=1)).date():
        return "time.yesterday", {"time": local.strftime("%H:%M")}
    if seconds < 7 * 86400:
        return "time.days", {"n": max(2, int(seconds // 86400))}
    return "time.date", {"date": local.date().isoformat()}
