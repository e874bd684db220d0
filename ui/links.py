"""Links others wrote are followed only to the web or to a mail program.

A profile's links come from whoever signed the profile: `file://`, `smb://`
or an application's own scheme would make a click open something on this
computer or its network. Those are shown as text; only the schemes below
become clickable.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

OPENABLE_SCHEMES = frozenset({"http", "https", "mailto"})


def is_openable(url: str | QUrl) -> bool:
    """True for a well-formed http(s) or mailto URL."""
    parsed = url if isinstance(url, QUrl) else QUrl(url.strip(), QUrl.ParsingMode.StrictMode)
    if not parsed.isValid() or parsed.scheme().lower() not in OPENABLE_SCHEMES:
        return False
    return parsed.scheme().lower() == "mailto" or bool(parsed.host())


def link_html(url: str) -> str:
    """An anchor for an openable URL; the escaped text of any other."""
    text = html.escape(url)
    if not is_openable(url):
        return text
    href = QUrl(url.strip()).toString(QUrl.ComponentFormattingOption.FullyEncoded)
    return f'<a href="{html.escape(href)}">{text}</a>'


def open_url(url: QUrl) -> bool:
    """Open an openable URL in the user's browser or mail program; refuse anything else."""
    if not is_openable(url):
        return False
    return QDesktopServices.openUrl(url)
