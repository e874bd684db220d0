"""Render a person's skill portfolio as an A4 PDF.

Pure: takes the plain-dict portfolio view the services build and writes a
file; no database, no Qt. Text goes through the bundled DejaVu Sans so accents,
Greek, Cyrillic, Hebrew and Arabic render the same on every machine.
"""

from __future__ import annotations

import os
import unicodedata
import uuid
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from fpdf import FPDF

from ..resource_path import resource

if TYPE_CHECKING:
    from fpdf.fonts import TTFFont

FONT_DIR = resource("fonts")
FONT_FAMILY = "DejaVu"

# fpdf2 lays out roughly 10,000 characters a second (3,000 when shaping), so
# each field is capped and the whole document shares a character budget:
# a pasted novel yields a few pages in a few seconds, not a hang.
MAX_BIO = 3000
MAX_DESCRIPTION = 1200
MAX_EVIDENCE_DESCRIPTION = 400
MAX_LINE = 240
MAX_SKILL_NAME = 120
MAX_LINKS = 10
MAX_LANGUAGES = 12
MAX_EVIDENCE = 10
MAX_SKILLS = 200
TEXT_BUDGET = 40_000

INK = (33, 37, 41)
MUTED = (108, 117, 125)
ACCENT = (31, 111, 120)
DOT_EMPTY = (206, 212, 218)
Color = tuple[int, int, int]

LABELS: dict[str, dict[str, str]] = {
    "en": {
        "about": "About",
        "skills": "Skills",
        "level": "Level",
        "year": "year",
        "years": "years",
        "endorsement": "endorsement",
        "endorsements": "endorsements",
        "evidence": "Evidence",
        "languages": "Languages:",
        "generated": "Generated on",
        "page": "Page",
        "truncated": "(shortened for print; the full text is in Skiller)",
        "more_skills": "more skills not shown",
        "more_evidence": "more items not shown",
        "no_skills": "No skills listed yet.",
        "kind.project": "project",
        "kind.link": "link",
        "kind.certificate": "certificate",
        "kind.publication": "publication",
        "kind.other": "other",
        "availability.available": "Available",
        "availability.open": "Open to offers",
        "availability.busy": "Busy",
        "portfolio": "Skiller portfolio",
    },
    "fr": {
        "about": "À propos",
        "skills": "Compétences",
        "level": "Niveau",
        "year": "an",
        "years": "ans",
        "endorsement": "recommandation",
        "endorsements": "recommandations",
        "evidence": "Preuves",
        "languages": "Langues :",
        "generated": "Généré le",
        "page": "Page",
        "truncated": "(abrégé pour l’impression ; le texte complet est dans Skiller)",
        "more_skills": "autres compétences non affichées",
        "more_evidence": "autres éléments non affichés",
        "no_skills": "Aucune compétence pour l’instant.",
        "kind.project": "projet",
        "kind.link": "lien",
        "kind.certificate": "certificat",
        "kind.publication": "publication",
        "kind.other": "autre",
        "availability.available": "Disponible",
        "availability.open": "Ouvert·e aux propositions",
        "availability.busy": "Occupé·e",
        "portfolio": "Portfolio Skiller",
    },
}


def labels_for(language: str) -> dict[str, str]:
    """Labels for a language tag such as "fr" or "fr-CA"; English otherwise."""
    return LABELS.get(language.replace("_", "-").split("-")[0].lower(), LABELS["en"])


def truncate(text: str, limit: int) -> tuple[str, bool]:
    """Cut at a word boundary near `limit` and add an ellipsis.

    Returns the text and whether it was cut, so the caller can say so.
    """
    text = text.strip()
    if len(text) <= limit:
        return text, False
    cut = text[:limit]
    space = cut.rfind(" ")
    if space > limit * 0.6:
        cut = cut[:space]
    return cut.rstrip() + "…", True


def render_portfolio_pdf(view: dict[str, Any], path: Path, language: str = "en") -> None:
    """Write `view` as a PDF portfolio at `path`.

    The file appears whole or not at all: a failure mid-render leaves any
    previous export untouched.
    """
    profile = view.get("profile") or {}
    pdf = _PortfolioPDF(labels_for(language), view)
    pdf.set_lang(language)
    _header(pdf, profile)
    _about(pdf, str(profile.get("bio") or ""))
    _skills(pdf, list(view.get("skills") or []))
    _write_atomically(Path(path), bytes(pdf.output()))


