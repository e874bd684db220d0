"""Files written by a newer Skiller are refused with words that say so, not taken for damaged ones.

The store counts its migrations (`PRAGMA user_version`, db.py: "storage.newer");
bundles and identity files carry a format `version`. A higher number than
this build reads means the file came from a newer Skiller: the user is told
to update. Anything else that is not the version we read is malformed.
"""

from __future__ import annotations

from .errors import SkillerError
from .messages import say


def check_format_version(found: object, supported: int, newer_code: str, other_code: str,
                         error: type[SkillerError]) -> None:
    """Raise `error` unless `found` is `supported`: `newer_code` for a higher integer, else `other_code`.

    Both codes take `version` and `supported` (bool is not a version, though Python counts it an int).
    """
    if found == supported and not isinstance(found, bool):
        return
    newer = isinstance(found, int) and not isinstance(found, bool) and found > supported
    shown = found if isinstance(found, int | str) and len(str(found)) <= 20 else "?"
    raise error(say(newer_code if newer else other_code, version=shown, supported=supported))
