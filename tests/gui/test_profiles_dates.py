"""Dates in the user's locale (issue 12.6): moments, days, résumé months; never a raw ISO string."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QDate, QDateTime, QLocale, QTimeZone

from ui.dates import local_date


@pytest.mark.parametrize("language, month", [("en", "March 2019"), ("fr", "mars 2019")])
def test_dates_follow_the_language(languages, language, month):
    languages.switch(language)
    day = QLocale().toString(QDate(2026, 11, 29), QLocale.FormatType.ShortFormat)
    assert local_date("2026-11-29") == day
    assert "2026-11-29" not in day
    moment = QDateTime(QDate(2026, 11, 29), QDateTime.fromString("23:30", "HH:mm").time(), QTimeZone.utc())
    local = QLocale().toString(moment.toLocalTime().date(), QLocale.FormatType.ShortFormat)
    assert local_date("2026-11-29T23:30:00Z") == local  # the user's own day, where they are
    assert local_date("2019-03") == month
    assert local_date("2026-11-29", long=True) == QLocale().toString(QDate(2026, 11, 29), QLocale.FormatType.LongFormat)
    assert local_date("") == "" and local_date("someday") == "someday"
