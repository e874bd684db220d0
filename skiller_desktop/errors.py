"""Typed errors of the core: what the user can fix, said in words they understand.

The UI shows them next to their cause, the CLI prints one line, the HTTP API
answers a 4xx JSON body. Anything else escaping the core is a bug.

Raised with `say(code, **params)` (skiller_desktop.messages), an error carries
that stable `code` and its `params`, and the UI says it in the user's language
by code; raised with plain text, it has its class's code and the UI shows the
text as it is.
"""

from typing import Any

from .messages import Message


class SkillerError(Exception):
    """Base of every error a user may see."""

    code = "error"
    params: dict[str, Any]

    def __init__(self, message: str = "", *args: Any) -> None:
        super().__init__(message, *args)
        self.params = {}
        if isinstance(message, Message) and message.code:
            self.code, self.params = message.code, message.params

    def as_message(self) -> Message:
        """The English words with the code and params: what a report or a refusal keeps."""
        return Message(str(self), self.code, self.params)


class ValidationError(SkillerError):
    """Input that cannot be accepted as it is; `field` names what to fix."""

    code = "invalid"

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class NotFoundError(SkillerError):
    code = "not_found"


class NotAllowedError(SkillerError):
    code = "not_allowed"


class RejectedError(SkillerError):
    """Data from outside (bundle, peer, relay) that failed verification."""

    code = "rejected"


class StorageError(SkillerError):
    """The environment refused: read-only data dir, full disk, locked file."""

    code = "storage"


class IdentityError(SkillerError):
    """No identity yet, a wrong passphrase or an unreadable key."""

    code = "identity"
