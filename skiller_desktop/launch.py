"""What the desktop app was asked to open: a `skiller:` link or a `.skb` bundle given as its argument.

A registered handler starts the app with one of them (`skiller 'skiller:invite?…'`,
`Skiller.exe "C:\\…\\ana.skb"`, a Linux launcher's `%u`, which may be a
`file://` URL). No Qt here: the composition root reads the arguments before
deciding whether to start the app at all.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlparse

from .invitations import looks_like_link

BUNDLE_SUFFIX = ".skb"


def openable(item: str) -> str | None:
    """`item` as the window opens it: a `skiller:` link as given, a bundle as an absolute path; else None."""
    text = item.strip()
    if looks_like_link(text):
        return text
    if text[:7].lower() == "file://":
        text = unquote(urlparse(text).path)
        if len(text) > 2 and text[0] == "/" and text[2] == ":":  # file:///C:/… on Windows
            text = text[1:]
    if text.lower().endswith(BUNDLE_SUFFIX):
        return str(Path(text).expanduser().absolute())
    return None


def is_link(item: str) -> bool:
    return item[:8].lower() == "skiller:"
