"""Render a person's skill portfolio as an A4 PDF.

Pure: takes the plain-dict portfolio view the services build and writes a
file; no database, no Qt. Text goes through the bundled DejaVu Sans so accents,
Greek, Cyrillic, Hebrew and Arabic render the same on every machine.
"""

from __future__ import annotations

import os
import tempfile
import unicodedata
from pathlib import Path
from typing import Any

from fpdf import FPDF

FONT_DIR = Path(__file__).resolve().parents[2] / "resources" / "fonts"
FONT_FAMILY = "DejaVu"

# Caps keep one pasted novel from producing a 60-page PDF or a slow render.
MAX_BIO = 3000
MAX_DESCRIPTION = 1200
MAX_EVIDENCE_DESCRIPTION = 400
MAX_LINE = 240
MAX_SKILL_NAME = 120
MAX_LINKS = 10
MAX_EVIDENCE = 12
MAX_SKILLS = 300

INK = (33, 37, 41)
MUTED = (108, 117, 125)
ACCENT = (31, 111, 120)
DOT_EMPTY = (206, 212, 218)

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
        "more_items": "more not shown",
        "no_skills": "No skills listed yet.",
        "kind.project": "project",
        "kind.link": "link",
        "kind.certificate": "certificate",
        "kind.publication": "publication",
        "kind.other": "other",
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
        "more_items": "autres non affichés",
        "no_skills": "Aucune compétence pour l’instant.",
        "kind.project": "projet",
        "kind.link": "lien",
        "kind.certificate": "certificat",
        "kind.publication": "publication",
        "kind.other": "autre",
    },
}


def labels_for(language: str) -> dict[str, str]:
    """Labels for a language tag such as "fr" or "fr-CA"; English otherwise."""
    return LABELS.get(language.split("-")[0].split("_")[0].lower(), LABELS["en"])


def truncate(text: str, limit: int) -> tuple[str, bool]:
    """Cut at a word boundary near `limit` and add an ellipsis.

    Returns the text and whether it was cut, so the caller can say so.
    """
    text = text.strip()
    if len(text) <= limit:
        return text, False
    cut = text[:limit]
    space = cut.rfind(" ")
    if space > limit * 0.8:
        cut = cut[:space]
    return cut.rstrip() + "…", True


def render_portfolio_pdf(view: dict[str, Any], path: Path, language: str = "en") -> None:
    """Write `view` as a PDF portfolio at `path`.

    The file appears whole or not at all: a failure mid-render leaves any
    previous export untouched.
    """
    pdf = _PortfolioPDF(labels_for(language), view)
    pdf.set_lang(language)
    _header(pdf, view.get("profile") or {})
    _about(pdf, (view.get("profile") or {}).get("bio") or "")
    _skills(pdf, view.get("skills") or [])
    _write_atomically(Path(path), bytes(pdf.output()))


class _PortfolioPDF(FPDF):
    """FPDF with our fonts, margins and a footer naming the person id."""

    def __init__(self, labels: dict[str, str], view: dict[str, Any]) -> None:
        super().__init__(orientation="P", unit="mm", format="A4")
        self.labels = labels
        self.footer_left = _footer_text(labels, view)
        self.set_margins(18, 16, 18)
        self.set_auto_page_break(True, margin=18)
        self._add_fonts()
        self._enable_shaping()
        name = _field(view.get("profile") or {}, "name", MAX_LINE)
        self.set_title(name or "Skiller portfolio")
        self.set_author(name)
        self.set_creator("Skiller Desktop")
        self.add_page()

    def _add_fonts(self) -> None:
        self.add_font(FONT_FAMILY, "", FONT_DIR / "DejaVuSans.ttf")
        self.add_font(FONT_FAMILY, "B", FONT_DIR / "DejaVuSans-Bold.ttf")
        self.set_font(FONT_FAMILY, size=10)

    def _enable_shaping(self) -> None:
        """Join and order Arabic/Hebrew properly when uharfbuzz is installed.

        Without it the text is still drawn (letters unjoined), never an error.
        """
        try:
            self.set_text_shaping(True)
        except Exception:  # fpdf2 raises FPDFException when uharfbuzz is absent
            self.text_shaping = None

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font(FONT_FAMILY, size=7)
        self.set_text_color(*MUTED)
        width = self.epw - 20
        self.cell(width, 4, self.clean(self.footer_left), align="L")
        self.cell(20, 4, f"{self.labels['page']} {self.page_no()}/{{nb}}", align="R")

    def clean(self, text: str) -> str:
        """Swap characters the font lacks (emoji, CJK) for something printable.

        Letters and digits become "?" so a name stays visibly present;
        symbols such as emoji are dropped rather than drawn as empty boxes.
        """
        cmap = self.current_font.cmap
        return "".join(_printable(char, cmap) for char in text)

    def paragraph(
        self, text: str, size: float, color: tuple[int, int, int], bold: bool = False, height: float | None = None
    ) -> None:
        """Full-width left-aligned wrapped text, then a new line."""
        self.set_font(FONT_FAMILY, "B" if bold else "", size)
        self.set_text_color(*color)
        self.multi_cell(0, height or size * 0.5, self.clean(text), align="L", new_x="LMARGIN", new_y="NEXT")


