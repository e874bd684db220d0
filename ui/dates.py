"""Dates as the user reads them: in their locale, never a raw ISO string ("2026-11-29T14:05:59Z").

Documents store UTC moments and résumé dates (a day, a month or a year);
every screen shows them through `local_date`.
"""

from __future__ import annotations

from PySide6.QtCore import QDate, QDateTime, QLocale, Qt


def local_date(iso: str, long: bool = False) -> str:
    """An ISO date or UTC moment as a date in the user's locale ("29/11/2026", "29 novembre 2026")."""
    text = (iso or "").strip()
    if not text:
        return ""
    fmt = QLocale.FormatType.LongFormat if long else QLocale.FormatType.ShortFormat
    if len(text) > 10:
        moment = QDateTime.fromString(text.replace("Z", "+00:00"), Qt.DateFormat.ISODate)
        if moment.isValid():
            return QLocale().toString(moment.toLocalTime().date(), fmt)
    day = QDate.fromString(text[:10], Qt.DateFormat.ISODate)
    if day.isValid():
        return QLocale().toString(day, fmt)
    month = QDate.fromString(text[:7], "yyyy-MM")  # résumé dates: a month, or a year
    if month.isValid():
        return QLocale().toString(month, "MMMM yyyy")
    return text[:10]
