"""Typed errors of the core: what the user can fix, said in words they understand.

The UI shows them next to their cause, the CLI prints one line, the HTTP API
answers a 4xx JSON body. Anything else escaping the core is a bug.
"""


class SkillerError(Exception):
    """Base of every error a user may see."""

    code = "error"


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