class _PortfolioPDF(FPDF):
    """FPDF with our fonts, margins, a shared text budget and a footer."""

    def __init__(self, labels: dict[str, str], view: dict[str, Any]) -> None:
        super().__init__(orientation="P", unit="mm", format="A4")
        self.labels = labels
        self.budget = TEXT_BUDGET
        self.can_shape = _shaping_available(self)
        self.footer_left = _footer_text(labels, view)
        self.set_margins(18, 16, 18)
        self.set_auto_page_break(True, margin=18)
        self.add_font(FONT_FAMILY, "", FONT_DIR / "DejaVuSans.ttf")
        self.add_font(FONT_FAMILY, "B", FONT_DIR / "DejaVuSans-Bold.ttf")
        self.set_font(FONT_FAMILY, size=10)
        name = _text(view.get("profile") or {}, "name")[:MAX_LINE]
        self.set_title(name or labels["portfolio"])
        self.set_author(name)
        self.set_creator("Skiller Desktop")
        self.add_page()

    def take(self, text: str, limit: int) -> tuple[str, bool]:
        """Truncate to the field's cap and to what is left of the budget."""
        limit = min(limit, self.budget)
        if limit < 20:
            return "", bool(text.strip())
        kept, cut = truncate(text, limit)
        self.budget -= len(kept)
        return kept, cut

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font(FONT_FAMILY, size=7)
        self.set_text_color(*MUTED)
        self.cell(self.epw - 20, 4, self.prepare(self.footer_left), align="L")
        page = self.prepare(f"{self.labels['page']} {self.page_no()}/{{nb}}")  # also resets shaping
        self.cell(20, 4, page, align="R")

    def prepare(self, text: str) -> str:
        """Make `text` drawable with the current font, shaping it if it needs it.

        Characters the font lacks: letters and digits become "?" so a name
        stays visibly present; symbols (emoji) are dropped rather than drawn
        as empty boxes. Shaping is per text because it is three times slower
        and only right-to-left or combining text needs it.
        """
        cmap = cast("TTFFont", self.current_font).cmap  # set_font() gets our TrueType fonts only
        text = "".join(_printable(char, cmap) for char in text)
        if self.can_shape:
            self.set_text_shaping(_needs_shaping(text))
        return text

    def paragraph(self, text: str, size: float, color: Color, bold: bool = False, height: float = 0) -> None:
        """Full-width left-aligned wrapped text, then a new line."""
        self.indented(self.l_margin, text, size, color, bold=bold, height=height)

    def indented(
        self,
        x: float,
        text: str,
        size: float,
        color: Color,
        *,
        bold: bool = False,
        height: float = 0,
        link: str | None = None,
    ) -> None:
        """Wrapped text from `x` to the right margin, then a new line."""
        self.set_font(FONT_FAMILY, "B" if bold else "", size)
        self.set_text_color(*color)
        self.set_x(x)
        width = self.w - self.r_margin - x
        target = link if link and link.startswith(("http://", "https://", "mailto:")) else None
        line = height or size * 0.5
        self.multi_cell(width, line, self.prepare(text), align="L", link=target, new_x="LMARGIN", new_y="NEXT")


def _shaping_available(pdf: FPDF) -> bool:
    """True when uharfbuzz is installed, so Arabic letters join and RTL orders."""
    try:
        pdf.set_text_shaping(True)
    except Exception:  # fpdf2 raises FPDFException when uharfbuzz is absent
        return False
    pdf.set_text_shaping(False)
    return True


def _needs_shaping(text: str) -> bool:
    return any(
        unicodedata.bidirectional(char) in ("R", "AL", "AN") or unicodedata.category(char).startswith("M")
        for char in text
    )


def _printable(char: str, cmap: Mapping[int, object]) -> str:
    if ord(char) in cmap or char in "\n\t":
        return char
    return "?" if unicodedata.category(char)[0] in "LN" else ""


def _text(mapping: dict[str, Any], key: str) -> str:
    value = mapping.get(key)
    return "" if value is None else str(value).strip()


