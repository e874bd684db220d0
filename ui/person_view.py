"""A person as others see them: profile, skills with endorsement counts, endorsements received."""

from __future__ import annotations

import html

from PySide6.QtWidgets import QTextBrowser, QWidget

from skiller_desktop.views import Endorsement, Profile, Skill

from .links import link_html, open_url
from .models import level_text
from .skill_completer import skill_choice


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

    def show_person(self, profile: Profile, skills: list[Skill], received: list[Endorsement]) -> None:
        esc = html.escape
        parts = [f"<h2>{esc(profile.name)}</h2>"]
        if profile.headline:
            parts.append(f"<p><b>{esc(profile.headline)}</b></p>")
        facts = [esc(x) for x in (profile.location, self._availability(profile.availability)) if x]
        if profile.languages:
            facts.append(esc(", ".join(profile.languages)))
        if facts:
            parts.append(f"<p>{' · '.join(facts)}</p>")
        if profile.bio:
            parts.append(f"<p>{esc(profile.bio)}</p>")
        for link in profile.links:
            parts.append(f"<p>{link_html(str(link))}</p>")
        skills_title, no_skills = self.tr("Skills"), self.tr("No skills yet.")
        parts.append(f"<h3>{esc(skills_title)}</h3>")
        if not skills:
            parts.append(f"<p>{esc(no_skills)}</p>")
        rows = "".join(
            f"<tr><td>{esc(skill_choice(s))}</td><td>{level_text(s.level)}</td>"  # issue 13: + reader's label
            f"<td>{esc(self.endorsement_count(s.endorsement_count))}</td></tr>"
            for s in skills
        )
        parts.append(f"<table cellspacing='4'>{rows}</table>")
        visible = [e for e in received if not e.hidden and not e.revoked]
        title, none_yet = self.tr("Endorsements"), self.tr("No endorsements yet.")
        parts.append(f"<h3>{esc(title)}</h3>")
        if not visible:
            parts.append(f"<p>{esc(none_yet)}</p>")
        for e in visible[:50]:
            comment = f" — <i>{esc(e.comment)}</i>" if e.comment else ""
            parts.append(f"<p><b>{esc(e.skill)}</b>: {esc(e.endorser_name)}, {esc(e.date[:10])}{comment}</p>")
        self.setHtml("".join(parts))

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