def _printable(char: str, cmap: dict[int, int]) -> str:
    if ord(char) in cmap or char in "\n\t":
        return char
    category = unicodedata.category(char)
    return "?" if category[0] in "LN" else ""


def _field(mapping: dict[str, Any], key: str, limit: int) -> str:
    value = mapping.get(key)
    return truncate(str(value), limit)[0] if value not in (None, "") else ""


def _footer_text(labels: dict[str, str], view: dict[str, Any]) -> str:
    generated = str(view.get("generated_at") or "")[:10]
    person = str(view.get("person_id") or "")[:120]
    parts = [f"{labels['generated']} {generated}" if generated else "", person]
    return "  ·  ".join(part for part in parts if part)


def _header(pdf: _PortfolioPDF, profile: dict[str, Any]) -> None:
    pdf.set_fill_color(*ACCENT)
    pdf.rect(0, 0, pdf.w, 4, style="F")
    pdf.set_y(18)
    pdf.paragraph(_field(profile, "name", MAX_LINE) or "—", 24, INK, bold=True, height=11)
    headline = _field(profile, "headline", MAX_LINE)
    if headline:
        pdf.paragraph(headline, 13, ACCENT, height=7)
    pdf.ln(1.5)
    contact = _contact_line(pdf.labels, profile)
    if contact:
        pdf.paragraph(contact, 9.5, MUTED, height=5)
    _links(pdf, profile.get("links") or [])
    pdf.ln(3)


def _contact_line(labels: dict[str, str], profile: dict[str, Any]) -> str:
    languages = ", ".join(str(lang) for lang in (profile.get("languages") or [])[:12])
    parts = [
        _field(profile, "location", MAX_LINE),
        _field(profile, "availability", MAX_LINE),
        f"{labels['languages']} {languages}" if languages else "",
    ]
    return "  ·  ".join(part for part in parts if part)


def _links(pdf: _PortfolioPDF, links: list[Any]) -> None:
    pdf.set_font(FONT_FAMILY, size=9.5)
    pdf.set_text_color(*ACCENT)
    for link in links[:MAX_LINKS]:
        url = truncate(str(link), MAX_LINE)[0]
        target = url if url.startswith(("http://", "https://", "mailto:")) else None
        pdf.multi_cell(0, 5, pdf.clean(url), align="L", link=target, new_x="LMARGIN", new_y="NEXT")


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
    if not str(bio).strip():
        return
    _section_title(pdf, pdf.labels["about"])
    text, cut = truncate(str(bio), MAX_BIO)
    pdf.paragraph(text, 10, INK, height=5)
    if cut:
        pdf.paragraph(pdf.labels["truncated"], 8, MUTED, height=4.5)


def _skills(pdf: _PortfolioPDF, skills: list[dict[str, Any]]) -> None:
    _section_title(pdf, pdf.labels["skills"])
    if not skills:
        pdf.paragraph(pdf.labels["no_skills"], 10, MUTED, height=5)
    for skill in skills[:MAX_SKILLS]:
        _skill(pdf, skill)
    _more_note(pdf, len(skills) - MAX_SKILLS)


def _more_note(pdf: _PortfolioPDF, hidden: int) -> None:
    if hidden > 0:
        pdf.paragraph(f"+{hidden} {pdf.labels['more_items']}", 8.5, MUTED, height=4.5)