def _count(value: Any, high: int | None = None) -> int:
    """Forgiving int for counts and levels: junk reads as 0, never raises."""
    try:
        number = max(0, int(value))
    except (TypeError, ValueError, OverflowError):
        return 0
    return number if high is None else min(high, number)


def _footer_text(labels: dict[str, str], view: dict[str, Any]) -> str:
    generated = str(view.get("generated_at") or "")[:10]
    person = str(view.get("person_id") or "")[:120]
    parts = [f"{labels['generated']} {generated}" if generated else "", person]
    return "  ·  ".join(part for part in parts if part)


def _header(pdf: _PortfolioPDF, profile: dict[str, Any]) -> None:
    pdf.set_fill_color(*ACCENT)
    pdf.rect(0, 0, pdf.w, 4, style="F")
    pdf.set_y(18)
    name = pdf.take(_text(profile, "name"), MAX_LINE)[0]
    pdf.paragraph(name or "—", 24, INK, bold=True, height=11)
    headline = pdf.take(_text(profile, "headline"), MAX_LINE)[0]
    if headline:
        pdf.paragraph(headline, 13, ACCENT, height=7)
    pdf.ln(1.5)
    contact = pdf.take(_contact_line(pdf.labels, profile), MAX_LINE * 2)[0]
    if contact:
        pdf.paragraph(contact, 9.5, MUTED, height=5)
    for link in list(profile.get("links") or [])[:MAX_LINKS]:
        url = pdf.take(str(link), MAX_LINE)[0]
        if url:
            pdf.indented(pdf.l_margin, url, 9.5, ACCENT, height=5, link=url)
    pdf.ln(3)


def _contact_line(labels: dict[str, str], profile: dict[str, Any]) -> str:
    languages = ", ".join(str(lang) for lang in list(profile.get("languages") or [])[:MAX_LANGUAGES])
    parts = [
        _text(profile, "location")[:MAX_LINE],
        _availability(labels, _text(profile, "availability"))[:MAX_LINE],
        f"{labels['languages']} {languages}" if languages else "",
    ]
    return "  ·  ".join(part for part in parts if part)


def _availability(labels: dict[str, str], value: str) -> str:
    """The profile's availability is a value ("available", "open", "busy"), said in the PDF's language;
    anything else is the person's own words, printed as they are."""
    return labels.get(f"availability.{value.strip().lower()}", value)


def _section_title(pdf: _PortfolioPDF, title: str) -> None:
    """Heading with a hairline under it; never left alone at a page bottom."""
    if pdf.will_page_break(30):
        pdf.add_page()
    pdf.ln(3)
    pdf.paragraph(title.upper(), 10.5, ACCENT, bold=True, height=6)
    pdf.set_draw_color(*ACCENT)
    pdf.set_line_width(0.3)
    pdf.line(pdf.l_margin, pdf.get_y(), pdf.w - pdf.r_margin, pdf.get_y())
    pdf.ln(3)


def _about(pdf: _PortfolioPDF, bio: str) -> None:
    if not bio.strip():
        return
    _section_title(pdf, pdf.labels["about"])
    text, cut = pdf.take(bio, MAX_BIO)
    pdf.paragraph(text, 10, INK, height=5)
    if cut:
        pdf.paragraph(pdf.labels["truncated"], 8, MUTED, height=4.5)


def _skills(pdf: _PortfolioPDF, skills: list[dict[str, Any]]) -> None:
    _section_title(pdf, pdf.labels["skills"])
    if not skills:
        pdf.paragraph(pdf.labels["no_skills"], 10, MUTED, height=5)
    shown = 0
    for skill in skills[:MAX_SKILLS]:
        if pdf.budget < 200:
            break
        _skill(pdf, skill)
        shown += 1
    _more_note(pdf, len(skills) - shown, "more_skills", pdf.l_margin)


def _more_note(pdf: _PortfolioPDF, hidden: int, what: str, x: float) -> None:
    if hidden > 0:
        pdf.indented(x, f"+{hidden} {pdf.labels[what]}", 8.5, MUTED, height=4.5)


