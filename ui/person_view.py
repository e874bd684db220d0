"""A person as others see them: profile, skills with their evidence, positions, endorsements received.

Everything here was written by someone else (or by the user for others):
every word is escaped, links are clickable only for http(s) and mailto
(`links.link_html`). Skills are paragraphs, not table cells, so a narrow
preview wraps between words ("3 endorsements"), never inside one.
"""

from __future__ import annotations

import html

from PySide6.QtWidgets import QTextBrowser, QWidget

from skiller_desktop.views import Endorsement, Profile, Skill

from .dates import local_date
from .level_legend import dots, legend_html, level_name, level_words, observed
from .links import is_openable, link_html, open_url
from .skill_completer import skill_choice

MAX_SHOWN = 50  # endorsements listed; the Endorsements screen has them all
NBSP = "\u00a0"


def _esc(text: object) -> str:
    return html.escape(str(text or ""))


def _lines(text: object) -> str:
    """Escaped, its line breaks kept."""
    return _esc(text).replace("\n", "<br>")


class PersonView(QTextBrowser):
    """Read-only rich text; hidden and revoked endorsements are not shown, as on the network."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("personView")
        # Links go through `open_url`, which follows only http(s) and mailto; never navigate inside.
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(open_url)
        self.setAccessibleName(self.tr("Profile preview"))
        self.show_empty()

    def show_empty(self, text: str = "") -> None:
        text = text or self.tr("Select a person to see their profile.")
        self.setHtml(f"<p class='muted'>{html.escape(text)}</p>")

    def show_person(self, profile: Profile, skills: list[Skill], received: list[Endorsement],
                    positions: list[dict] | None = None) -> None:
        parts = [f"<h2>{_esc(profile.name)}</h2>"]
        if profile.headline:
            parts.append(f"<p><b>{_esc(profile.headline)}</b></p>")
        facts = [_esc(x) for x in (profile.location, self._availability(profile.availability)) if x]
        if profile.languages:
            facts.append(_esc(", ".join(profile.languages)))
        if facts:
            parts.append(f"<p>{' · '.join(facts)}</p>")
        if profile.bio:
            parts.append(f"<p>{_lines(profile.bio)}</p>")
        for link in profile.links:
            parts.append(f"<p>{link_html(str(link))}</p>")
        parts += self._skills(skills)
        parts += self._positions(positions or [])
        parts += self._endorsements(received)
        self.setHtml("".join(parts))

    # -- parts -------------------------------------------------------------------------
    def _skills(self, skills: list[Skill]) -> list[str]:
        title, none_yet = self.tr("Skills"), self.tr("No skills yet.")  # lupdate finds no tr() in an f-string
        parts = [f"<h3>{_esc(title)}</h3>"]
        if not skills:
            return [*parts, f"<p>{_esc(none_yet)}</p>"]
        for s in skills:
            # the name may wrap before its level; the dots and the level's name stay together
            title = (f"<b>{_esc(skill_choice(s))}</b> <span title='{_esc(level_words(s.level))}'>"
                     f"{dots(s.level)}</span>{NBSP}{_esc(level_name(s.level))}")
            facts = []
            if s.years:
                facts.append(self.tr("%n year(s)", "", s.years))
            if s.endorsement_count:
                facts.append(self.endorsement_count(s.endorsement_count))
            said = " · ".join(_esc(fact).replace(" ", NBSP) for fact in facts)  # "3 endorsements" never splits
            meta = f"<br><span style='color:#6c757d'>{said}</span>" if facts else ""
            parts.append(f"<p style='margin-bottom:2px'>{title}{meta}</p>")
            if s.description:
                parts.append(f"<p style='margin-left:12px'>{_lines(s.description)}</p>")
            parts += self._evidence(s.evidence)
        parts.append(legend_html())
        return parts

    def _evidence(self, items: list[dict]) -> list[str]:
        lines = []
        for item in items[:20]:
            if not isinstance(item, dict):
                continue
            url, title = str(item.get("url") or "").strip(), str(item.get("title") or "").strip()
            shown = _esc(title or url)
            if url and is_openable(url):
                shown = f"{shown} ({link_html(url)})" if title and title != url else link_html(url)
            elif url and title:
                shown = f"{shown} ({_esc(url)})"
            lines.append(f"• {shown}")
        if not lines:
            return []
        label = _esc(self.tr("Evidence:"))
        return [f"<p style='margin-left:12px'><i>{label}</i><br>{'<br>'.join(lines)}</p>"]

    def _positions(self, positions: list[dict]) -> list[str]:
        if not positions:
            return []
        title, today = self.tr("Positions"), self.tr("today")
        parts = [f"<h3>{_esc(title)}</h3>"]
        for p in positions[:30]:
            title = str(p.get("title") or "")
            company = str(p.get("company") or "")
            head = " — ".join(_esc(x) for x in (title, company) if x) or "—"
            start, end = local_date(str(p.get("start") or "")), local_date(str(p.get("end") or ""))
            span = f"{start} – {end or today}" if start else end
            where = " · ".join(_esc(x) for x in (span, str(p.get("location") or "")) if x)
            line = f"<p style='margin-bottom:2px'><b>{head}</b>"
            line += f"<br><span style='color:#6c757d'>{where}</span></p>" if where else "</p>"
            parts.append(line)
            if p.get("description"):
                parts.append(f"<p style='margin-left:12px'>{_lines(p.get('description'))}</p>")
        return parts

    def _endorsements(self, received: list[Endorsement]) -> list[str]:
        visible = [e for e in received if not e.hidden and not e.revoked]
        title, none_yet = self.tr("Endorsements"), self.tr("No endorsements yet.")
        parts = [f"<h3>{_esc(title)}</h3>"]
        if not visible:
            return [*parts, f"<p>{_esc(none_yet)}</p>"]
        for e in visible[:MAX_SHOWN]:
            line = f"<b>{_esc(e.skill)}</b>: {_esc(e.endorser_name)}, {_esc(local_date(e.date))}"
            if e.level:
                seen = self.tr("observed level: %1").replace("%1", observed(e.level))
                line += f" · <span style='color:#6c757d'>{_esc(seen)}</span>"
            if e.comment:
                line += f"<br><i>“{_esc(e.comment)}”</i>"
            parts.append(f"<p>{line}</p>")
        return parts

    def endorsement_count(self, count: int) -> str:
        return self.tr("%n endorsement(s)", "", count)

    def _availability(self, value: str) -> str:
        return availability_label(self, value)


def availability_label(obj, value: str) -> str:
    from PySide6.QtCore import QCoreApplication

    labels = {
        "available": QCoreApplication.translate("Availability", "Available"),
        "open": QCoreApplication.translate("Availability", "Open to offers"),
        "busy": QCoreApplication.translate("Availability", "Busy"),
    }
    return labels.get(value, "")