def _skill(pdf: _PortfolioPDF, skill: dict[str, Any]) -> None:
    if pdf.will_page_break(24):
        pdf.add_page()
    pdf.ln(1)
    _skill_title_row(pdf, skill)
    pdf.paragraph(_skill_meta(pdf.labels, skill), 8.5, MUTED, height=4.5)
    description, cut = truncate(str(skill.get("description") or ""), MAX_DESCRIPTION)
    if description:
        pdf.ln(1)
        pdf.paragraph(description + (" " + pdf.labels["truncated"] if cut else ""), 9.5, INK, height=4.8)
    _evidence(pdf, skill.get("evidence") or [])
    pdf.ln(3)


def _skill_title_row(pdf: _PortfolioPDF, skill: dict[str, Any]) -> None:
    """Skill name on the left, level dots and "Level n/5" on the right."""
    level = _level(skill.get("level"))
    label = f"{pdf.labels['level']} {level}/5"
    pdf.set_font(FONT_FAMILY, size=9)
    label_width = pdf.get_string_width(label) + 1
    dots_x = pdf.w - pdf.r_margin - label_width - 21
    top = pdf.get_y()
    pdf.set_font(FONT_FAMILY, "B", 12)
    pdf.set_text_color(*INK)
    pdf.multi_cell(
        dots_x - pdf.l_margin - 4,
        6.5,
        pdf.clean(_field(skill, "name", MAX_SKILL_NAME)),
        align="L",
        new_x="LMARGIN",
        new_y="NEXT",
    )
    bottom = pdf.get_y()
    _level_dots(pdf, dots_x, top + 3.25, level)
    pdf.set_xy(pdf.w - pdf.r_margin - label_width, top + 0.75)
    pdf.set_font(FONT_FAMILY, size=9)
    pdf.set_text_color(*MUTED)
    pdf.cell(label_width, 5, label, align="R")
    pdf.set_xy(pdf.l_margin, max(bottom, top + 6.5))


def _level(value: Any) -> int:
    try:
        return max(0, min(5, int(value)))
    except (TypeError, ValueError):
        return 0


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
    word = labels["endorsement"] if count == 1 else labels["endorsements"]
    parts.append(f"{count} {word}")
    return "  ·  ".join(parts)


def _count(value: Any) -> int:
    try:
        return max(0, int(value))
    except (TypeError, ValueError):
        return 0


def _evidence(pdf: _PortfolioPDF, items: list[dict[str, Any]]) -> None:
    if not items:
        return
    pdf.ln(1.5)
    pdf.paragraph(pdf.labels["evidence"], 8.5, MUTED, bold=True, height=4.5)
    for item in items[:MAX_EVIDENCE]:
        _evidence_item(pdf, item)
    _more_note(pdf, len(items) - MAX_EVIDENCE)


def _evidence_item(pdf: _PortfolioPDF, item: dict[str, Any]) -> None:
    indent = pdf.l_margin + 4
    kind = _field(item, "kind", 40)
    kind = pdf.labels.get(f"kind.{kind.lower()}", kind)
    title = _field(item, "title", MAX_LINE) or _field(item, "url", MAX_LINE)
    _indented(pdf, indent, f"•  {title}" + (f"  ({kind})" if kind else ""), 9.5, INK, bold=True)
    url = _field(item, "url", MAX_LINE)
    if url and url != title:
        _indented(pdf, indent + 3.5, url, 8.5, ACCENT, link=url)
    description, _ = truncate(str(item.get("description") or ""), MAX_EVIDENCE_DESCRIPTION)
    if description:
        _indented(pdf, indent + 3.5, description, 8.5, MUTED)


def _indented(
    pdf: _PortfolioPDF,
    x: float,
    text: str,
    size: float,
    color: tuple[int, int, int],
    bold: bool = False,
    link: str | None = None,
) -> None:
    pdf.set_font(FONT_FAMILY, "B" if bold else "", size)
    pdf.set_text_color(*color)
    pdf.set_x(x)
    target = link if link and link.startswith(("http://", "https://")) else None
    pdf.multi_cell(
        pdf.w - pdf.r_margin - x, size * 0.5, pdf.clean(text), align="L", link=target, new_x="LMARGIN", new_y="NEXT"
    )


def _write_atomically(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".portfolio-", suffix=".pdf", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