def _skill(pdf: _PortfolioPDF, skill: dict[str, Any]) -> None:
    if pdf.will_page_break(24):
        pdf.add_page()
    pdf.ln(1)
    _skill_title_row(pdf, skill)
    pdf.paragraph(_skill_meta(pdf.labels, skill), 8.5, MUTED, height=4.5)
    description, cut = pdf.take(_text(skill, "description"), MAX_DESCRIPTION)
    if description:
        pdf.ln(1)
        pdf.paragraph(description + (" " + pdf.labels["truncated"] if cut else ""), 9.5, INK, height=4.8)
    _evidence(pdf, list(skill.get("evidence") or []))
    pdf.ln(3)


def _skill_title_row(pdf: _PortfolioPDF, skill: dict[str, Any]) -> None:
    """Skill name on the left, level dots and "Level n/5" on the right."""
    level = _count(skill.get("level"), high=5)
    label = f"{pdf.labels['level']} {level}/5"
    pdf.set_font(FONT_FAMILY, size=9)
    label_width = pdf.get_string_width(label) + 1
    dots_x = pdf.w - pdf.r_margin - label_width - 21
    top = pdf.get_y()
    pdf.set_font(FONT_FAMILY, "B", 12)
    pdf.set_text_color(*INK)
    name = pdf.prepare(pdf.take(_text(skill, "name"), MAX_SKILL_NAME)[0] or "—")
    pdf.multi_cell(dots_x - pdf.l_margin - 4, 6.5, name, align="L", new_x="LMARGIN", new_y="NEXT")
    bottom = pdf.get_y()
    _level_dots(pdf, dots_x, top + 3.25, level)
    pdf.set_xy(pdf.w - pdf.r_margin - label_width, top + 0.75)
    pdf.set_font(FONT_FAMILY, size=9)
    pdf.set_text_color(*MUTED)
    pdf.cell(label_width, 5, label, align="R")
    pdf.set_xy(pdf.l_margin, max(bottom, top + 6.5))


def _level_dots(pdf: _PortfolioPDF, x: float, y_center: float, level: int) -> None:
    radius, step = 1.3, 3.6
    for index in range(5):
        pdf.set_fill_color(*(ACCENT if index < level else DOT_EMPTY))
        pdf.circle(x + radius + index * step, y_center, radius, style="F")


def _skill_meta(labels: dict[str, str], skill: dict[str, Any]) -> str:
    years = _count(skill.get("years"))
    count = _count(skill.get("endorsement_count"))
    parts = []
    if years > 0:
        parts.append(f"{years} {labels['year'] if years == 1 else labels['years']}")
    parts.append(f"{count} {labels['endorsement'] if count == 1 else labels['endorsements']}")
    return "  ·  ".join(parts)


def _evidence(pdf: _PortfolioPDF, items: list[dict[str, Any]]) -> None:
    if not items:
        return
    pdf.ln(1.5)
    pdf.paragraph(pdf.labels["evidence"], 8.5, MUTED, bold=True, height=4.5)
    shown = 0
    for item in items[:MAX_EVIDENCE]:
        if pdf.budget < 100:
            break
        _evidence_item(pdf, item)
        shown += 1
    _more_note(pdf, len(items) - shown, "more_evidence", pdf.l_margin + 4)


def _evidence_item(pdf: _PortfolioPDF, item: dict[str, Any]) -> None:
    indent = pdf.l_margin + 4
    kind = _text(item, "kind")[:40]
    kind = pdf.labels.get(f"kind.{kind.lower()}", kind)
    url = pdf.take(_text(item, "url"), MAX_LINE)[0]
    title = pdf.take(_text(item, "title"), MAX_LINE)[0] or url or "—"
    pdf.indented(indent, f"•  {title}" + (f"  ({kind})" if kind else ""), 9.5, INK, bold=True)
    if url and url != title:
        pdf.indented(indent + 3.5, url, 8.5, ACCENT, link=url)
    description = pdf.take(_text(item, "description"), MAX_EVIDENCE_DESCRIPTION)[0]
    if description:
        pdf.indented(indent + 3.5, description, 8.5, MUTED)


def _write_atomically(path: Path, data: bytes) -> None:
    """Write beside the target, then rename: readers never see half a PDF.

    os.open with 0o666 lets the user's umask decide the final permissions,
    like any ordinary file they save.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.part")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
